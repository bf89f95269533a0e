// npm run db:backup / db:restore end to end on the engine under test (ADR 011), as child
// processes: a small dataset (two imports through the real ETL, users, a session, an API token,
// the audit log) is backed up, restored into an empty target, and the target holds the same rows
// in every table (ledger, rejected rows and audit log included) and the same sequence positions,
// and serves the same download bytes (CSV, JSON, Arrow, Parquet of the mart and the record
// extract). A restore into a target that already holds data is refused in both languages.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { openPgEngine } from "~/lib/db/engine-pg.server";
import { setDatabase, wrapEngine } from "~/lib/db.server";
import { loader as apiLoader } from "~/routes/api.v1.$resource";
import { createApiToken, createUserWithSession } from "../support/auth";
import { adminQuery, withDatabase } from "../support/pg-admin";
import { responseBytes } from "../support/read-export";
import { createTestDatabase, engineName, serverUrl, type TestDatabase } from "../support/test-db";
import { importSeededRecords } from "./support/assistance-file";
import { runTs } from "./support/child-process";

const SCHEMAS = ["ref", "core", "staging", "mart", "app"];
const DOWNLOADS = [
  "commune-month.csv",
  "commune-month.json",
  "commune-month.arrow",
  "commune-month.parquet",
  "assistance.csv",
  "assistance.parquet",
];

let dir: string;
let source: TestDatabase;
let token: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "cns-backup-"));
  source = await createTestDatabase({ dataDir: path.join(dir, "source") });
  const common = { dir, count: 120, months: ["2025-10", "2025-11"] };
  await importSeededRecords(source.engine, { ...common, prefix: "BK1", seed: 5 });
  await importSeededRecords(source.engine, { ...common, prefix: "BK2", seed: 6 });
  const analyst = await createUserWithSession(source.db, "analyst");
  token = await createApiToken(source.db, analyst.viewer.username);
}, 240_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await source?.close().catch(() => undefined);
  setDatabase(undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table of ours, as text, in a stable order; and each sequence's position. */
async function snapshot(engine: SqlEngine) {
  return withSession(engine, async (s) => {
    const tables = await s.query<{ name: string }>(
      "select schemaname || '.' || tablename as name from pg_tables where schemaname = any($1::text[]) order by 1",
      [SCHEMAS],
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await s.query<{ r: string }>(`select t::text as r from ${name} t order by 1`);
      out[name] = rows.rows.map((row) => row.r);
    }
    const sequences = await s.query<{ name: string; last_value: number | null }>(
      "select schemaname || '.' || sequencename as name, last_value from pg_sequences where schemaname = any($1::text[]) order by 1",
      [SCHEMAS],
    );
    return { tables: out, sequences: sequences.rows };
  });
}

/** The download files, made at one fixed instant: JSON, Arrow and Parquet stamp generated_at. */
async function downloads(engine: SqlEngine): Promise<Record<string, string>> {
  setDatabase(wrapEngine(engine, "test"));
  const out: Record<string, string> = {};
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-04T10:00:00Z"));
  try {
    await downloadEach(out);
  } finally {
    vi.useRealTimers();
  }
  return out;
}

async function downloadEach(out: Record<string, string>): Promise<void> {
  for (const resource of DOWNLOADS) {
    const request = new Request(`http://localhost/api/v1/${resource}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const response = await apiLoader({ request, params: { resource }, context: {} });
    expect(response.status, resource).toBe(200);
    out[resource] = (await responseBytes(response)).toString("base64");
  }
}

const cli = (script: string, args: string[], env: Record<string, string>) =>
  runTs(`scripts/${script}.ts`, args, { SAMPLE_DATA: "off", ...env }).ended;

describe(`db:backup and db:restore (${engineName})`, { timeout: 300_000 }, () => {
  it("restores into an empty target the same rows, sequences and download bytes", async () => {
    const file = path.join(dir, "backup.bin");
    const before = await snapshot(source.engine);
    expect(before.tables["core.import_batch"]).toHaveLength(2);
    expect(before.tables["app.audit_log"]!.length).toBeGreaterThan(0);
    // Downloads are audited (and touch the token), so they come after the backup.
    let expectedDownloads: Record<string, string>;

    let target: SqlEngine;
    if (source.kind === "pglite") {
      // The backup runs in the CLI's own process: the test lets go of the directory.
      await source.close();
      const backedUp = await cli("db-backup", [file], source.env);
      expect(backedUp.code, backedUp.stderr).toBe(0);
      expect(backedUp.stdout).toContain("backed up (pglite)");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const targetDir = path.join(dir, "target");
      const restored = await cli("db-restore", [file], { DATA_DIR: targetDir, DATABASE_URL: "" });
      expect(restored.code, restored.stderr).toBe(0);
      // Into a directory that holds data: refused, nothing changed.
      const again = await cli("db-restore", [file], { DATA_DIR: targetDir, DATABASE_URL: "" });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("đã có dữ liệu");
      expect(again.stderr).toContain("already holds a database");
      target = await openPgliteEngine(path.join(targetDir, "pglite"), { owner: { role: "test" } });
      // The source reopens for the comparison below and afterAll.
      const reopened = await openPgliteEngine(path.join(dir, "source", "pglite"));
      cleanups.push(() => reopened.close());
      expect(await snapshot(reopened)).toEqual(before);
      expectedDownloads = await downloads(reopened);
    } else {
      const backedUp = await cli("db-backup", [file], source.env);
      expect(backedUp.code, backedUp.stderr).toBe(0);
      expect(backedUp.stdout).toContain("backed up (pg_dump)");
      expectedDownloads = await downloads(source.engine);
      const name = `cns_restore_${process.pid}_${randomBytes(3).toString("hex")}`;
      await adminQuery(serverUrl!, `create database ${name}`);
      cleanups.push(() => adminQuery(serverUrl!, `drop database if exists ${name} with (force)`));
      const url = withDatabase(serverUrl!, name);
      const restored = await cli("db-restore", [file], { DATABASE_URL: url });
      expect(restored.code, restored.stderr).toBe(0);
      const again = await cli("db-restore", [file], { DATABASE_URL: url });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("already has Cầu Nối Số tables");
      target = openPgEngine({
        connectionString: url,
        max: 2,
        connectTimeoutMs: 5_000,
        statementTimeoutMs: 60_000,
      });
    }
    cleanups.push(() => target.close());
    const after = await snapshot(target);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const table of Object.keys(before.tables))
      expect(after.tables[table], table).toEqual(before.tables[table]);
    expect(after.sequences).toEqual(before.sequences);
    expect(await downloads(target)).toEqual(expectedDownloads);
  });

  it("refuses a file that is not a backup, and a backup of the other engine", async () => {
    const env =
      source.kind === "pglite"
        ? { DATA_DIR: path.join(dir, "empty"), DATABASE_URL: "" }
        : source.env;
    const bad = await cli("db-restore", ["package.json"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("không phải tệp sao lưu");
    expect(bad.stderr).toContain("is not a Cầu Nối Số backup");
    expect(existsSync(path.join(dir, "empty", "pglite"))).toBe(false);
  });
});
