// The one place that reads process.env. Parsed once with zod; a bad value stops the start with a
// message that names the variable (house style: validate at the boundary, then trust the types).
import { z } from "zod";

const PostgresUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), PostgresUrlSchema.optional()),
  DATA_DIR: z.string().min(1).default("./.data"),
  // Key for pseudonyms of personal values that must tell records apart (etl/pseudonym.server.ts);
  // default: a key file created in DATA_DIR.
  PSEUDONYM_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "64 hex digits (32 bytes)")
    .optional(),
  PROVINCE_CODE: z
    .string()
    .regex(/^[0-9]{1,2}$/, "must be a 2-digit GSO province code such as 68")
    .transform((v) => v.padStart(2, "0"))
    .default("68"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  // How long a web request waits for a database session held by an import or a large download
  // (the embedded engine has one) before it gets a 503 saying what is running (ADR 011).
  DB_WAIT_SECONDS: z.coerce.number().min(0.1).max(600).default(8),
  // How long a command waits for another process to let go of the embedded data directory.
  LOCK_WAIT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  SAMPLE_DATA: z.enum(["auto", "off"]).default("auto"),
  // One-click demo sign-in (ADR 007): auto = with the sample data, no real users and a loopback
  // HOST; force = also when listening beyond the machine; off = never.
  DEMO_MODE: z.enum(["auto", "off", "force"]).default("auto"),
  // The page cache's memory budget (ADR 010): finished pages per viewer and data version. 0 turns
  // it off; `npm run dev` never uses it.
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // 1 only behind our own reverse proxy: X-Forwarded-Host/-Proto then name the public origin
  // (CSRF origin check, HTTPS detection). 0 ignores them, so a client cannot forge them.
  TRUST_PROXY: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  // Host names the server answers to (DNS rebinding, ADR 012), comma-separated; `.example.org`
  // covers its subdomains, `*` any name. Unset: loopback names, plus HOST when it is one address.
  ALLOWED_HOSTS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined),
    z
      .string()
      .regex(/^[\w.*:[\]\- ,]+$/, "must be a comma-separated list of host names")
      .transform((v) =>
        v
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .optional(),
  ),
  // Set by `remix dev` for its live-reload socket, which the CSP allows in development only.
  REMIX_DEV_ORIGIN: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`,
  );
  throw new EnvError(`Invalid environment variable(s):\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
