// Keyed pseudonyms for values that identify a person but are needed to tell records apart
// (issue 11): a record id that is an ID or phone number, a volunteer column holding names. The
// value is replaced by HMAC-SHA-256 under a key kept on the server and never in the database,
// so a leaked database or backup cannot be reversed by hashing every phone number.
//
// The key: PSEUDONYM_KEY (64 hex digits) if set, else `<DATA_DIR>/pseudonym.key`, created with 32
// random bytes, mode 0600, the first time it is needed. Rotating it (docs/data-formats.md) gives
// every such value a new pseudonym: re-imported rows then count as new ones, so rotate only
// together with a full reload.
import { createHmac, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/lib/env.server";

export type Pseudonymise = (value: string, prefix: string) => string;

let cached: { source: string; key: Buffer } | null = null;

async function keyFromFile(file: string): Promise<Buffer> {
  try {
    const text = (await readFile(file, "utf8")).trim();
    if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, "hex");
    throw new Error(`${file} must hold 64 hex digits`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await mkdir(path.dirname(file), { recursive: true });
    const key = randomBytes(32);
    // "wx": two processes creating it at once cannot both win.
    await writeFile(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" }).catch(
      async (e: NodeJS.ErrnoException) => {
        if (e.code !== "EEXIST") throw e;
      },
    );
    await chmod(file, 0o600);
    return keyFromFile(file);
  }
}

/** The server's pseudonym key (see above). */
export async function loadPseudonymKey(): Promise<Buffer> {
  const env = getEnv();
  const source = env.PSEUDONYM_KEY ?? path.resolve(env.DATA_DIR, "pseudonym.key");
  if (cached?.source === source) return cached.key;
  const key = env.PSEUDONYM_KEY ? Buffer.from(env.PSEUDONYM_KEY, "hex") : await keyFromFile(source);
  cached = { source, key };
  return key;
}

/** `prefix` + 20 hex digits of HMAC-SHA-256(key, value): stable for one key, not reversible. */
export function pseudonymiser(key: Buffer): Pseudonymise {
  return (value, prefix) =>
    `${prefix}${createHmac("sha256", key).update(value.normalize("NFC")).digest("hex").slice(0, 20)}`;
}
