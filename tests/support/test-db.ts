// A migrated database with reference data for one test file: in-memory PGlite by default, or a
// fresh database on the PostgreSQL server named by DATABASE_URL (created here, dropped by close()).
// It is also registered as the process-wide database, so loaders under test use it.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { adminQuery, withDatabase } from "./pg-admin";
import { inject } from "vitest";
import type { Kysely } from "kysely";
import type { SqlEngine } from "~/lib/db/engine";
import type { DB } from "~/lib/db/types";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { openPgEngine } from "~/lib/db/engine-pg.server";
import { migrate } from "~/lib/db/migrate.server";
import { setDatabase, wrapEngine } from "~/lib/db.server";
import { seedReference } from "~/lib/reference/seed-reference.server";

export interface TestDatabase {
  db: Kysely<DB>;
  engine: SqlEngine;
  kind: "pglite" | "pg";
  /** For a child process (kill tests): the DATABASE_URL or DATA_DIR that reaches this database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export const serverUrl = process.env.DATABASE_URL || undefined;
export const engineName = serverUrl ? "pg" : "pglite";

export interface TestDatabaseOptions {
  /** PGlite only: keep files under this DATA_DIR (for tests that spawn a second process). */
  dataDir?: string;
  seed?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  let engine: SqlEngine;
  let drop: (() => Promise<void>) | undefined;
  let env: Record<string, string>;
  if (serverUrl) {
    const name = `cns_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const template = inject("pgTemplate");
    await adminQuery(
      serverUrl,
      `create database ${name}${template ? ` template ${template}` : ""}`,
    );
    const url = withDatabase(serverUrl, name);
    engine = openPgEngine({
      connectionString: url,
      max: 4,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 60_000,
    });
    drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    env = { DATABASE_URL: url };
  } else {
    const template = inject("pgliteTemplate");
    engine = await openPgliteEngine(options.dataDir ? path.join(options.dataDir, "pglite") : null, {
      loadDataDir: template ? new Blob([await readFile(template)]) : undefined,
    });
    env = options.dataDir ? { DATA_DIR: options.dataDir, DATABASE_URL: "" } : {};
  }
  await migrate(engine);
  const database = wrapEngine(engine, "test");
  if (options.seed !== false) await seedReference(database.db);
  setDatabase(database);
  return {
    db: database.db,
    engine,
    kind: engine.kind,
    env,
    async close() {
      setDatabase(undefined);
      await engine.close();
      await drop?.();
    },
  };
}
