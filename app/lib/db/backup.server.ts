// Backup and restore of the whole database (ADR 011): reference data, core facts, the batch
// ledger and rejected rows, marts, users, sessions and the audit log. Embedded: a tarball of
// PGlite's data directory taken under the engine's lock, so no transaction is half in it (a
// consistent snapshot while the server runs, since the CLI's backup runs inside the server).
// PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction. A restore
// only goes into an empty target: it never merges into or overwrites live data.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Database } from "~/lib/db.server";
import type { DataDirLock } from "./data-dir-lock.server";
import { withSession } from "./engine";
import { openPgliteEngine, type PgliteEngine } from "./engine-pglite.server";
import { openPgEngine } from "./engine-pg.server";

const run = promisify(execFile);

export class BackupError extends Error {
  constructor(
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(`${message_vi}\n${message_en}`);
    this.name = "BackupError";
  }
}

export type BackupFormat = "pglite" | "pg_dump";

/** pg_dump / pg_restore: on PATH, else the newest under /usr/lib/postgresql/*\/bin (Debian). */
export function postgresTool(tool: "pg_dump" | "pg_restore"): string {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", tool)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin", tool);
  }
  return tool;
}

/** The URL without its password, which goes to the tools by PGPASSWORD instead of argv. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return {
    dbname: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

async function writeAtomically(file: string, write: (temp: string) => Promise<void>) {
  const temp = `${file}.${process.pid}.partial`;
  try {
    await write(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
}

export async function backupDatabase(
  database: Database,
  file: string,
  databaseUrl?: string,
): Promise<BackupResult> {
  if (database.engine.kind === "pglite") {
    const dump = await (database.engine as PgliteEngine).dumpDataDir();
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Password hashes and the audit log are inside: readable by the owner only.
    await writeAtomically(file, (temp) => writeFile(temp, bytes, { mode: 0o600 }));
    return { file, format: "pglite", bytes: bytes.length };
  }
  if (!databaseUrl) throw new Error("backupDatabase: the PostgreSQL URL is needed for pg_dump");
  const { dbname, env } = toolConnection(databaseUrl);
  await writeAtomically(file, async (temp) => {
    await writeFile(temp, "", { mode: 0o600 });
    await run(
      postgresTool("pg_dump"),
      ["--format=custom", "--no-owner", "--file", temp, "--dbname", dbname],
      {
        env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  });
  return { file, format: "pg_dump", bytes: (await stat(file)).size };
}

/** What a backup file holds, from its first bytes: pg_dump's magic, or a tarball. */
export async function detectBackupFormat(file: string): Promise<BackupFormat> {
  const handle = await open(file).catch(() => {
    throw new BackupError(
      `Không mở được tệp sao lưu ${file}.`,
      `Cannot open the backup file ${file}.`,
    );
  });
  try {
    const head = Buffer.alloc(512);
    await handle.read(head, 0, 512, 0);
    if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
    if (head.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
  } finally {
    await handle.close();
  }
  throw new BackupError(
    `${file} không phải tệp sao lưu của Cầu Nối Số (npm run db:backup).`,
    `${file} is not a Cầu Nối Số backup (npm run db:backup).`,
  );
}

const APP_SCHEMAS = ["ref", "core", "staging", "mart", "app"];

export async function restoreIntoPglite(
  dir: string,
  file: string,
  lock: DataDirLock | undefined,
): Promise<void> {
  const format = await detectBackupFormat(file);
  if (format !== "pglite")
    throw new BackupError(
      "Tệp này là bản sao lưu PostgreSQL (pg_dump); hãy khôi phục nó vào PostgreSQL (DATABASE_URL=… npm run db:restore).",
      "This file is a PostgreSQL backup (pg_dump); restore it into PostgreSQL (DATABASE_URL=… npm run db:restore).",
    );
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(
      `Thư mục ${dir} đã có dữ liệu. Khôi phục chỉ vào một DATA_DIR trống: đổi tên hoặc chuyển thư mục hiện có đi trước.`,
      `${dir} already holds a database. A restore goes only into an empty DATA_DIR: rename or move the existing one first.`,
    );
  const engine = await openPgliteEngine(dir, {
    loadDataDir: new Blob([await readFile(file)]),
    ...(lock ? { lock } : { owner: { role: "cli" } }),
  });
  try {
    await withSession(engine, (s) => s.query("select count(*) from core.import_batch"));
  } finally {
    await engine.close();
  }
}

export async function restoreIntoPostgres(databaseUrl: string, file: string): Promise<void> {
  const format = await detectBackupFormat(file);
  if (format !== "pg_dump")
    throw new BackupError(
      "Tệp này là bản sao lưu của cơ sở dữ liệu nhúng; khôi phục nó vào DATA_DIR (không đặt DATABASE_URL), hoặc chuyển lên PostgreSQL bằng npm run db:move.",
      "This file is a backup of the embedded database; restore it into a DATA_DIR (without DATABASE_URL), or move it to PostgreSQL with npm run db:move.",
    );
  const engine = openPgEngine({
    connectionString: databaseUrl,
    max: 1,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 60_000,
  });
  try {
    const { rows } = await withSession(engine, (s) =>
      s.query<{ n: number }>(
        "select count(*) as n from pg_tables where schemaname = any($1::text[])",
        [APP_SCHEMAS],
      ),
    );
    if (rows[0]!.n > 0)
      throw new BackupError(
        "Cơ sở dữ liệu đích đã có bảng của Cầu Nối Số. Khôi phục chỉ vào một cơ sở dữ liệu trống (createdb …).",
        "The target database already has Cầu Nối Số tables. A restore goes only into an empty database (createdb …).",
      );
  } finally {
    await engine.close();
  }
  const { dbname, env } = toolConnection(databaseUrl);
  await run(
    postgresTool("pg_restore"),
    ["--no-owner", "--single-transaction", "--exit-on-error", "--dbname", dbname, file],
    { env, maxBuffer: 16 * 1024 * 1024 },
  );
}
