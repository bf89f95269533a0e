// The one module that opens the database (ADR 003): Kysely over node-postgres when DATABASE_URL is
// set, over embedded PGlite under DATA_DIR otherwise. The handle lives on globalThis because the
// Remix server build and the start script are two module graphs in one process, and PGlite must
// be opened exactly once per data directory.
import path from "node:path";
import { Kysely } from "kysely";
import type { DB } from "./db/types";
import { DatabaseBusyError } from "./db/busy.server";
import type { SqlEngine } from "./db/engine";
import type { DataDirLock } from "./db/data-dir-lock.server";
import { EngineDialect } from "./db/kysely-driver.server";
import { openPgliteEngine, type PgliteOptions } from "./db/engine-pglite.server";
import { openPgEngine } from "./db/engine-pg.server";
import type { Env } from "./env.server";
import { getEnv } from "./env.server";

export interface Database {
  engine: SqlEngine;
  db: Kysely<DB>;
  /** Where the data lives, for logs: a redacted URL or a directory. */
  location: string;
  /** The embedded directory's owner lock (ADR 011); absent on PostgreSQL and in memory. */
  lock?: DataDirLock;
}

const GLOBAL_KEY = Symbol.for("cau-noi-so.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<Database> };
const store = globalThis as GlobalWithDb;

export function wrapEngine(engine: SqlEngine, location: string): Database {
  return { engine, db: new Kysely<DB>({ dialect: new EngineDialect(engine) }), location };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** The embedded engine's directory under DATA_DIR (its lock and control socket sit beside it). */
export function pgliteDirFor(env: Env): string {
  return path.resolve(env.DATA_DIR, "pglite");
}

export async function openDatabase(
  env: Env = getEnv(),
  ownership: Pick<PgliteOptions, "owner" | "lock"> = {},
): Promise<Database> {
  if (env.DATABASE_URL) {
    const engine = openPgEngine({
      connectionString: env.DATABASE_URL,
      max: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    });
    return wrapEngine(engine, redactUrl(env.DATABASE_URL));
  }
  const dir = pgliteDirFor(env);
  const engine = await openPgliteEngine(dir, ownership);
  return { ...wrapEngine(engine, dir), lock: engine.lock };
}

/** The process-wide database, opened from the environment on first use. */
export function getDatabase(): Promise<Database> {
  store[GLOBAL_KEY] ??= openDatabase().catch((error: unknown) => {
    delete store[GLOBAL_KEY];
    throw error;
  });
  return store[GLOBAL_KEY];
}

export async function getDb(): Promise<Kysely<DB>> {
  return (await getDatabase()).db;
}

/** Installs an already-open database as the process-wide one (start script, tests). */
export function setDatabase(database: Database | undefined): void {
  if (database) store[GLOBAL_KEY] = Promise.resolve(database);
  else delete store[GLOBAL_KEY];
}

export async function closeDatabase(): Promise<void> {
  const pending = store[GLOBAL_KEY];
  delete store[GLOBAL_KEY];
  if (pending) await (await pending).engine.close();
}

export interface DbHealth {
  ok: boolean;
  engine: "pglite" | "pg";
  latency_ms: number;
  error?: string;
  /** Reachable but held by an import or a download (the embedded engine's one connection). */
  busy?: { activity: string; since: string };
}

export async function checkDbHealth(): Promise<DbHealth> {
  const started = performance.now();
  const engineKind = getEnv().DATABASE_URL ? "pg" : "pglite";
  try {
    const database = await getDatabase();
    await database.engine.acquire().then(async (session) => {
      try {
        await session.query("select 1");
      } finally {
        session.release();
      }
    });
    return {
      ok: true,
      engine: database.engine.kind,
      latency_ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    // Busy is not down: the engine answers as soon as the import or download lets go.
    if (error instanceof DatabaseBusyError)
      return {
        ok: true,
        engine: engineKind,
        latency_ms: Math.round(performance.now() - started),
        busy: { activity: error.holder.activity, since: error.holder.since.toISOString() },
      };
    return {
      ok: false,
      engine: engineKind,
      latency_ms: Math.round(performance.now() - started),
      error: (error as Error).message,
    };
  }
}
