// npm run db:move end to end (ADR 011): an embedded database with a small dataset (imports
// through the real ETL, a user with a session and an API token, the audit log) is copied by the
// CLI into an empty database on the PostgreSQL server; every table arrives with the same rows
// (the mart included), sequences continue where they were, sessions are revoked and the move is
// audited. A non-empty target is refused in both languages, and so is a running server's
// directory. Needs a PostgreSQL server: DATABASE_URL, as for the pg test run; skipped otherwise.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession, type SqlEngine } from "~/lib/db/engine";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { openPgEngine } from "~/lib/db/engine-pg.server";
import { migrate } from "~/lib/db/migrate.server";
import { wrapEngine } from "~/lib/db.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { createApiToken, createUserWithSession } from "../support/auth";
import { adminQuery, withDatabase } from "../support/pg-admin";
import { importSeededRecords } from "./support/assistance-file";
import { runTs } from "./support/child-process";

const serverUrl = process.env.DATABASE_URL || undefined;
let dir: string;
let target = "";
let targetUrl = "";

beforeAll(async () => {
  if (!serverUrl) return;
  dir = mkdtempSync(path.join(tmpdir(), "cns-move-"));
  // The embedded source, whatever engine the rest of the run uses.
  const engine = await openPgliteEngine(path.join(dir, "data", "pglite"), {
    owner: { role: "test" },
  });
  try {
    const database = wrapEngine(engine, dir);
    await migrate(engine);
    await seedReference(database.db);
    const common = { dir, count: 150, months: ["2025-10", "2025-11"] };
    await importSeededRecords(engine, { ...common, prefix: "MV1", seed: 8 });
    await importSeededRecords(engine, { ...common, prefix: "MV2", seed: 9 });
    const leader = await createUserWithSession(database.db, "leader");
    await createApiToken(database.db, leader.viewer.username);
  } finally {
    await engine.close();
  }
  target = `cns_move_${process.pid}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${target}`);
  targetUrl = withDatabase(serverUrl, target);
}, 300_000);

afterAll(async () => {
  if (!serverUrl) return;
  await adminQuery(serverUrl, `drop database if exists ${target} with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

const move = (to: string) =>
  runTs("scripts/db-move.ts", ["--to", to], {
    DATA_DIR: path.join(dir, "data"),
    DATABASE_URL: "",
  }).ended;

async function onTarget<T>(fn: (engine: SqlEngine) => Promise<T>): Promise<T> {
  const engine = openPgEngine({
    connectionString: targetUrl,
    max: 1,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 60_000,
  });
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

describe.runIf(serverUrl)("db:move embedded → PostgreSQL", { timeout: 600_000 }, () => {
  it("copies and verifies every table, continues the sequences and revokes sessions", async () => {
    const moved = await move(targetUrl);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain("moved and verified");
    expect(moved.stdout).toContain("core.import_batch: 2 row(s)");
    expect(moved.stdout).toContain("1 session(s) revoked");

    await onTarget(async (engine) =>
      withSession(engine, async (s) => {
        const count = async (q: string) => (await s.query<{ n: number }>(q)).rows[0]!.n;
        expect(await count("select count(*) as n from core.assistance")).toBe(300);
        expect(
          await count("select count(*) as n from core.import_batch where status = 'loaded'"),
        ).toBe(2);
        expect(await count("select count(*) as n from mart.commune_month")).toBeGreaterThan(0);
        expect(await count("select count(*) as n from app.session where revoked_at is null")).toBe(
          0,
        );
        expect(
          await count("select count(*) as n from app.audit_log where action = 'database.move'"),
        ).toBe(1);
        // The next batch and user get fresh ids, not ones already used.
        const next = await s.query<{ id: number }>(
          "select nextval('core.import_batch_batch_id_seq') as id",
        );
        expect(next.rows[0]!.id).toBe(3);
      }),
    );

    // Into a database that already holds the tables: refused, nothing changed.
    const again = await move(targetUrl);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("đã có bảng của Cầu Nối Số");
    expect(again.stderr).toContain("Move only into an empty database");
  });

  it("refuses a bad target URL as a usage error", async () => {
    const bad = await move("mysql://nowhere/x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("npm run db:move -- --to postgres://");
  });
});
