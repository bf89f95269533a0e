// Embedded PostgreSQL (PGlite, WASM) kept under DATA_DIR, or in memory for tests. PGlite is one
// connection in one process, so sessions take turns through a FIFO lock: a transaction holds it
// from BEGIN to COMMIT and no other query interleaves.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SessionActivity, SessionHolder } from "./busy.server";
import { currentWaitMs, DatabaseBusyError, noteGaveUp } from "./busy.server";
import type { AcquireOptions, DataDirLock } from "./data-dir-lock.server";
import { acquireDataDirLock } from "./data-dir-lock.server";
import type { LeasedSession, QueryResult, SqlEngine, SqlSession } from "./engine";
import { copyStatement, SESSION_TIME_ZONE, TYPE_PARSERS } from "./engine";

/**
 * The one connection, taken in turn (FIFO). A waiter may give up after its bound; it then learns
 * who holds the connection and since when, which the server shows on its 503 page.
 */
class ConnectionQueue {
  private holder: SessionHolder | null = null;
  private waiters: Array<{ grant: () => void; activity: SessionActivity }> = [];

  acquire(activity: SessionActivity, waitMs: number): Promise<ConnectionTurn> {
    if (!this.holder && this.waiters.length === 0) return Promise.resolve(this.grant(activity));
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const waiter = { activity, grant: () => resolve(this.grant(activity)) };
      this.waiters.push(waiter);
      if (!Number.isFinite(waitMs)) return;
      const timer = setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at === -1) return;
        this.waiters.splice(at, 1);
        const holder = this.holder ?? { activity: "query", since: new Date() };
        noteGaveUp(holder);
        reject(new DatabaseBusyError(holder, Math.round(performance.now() - started)));
      }, waitMs);
      waiter.grant = () => {
        clearTimeout(timer);
        resolve(this.grant(activity));
      };
    });
  }

  private grant(activity: SessionActivity): ConnectionTurn {
    const holder: SessionHolder = { activity, since: new Date() };
    this.holder = holder;
    let done = false;
    return {
      describe: (next) => {
        if (!done) holder.activity = next;
      },
      release: () => {
        if (done) return;
        done = true;
        this.holder = null;
        this.waiters.shift()?.grant();
      },
    };
  }
}

interface ConnectionTurn {
  describe(activity: SessionActivity): void;
  release(): void;
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

/**
 * The embedded server's memory settings (ADR 021). PGlite's defaults are a server's: 128 MB of
 * shared buffers and 64 MB for index builds, all inside the WebAssembly memory, which never gives
 * pages back. Here the database shares one process with the app, and reads go through Node's
 * file system to the OS cache anyway; smaller buffers took the process from 350 to 246 MB right
 * after opening a data directory and from 461 to 305 MB after building a million-row index.
 */
export const PGLITE_SETTINGS = ["shared_buffers=32MB", "maintenance_work_mem=16MB"] as const;

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
      postgresqlconf: [...PGLITE_SETTINGS],
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pg.exec(`set timezone to '${SESSION_TIME_ZONE}'`);
  } catch (error) {
    dirLock?.release();
    throw error;
  }
  const queue = new ConnectionQueue();
  // Whole-engine work (dumps, copies, closing) waits for its turn however long it takes.
  const lock = { acquire: async () => (await queue.acquire("maintenance", Infinity)).release };
  const session = sessionOn(pg);
  let closed = false;
  return {
    kind: "pglite",
    lock: dirLock,
    async acquire(options = {}): Promise<LeasedSession> {
      if (closed) throw new Error("The embedded database is closed.");
      const turn = await queue.acquire(
        options.activity ?? "query",
        options.waitMs ?? currentWaitMs(),
      );
      return { ...session, describe: turn.describe, release: turn.release };
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
