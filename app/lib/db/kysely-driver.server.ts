// A Kysely dialect over our SqlEngine, so typed queries run unchanged on PGlite and on pg.
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import type { LeasedSession, SqlEngine } from "./engine";

class EngineConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(readonly session: LeasedSession) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.session.query<R>(compiled.sql, compiled.parameters);
    return {
      rows: result.rows,
      numAffectedRows: result.rowCount === null ? undefined : BigInt(result.rowCount),
    };
  }

  // Streams through a server-side cursor, so large extracts keep flat memory on both engines.
  async *streamQuery<R>(
    compiled: CompiledQuery,
    chunkSize = 1000,
  ): AsyncIterableIterator<QueryResult<R>> {
    const ownTransaction = !this.inTransaction;
    // Whoever waits for this session meanwhile is told a download is running (db/busy).
    this.session.describe("download");
    if (ownTransaction) await this.session.query("begin");
    const cursor = `kysely_stream_${Math.random().toString(36).slice(2)}`;
    let finished = false;
    try {
      await this.session.query(
        `declare ${cursor} no scroll cursor for ${compiled.sql}`,
        compiled.parameters,
      );
      for (;;) {
        const batch = await this.session.query<R>(
          `fetch forward ${Math.max(1, chunkSize)} from ${cursor}`,
        );
        if (batch.rows.length === 0) break;
        yield { rows: batch.rows };
      }
      await this.session.query(`close ${cursor}`);
      if (ownTransaction) await this.session.query("commit");
      finished = true;
    } finally {
      // An error, or a consumer that stopped early (a download whose client went away): never
      // hand the session back with the cursor's transaction still open.
      if (!finished) {
        if (ownTransaction) await this.session.query("rollback").catch(() => undefined);
        else await this.session.query(`close ${cursor}`).catch(() => undefined);
      }
    }
  }
}

class EngineDriver implements Driver {
  constructor(private readonly engine: SqlEngine) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new EngineConnection(await this.engine.acquire());
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await (connection as EngineConnection).session.query(`begin${isolation}`);
    (connection as EngineConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as EngineConnection).session.query("commit");
    (connection as EngineConnection).inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as EngineConnection).session.query("rollback");
    (connection as EngineConnection).inTransaction = false;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as EngineConnection).session.release();
  }

  // The engine outlives Kysely instances; whoever opened it closes it.
  async destroy(): Promise<void> {}
}

export class EngineDialect implements Dialect {
  constructor(private readonly engine: SqlEngine) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new EngineDriver(this.engine);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
