// db:move — the embedded database onto a PostgreSQL server (ADR 011), for a province that
// outgrows PGlite. The target must be empty; it gets the same migrations, then every table's rows
// (reference data, core facts, batch ledger and rejected rows, marts, users, tokens, sessions,
// audit log) by COPY in creation order (so foreign keys hold), and each sequence's position. It
// is verified table by table (row count and a checksum of the ordered rows, the mart included)
// before the sessions are revoked: everyone signs in again on the new server.
import type { Database } from "~/lib/db.server";
import type { LeasedSession, SqlEngine, SqlSession } from "./engine";
import { withSession, withTransaction } from "./engine";
import type { PgliteEngine } from "./engine-pglite.server";
import { openPgEngine } from "./engine-pg.server";
import { migrate } from "./migrate.server";
import { BackupError } from "./backup.server";

const SCHEMAS = ["ref", "core", "staging", "mart", "app"];
/** Written by migrate() on the target itself. */
const SKIP = new Set(["app.schema_migration"]);

export interface MovedTable {
  table: string;
  rows: number;
}

export interface MoveResult {
  tables: MovedTable[];
  sessionsRevoked: number;
}

async function tablesInCreationOrder(s: SqlSession): Promise<string[]> {
  const { rows } = await s.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = any($1::text[])
      order by c.oid`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name).filter((name) => !SKIP.has(name));
}

async function columnsOf(s: SqlSession, table: string): Promise<string[]> {
  const { rows } = await s.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Row count and an md5 of the rows' text in a stable order: equal tables, equal answers. */
async function fingerprint(s: SqlSession, table: string) {
  const { rows } = await s.query<{ n: number; md5: string | null }>(
    `select count(*) as n, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from ${table} t`,
  );
  return rows[0]!;
}

async function assertEmpty(s: SqlSession): Promise<void> {
  const { rows } = await s.query<{ n: number }>(
    "select count(*) as n from pg_tables where schemaname = any($1::text[])",
    [SCHEMAS],
  );
  if (rows[0]!.n > 0)
    throw new BackupError(
      "Cơ sở dữ liệu đích đã có bảng của Cầu Nối Số. Chỉ chuyển vào một cơ sở dữ liệu trống (createdb …).",
      "The target database already has Cầu Nối Số tables. Move only into an empty database (createdb …).",
    );
}

export async function moveToPostgres(
  source: Database,
  targetUrl: string,
  log: (message: string) => void = () => undefined,
): Promise<MoveResult> {
  if (source.engine.kind !== "pglite")
    throw new BackupError(
      "db:move chuyển cơ sở dữ liệu nhúng; với PostgreSQL hãy dùng db:backup và db:restore.",
      "db:move moves the embedded database; on PostgreSQL use db:backup and db:restore.",
    );
  const from = source.engine as PgliteEngine;
  const target: SqlEngine = openPgEngine({
    connectionString: targetUrl,
    max: 2,
    connectTimeoutMs: 10_000,
    statementTimeoutMs: 30 * 60_000,
    applicationName: "cau-noi-so db:move",
  });
  try {
    await withSession(target, assertEmpty);
    await migrate(target);
    const tables = await withSession(from, tablesInCreationOrder);
    const moved: MovedTable[] = [];
    await withTransaction(target, async (to) => {
      for (const table of tables) {
        const columns = await withSession(from, (s) => columnsOf(s, table));
        const csv = await from.copyOutCsv(table);
        const rows = await to.copyCsv(table, columns, csv);
        moved.push({ table, rows });
        log(`${table}: ${rows} row(s)`);
      }
      const sequences = await withSession(from, (s) =>
        s.query<{ name: string; last_value: number | null }>(
          `select schemaname || '.' || sequencename as name, last_value
             from pg_sequences where schemaname = any($1::text[])`,
          [SCHEMAS],
        ),
      );
      for (const seq of sequences.rows)
        if (seq.last_value !== null)
          await to.query("select setval($1::regclass, $2::bigint, true)", [
            seq.name,
            seq.last_value,
          ]);
    });

    // Verify before anything changes on the target: every table the same rows, marts included.
    for (const table of tables) {
      const [a, b] = await Promise.all([
        withSession(from, (s) => fingerprint(s, table)),
        withSession(target, (s) => fingerprint(s, table)),
      ]);
      if (a.n !== b.n || a.md5 !== b.md5)
        throw new Error(
          `db:move verification failed for ${table}: ${a.n} row(s) embedded, ${b.n} on the server (checksums ${a.md5} / ${b.md5}). The target is left as it is; drop and recreate it before trying again.`,
        );
    }
    const sessionsRevoked = await withSession(target, async (s: LeasedSession | SqlSession) => {
      const revoked = await s.query(
        "update app.session set revoked_at = now() where revoked_at is null",
      );
      await s.query(
        "insert into app.audit_log (action, target, details) values ('database.move', $1, $2::jsonb)",
        [
          "postgresql",
          JSON.stringify({ tables: moved.length, rows: moved.reduce((n, t) => n + t.rows, 0) }),
        ],
      );
      return revoked.rowCount ?? 0;
    });
    return { tables: moved, sessionsRevoked };
  } finally {
    await target.close();
  }
}
