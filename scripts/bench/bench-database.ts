// The benchmark's database: a fresh, migrated and seeded one for each run (a new database on the
// PostgreSQL server, or a PGlite data directory), and psql's \copy as a second baseline on pg.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import { migrate } from "~/lib/db/migrate.server";
import { wrapEngine } from "~/lib/db.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { BARE_COLUMNS, createBareTableSql } from "./bare-table";
import type { BenchTarget } from "./bench-target";
import { openBenchEngine } from "./bench-target";

export interface BenchDatabase {
  target: BenchTarget;
  version: string;
  /** Where the data is, for --keep. */
  location: string;
  drop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(engine: SqlEngine): Promise<string> {
  await migrate(engine);
  await seedReference(wrapEngine(engine, "bench").db);
  const { rows } = await withSession(engine, (s) =>
    s.query<{ server_version: string }>("show server_version"),
  );
  return rows[0]?.server_version ?? "?";
}

/** PGlite: a data directory under workDir (children open it one at a time). */
export async function preparePgliteDatabase(workDir: string): Promise<BenchDatabase> {
  const dataDir = path.join(workDir, "pglite");
  const target: BenchTarget = { engine: "pglite", dataDir };
  const engine = await openBenchEngine(target);
  try {
    const version = `PGlite, PostgreSQL ${await migrateAndSeed(engine)}`;
    return { target, version, location: dataDir, drop: async () => {} };
  } finally {
    await engine.close();
  }
}

/** PostgreSQL: a new database on serverUrl's server, dropped by drop(). */
export async function preparePgDatabase(
  serverUrl: string,
  log: (message: string) => void,
): Promise<BenchDatabase> {
  const name = `cns_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  log(`database ${name} created on ${new URL(serverUrl).host}`);
  const target: BenchTarget = { engine: "pg", url: withDatabaseName(serverUrl, name) };
  const engine = await openBenchEngine(target);
  try {
    const version = `PostgreSQL ${await migrateAndSeed(engine)}`;
    return { target, version, location: target.url, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  } finally {
    await engine.close();
  }
}

const run = promisify(execFile);

export async function psqlAvailable(): Promise<boolean> {
  try {
    await run("psql", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/** psql's client-side \copy of the whole file into a bare table: a second reference on pg. */
export async function timePsqlCopy(
  url: string,
  file: string,
): Promise<{ rows: number; ms: number }> {
  const table = "bench_raw_assistance_psql";
  const psql = (command: string) =>
    run("psql", ["-X", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command], { maxBuffer: 1 << 20 });
  await psql(createBareTableSql(table));
  const started = performance.now();
  const { stdout } = await psql(
    `\\copy ${table} (${BARE_COLUMNS.join(", ")}) from '${file.replaceAll("'", "''")}' with (format csv, header true)`,
  );
  const ms = performance.now() - started;
  await psql(`drop table ${table}`);
  return { rows: Number(/COPY (\d+)/.exec(stdout)?.[1] ?? 0), ms: Math.round(ms) };
}
