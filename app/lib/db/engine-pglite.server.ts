// Embedded PostgreSQL (PGlite, WASM) kept under DATA_DIR, or in memory for tests. PGlite is one
// connection in one process, so sessions take turns through a FIFO lock: a transaction holds it
// from BEGIN to COMMIT and no other query interleaves.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { AcquireOptions, DataDirLock } from "./data-dir-lock.server";
import { acquireDataDirLock } from "./data-dir-lock.server";
import type { LeasedSession, QueryResult, SqlEngine, SqlSession } from "./engine";
import { copyStatement, SESSION_TIME_ZONE, TYPE_PARSERS } from "./engine";

class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

function sessionOn(pg: PGlite): SqlSession {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await pg.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(script: string) {
      await pg.exec(script);
    },
    async copyCsv(table, columns, csv) {
      if (csv.length === 0) return 0;
      const result = await pg.query(copyStatement(table, columns, "'/dev/blob'"), [], {
        blob: new Blob([csv]),
      });
      return result.affectedRows ?? 0;
    },
  };
}

export interface PgliteEngine extends SqlEngine {
  /** A tarball of the whole data directory; a new engine can start from it (test templates). */
  dumpDataDir(): Promise<Blob>;
  /** A whole table as CSV (COPY … TO), for db:move; identifiers are our own, never input. */
  copyOutCsv(table: string): Promise<string>;
  /** The data directory's owner lock, released by close(); undefined in memory. */
  readonly lock: DataDirLock | undefined;
}

export interface PgliteOptions {
  /** Start from a dumpDataDir() tarball instead of running initdb (seconds faster). */
  loadDataDir?: Blob;
  /** Who opens the directory and whether to wait for its owner (data-dir-lock, ADR 011). */
  owner?: AcquireOptions;
  /** The directory's lock, already taken by the caller (the CLI takes it before deciding). */
  lock?: DataDirLock;
}

export async function openPgliteEngine(
  dataDir: string | null,
  options: PgliteOptions = {},
): Promise<PgliteEngine> {
  let dirLock: DataDirLock | undefined;
  let pg: PGlite;
  if (dataDir) {
    await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
    // The lock comes before the directory is touched: a second process never opens it.
    dirLock =
      options.lock ?? (await acquireDataDirLock(dataDir, options.owner ?? { role: "process" }));
  }
  try {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    pg = await PGlite.create(dataDir ?? undefined, {
      parsers: TYPE_PARSERS,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pg.exec(`set timezone to '${SESSION_TIME_ZONE}'`);
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const lock = new Lock();
  const session = sessionOn(pg);
  let closed = false;
  return {
    kind: "pglite",
    lock: dirLock,
    async acquire(): Promise<LeasedSession> {
      if (closed) throw new Error("The embedded database is closed.");
      const unlock = await lock.acquire();
      let released = false;
      return {
        ...session,
        release() {
          if (released) return;
          released = true;
          unlock();
        },
      };
    },
    async copyOutCsv(table) {
      const unlock = await lock.acquire();
      try {
        if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(table))
          throw new Error(`copyOutCsv: unsafe table name ${JSON.stringify(table)}`);
        const result = await pg.query(`copy ${table} to '/dev/blob' with (format csv)`);
        return result.blob ? await result.blob.text() : "";
      } finally {
        unlock();
      }
    },
    async dumpDataDir() {
      const unlock = await lock.acquire();
      try {
        return await pg.dumpDataDir("none");
      } finally {
        unlock();
      }
    },
    async close() {
      if (closed) return;
      // Wait for the session in flight, then close so PGlite flushes its files.
      const unlock = await lock.acquire();
      closed = true;
      try {
        await pg.close();
      } finally {
        dirLock?.release();
        unlock();
      }
    },
  };
}
