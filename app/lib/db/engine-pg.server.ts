// A real PostgreSQL server through node-postgres. The pool gets explicit connection and statement
// timeouts (pg's default connectionTimeoutMillis is 0: wait forever) and an error handler, since
// an idle client's unhandled 'error' event would crash the process.
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { LeasedSession, QueryResult, SqlEngine, SqlSession } from "./engine";
import { copyStatement, SESSION_TIME_ZONE, TYPE_PARSERS } from "./engine";
import { dbAvailability } from "./availability.server";
import type { SessionActivity, SessionHolder } from "./busy.server";
import { currentWaitMs, DatabaseBusyError, noteGaveUp } from "./busy.server";

/** Connections imports and streamed extracts may never take, so pages always find one (ADR 012). */
export const POOL_RESERVED_FOR_PAGES = 4;

/**
 * The bulk share of the pool, for imports and streamed extracts (a COPY holds its connection for
 * the whole download, ADR 019): at most max − the pages' reserve at once (at least one). Work
 * waiting here holds no connection; a web request gives up after its bound.
 */
class BulkShare {
  private holders: SessionHolder[] = [];
  private waiters: Array<() => void> = [];

  constructor(private readonly permits: number) {}

  async enter(activity: SessionActivity, waitMs: number): Promise<() => void> {
    if (this.holders.length >= this.permits) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = Number.isFinite(waitMs)
          ? setTimeout(() => {
              this.waiters.splice(this.waiters.indexOf(grant), 1);
              const holder = this.holders[0]!;
              noteGaveUp(holder);
              reject(new DatabaseBusyError(holder, Math.round(performance.now() - started)));
            }, waitMs)
          : undefined;
        this.waiters.push(grant);
      });
    }
    const holder: SessionHolder = { activity, since: new Date() };
    this.holders.push(holder);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.holders.splice(this.holders.indexOf(holder), 1);
      this.waiters.shift()?.();
    };
  }
}

export interface PgEngineOptions {
  connectionString: string;
  max: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName?: string;
}

const types = {
  getTypeParser(oid: number, format?: string) {
    const custom = TYPE_PARSERS[oid];
    if (custom && format !== "binary") return custom;
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Reports a lost connection to the availability monitor, then rethrows. */
function noting<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    dbAvailability.noteFailure(error);
    throw error;
  });
}

function sessionOn(client: pg.PoolClient): SqlSession {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await noting(client.query({ text, values: params as unknown[] }));
      return { rows: result.rows as R[], rowCount: result.rowCount };
    },
    async exec(script: string) {
      await noting(client.query(script));
    },
    async copyCsv(table, columns, csv) {
      if (csv.length === 0) return 0;
      const stream = client.query(copyStreams.from(copyStatement(table, columns, "stdin")));
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", () => resolve());
        stream.end(csv);
      });
      return Number(stream.rowCount ?? 0);
    },
  };
}

export function openPgEngine(options: PgEngineOptions): SqlEngine {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(options.statementTimeoutMs * 4, 60_000),
    application_name: options.applicationName ?? "cau-noi-so",
    options: `-c TimeZone=${SESSION_TIME_ZONE}`,
    types,
  });
  pool.on("error", (error) => {
    console.error(`[db] idle PostgreSQL client error: ${error.message}`);
    dbAvailability.noteFailure(error);
  });
  const connect = async () => {
    const client = await noting(pool.connect());
    dbAvailability.noteSuccess();
    return client;
  };
  const probe = async () => {
    const client = await pool.connect();
    try {
      await client.query("select 1");
      client.release();
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };
  dbAvailability.setProbe(probe);
  const bulk = new BulkShare(Math.max(1, options.max - POOL_RESERVED_FOR_PAGES));
  return {
    kind: "pg",
    async acquire(acquireOptions = {}): Promise<LeasedSession> {
      const leave =
        acquireOptions.activity === "import" || acquireOptions.activity === "download"
          ? await bulk.enter(acquireOptions.activity, acquireOptions.waitMs ?? currentWaitMs())
          : () => undefined;
      let client: pg.PoolClient;
      try {
        client = await connect();
      } catch (error) {
        leave();
        throw error;
      }
      let released = false;
      let broken: Error | undefined;
      // The pool's error handler covers idle clients only. A leased client can fail too (the
      // server ends the session: idle-in-transaction timeout, restart); without a listener that
      // 'error' event would crash the process. Its pending query rejects on its own; the client
      // is discarded instead of going back to the pool.
      const onError = (error: Error) => {
        broken = error;
        console.error(`[db] PostgreSQL session error: ${error.message}`);
      };
      client.on("error", onError);
      // A COPY … TO STDOUT whose output was not read to the end: the connection is still in copy
      // mode and must not go back to the pool.
      let copying = false;
      return {
        ...sessionOn(client),
        copyOut(statement: string) {
          const stream = client.query(copyStreams.to(statement));
          copying = true;
          stream.once("end", () => (copying = false));
          return stream;
        },
        // Waiting on pg is for a pool slot, not for one holder: nothing to tell the waiters.
        describe() {},
        release() {
          if (released) return;
          released = true;
          client.off("error", onError);
          // pg ends a client with a query still running by destroying its socket: PostgreSQL's next
          // write to it fails and the backend ends the COPY.
          if (copying) broken ??= new Error("COPY output abandoned before its end");
          client.release(broken);
          leave();
        },
      };
    },
    async close() {
      dbAvailability.clearProbe(probe);
      await pool.end();
    },
  };
}
