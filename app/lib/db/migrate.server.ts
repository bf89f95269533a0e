// Forward-only plain-SQL migrations (ADR 002): sql/migrations/NNNN_verb_object.sql, applied in
// order, each in its own transaction together with its ledger row. An applied file is frozen:
// if its checksum changes, we stop rather than guess (add a new migration instead).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlEngine } from "./engine";
import { withSession } from "./engine";

export const MIGRATIONS_DIR = path.resolve("sql/migrations");
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_KEY = 7_068_2025;

/** The database and sql/migrations/ disagree; the message says how. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface Migration {
  version: string;
  file: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = await readFile(path.join(dir, file), "utf8");
    migrations.push({
      version: file.replace(/\.sql$/, ""),
      file,
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
    });
  }
  const versions = migrations.map((m) => m.version.slice(0, 4));
  const duplicate = versions.find((v, i) => versions.indexOf(v) !== i);
  if (duplicate)
    throw new MigrationError(`Two migrations share the number ${duplicate} in ${dir}.`);
  return migrations;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(engine: SqlEngine, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  return withSession(engine, async (session) => {
    // Serializes concurrent runners (several app processes, parallel test files on one server).
    await session.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(`
        create schema if not exists app;
        create table if not exists app.schema_migration (
          version text primary key,
          checksum text not null,
          applied_at timestamptz not null default now()
        );`);
      const { rows } = await session.query<{ version: string; checksum: string }>(
        "select version, checksum from app.schema_migration",
      );
      const ledger = new Map(rows.map((r) => [r.version, r.checksum]));
      const known = new Set(migrations.map((m) => m.version));
      const unknown = [...ledger.keys()].filter((v) => !known.has(v));
      if (unknown.length > 0) {
        throw new MigrationError(
          `The database has migrations this code does not know: ${unknown.join(", ")}. Is the code older than the database?`,
        );
      }
      const applied: string[] = [];
      for (const migration of migrations) {
        const recorded = ledger.get(migration.version);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.file} was changed after it was applied. Applied migrations are frozen: revert the edit and add a new migration.`,
            );
          }
          continue;
        }
        await session.query("begin");
        try {
          await session.exec(migration.sql);
          await session.query(
            "insert into app.schema_migration (version, checksum) values ($1, $2)",
            [migration.version, migration.checksum],
          );
          await session.query("commit");
        } catch (error) {
          await session.query("rollback").catch(() => undefined);
          throw new MigrationError(
            `Migration ${migration.file} failed: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        }
        applied.push(migration.version);
      }
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      await session
        .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
    }
  });
}
