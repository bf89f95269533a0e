// One small interface over the two engines we run on (ADR 003): embedded PGlite (default) and a
// real PostgreSQL server through node-postgres. Kysely (db/kysely-driver.server.ts), the migration
// runner and the ETL's bulk loader all go through it, so both engines run the same SQL.

import type { SessionActivity } from "./busy.server";

export type EngineKind = "pglite" | "pg";

export interface QueryResult<R> {
  rows: R[];
  rowCount: number | null;
}

export interface SqlSession {
  /** One statement with $1… parameters (extended protocol). */
  query<R = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** Several statements, no parameters (simple protocol): migrations and SQL scripts. */
  exec(script: string): Promise<void>;
  /** Bulk-load CSV text (no header) into a table with COPY … FROM; returns rows copied. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<number>;
}

export interface LeasedSession extends SqlSession {
  release(): void;
  /**
   * PostgreSQL only: the output of a COPY … TO STDOUT statement as it streams, with back-pressure.
   * A session released before the output was read to its end is closed instead of pooled, which
   * stops the COPY on the server (ADR 019). The embedded engine has no client socket to stream.
   */
  copyOut?(statement: string): AsyncIterable<Buffer>;
  /** Tells requests waiting for this session what it is doing (a stream turning into a download). */
  describe(activity: SessionActivity): void;
}

export interface AcquireOptions {
  /** What the session will do: shown to those who wait for it; imports use the pool's bulk share. */
  activity?: SessionActivity;
  /** How long to wait for a session; default: the request's bound (db/busy), none outside one. */
  waitMs?: number;
}

export interface SqlEngine {
  readonly kind: EngineKind;
  /** A dedicated session until release(): a pooled client on pg, the single connection on PGlite. */
  acquire(options?: AcquireOptions): Promise<LeasedSession>;
  close(): Promise<void>;
}

/** Runs fn on a dedicated session and always releases it. */
export async function withSession<T>(
  engine: SqlEngine,
  fn: (s: SqlSession) => Promise<T>,
  options?: AcquireOptions,
): Promise<T> {
  const session = await engine.acquire(options);
  try {
    return await fn(session);
  } finally {
    session.release();
  }
}

/** Runs fn inside BEGIN … COMMIT on a dedicated session; ROLLBACK on any error. */
export async function withTransaction<T>(
  engine: SqlEngine,
  fn: (s: SqlSession) => Promise<T>,
  options?: AcquireOptions,
): Promise<T> {
  return withSession(
    engine,
    async (session) => {
      await session.query("begin");
      try {
        const result = await fn(session);
        await session.query("commit");
        return result;
      } catch (error) {
        await session.query("rollback").catch(() => undefined);
        throw error;
      }
    },
    options,
  );
}

// Both engines parse these types the same way, so app code never sees engine differences:
// counts (int8) and numerics as numbers, dates and local timestamps as the strings PostgreSQL
// prints ('2026-03-01', '2026-03-01 08:30:00'); timestamptz stays a Date.
export const TYPE_OIDS = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  time: 1083,
  timestamp: 1114,
} as const;

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: (v) => Number(v),
  [TYPE_OIDS.numeric]: (v) => Number(v),
  [TYPE_OIDS.date]: (v) => v,
  [TYPE_OIDS.time]: (v) => v,
  [TYPE_OIDS.timestamp]: (v) => v,
};

export const SESSION_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** COPY statement text shared by both engines; identifiers are our own constants, never input. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  const ident = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
  for (const name of [table, ...columns]) {
    if (!ident.test(name)) throw new Error(`copyCsv: unsafe identifier ${JSON.stringify(name)}`);
  }
  return `copy ${table} (${columns.join(", ")}) from ${source} with (format csv)`;
}
