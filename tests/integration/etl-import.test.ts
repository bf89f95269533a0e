// What importFile and revertBatch promise across batches: idempotence, corrected re-exports,
// dry runs, --strict, dossier replacement, reverts, concurrent imports and the CLI's contract.
// Every case starts from reference data only and checks mart.commune_month against a full rebuild.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { importFile } from "~/lib/etl/import-file.server";
import { RevertError, revertBatch } from "~/lib/etl/revert-batch.server";
import { rebuildCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import {
  ASSISTANCE_HEADER,
  countEtlTables,
  createTempDir,
  fixturePath,
  importOptions,
  PROVINCE,
  queryRows,
  readMart,
  truncateEtlTables,
} from "./support/etl-fixtures";

const SAMPLES_DIR = new URL("../../docs/samples/", import.meta.url).pathname;

interface AssistanceLine {
  id: string;
  at: string;
  commune?: string;
  outcome?: string;
  minutes?: number;
}

function assistanceCsv(lines: AssistanceLine[]): string {
  const body = lines.map((l) =>
    [
      l.id,
      l.at,
      l.commune ?? "Xã Lạc Dương",
      "Đội 1",
      "TNV-01",
      "1.001193",
      "guidance",
      "online",
      l.outcome ?? "completed",
      "18_34",
      "female",
      "Kinh",
      l.minutes ?? 15,
    ].join(","),
  );
  return [ASSISTANCE_HEADER.join(","), ...body].join("\n") + "\n";
}

const BASE: AssistanceLine[] = [
  { id: "R-1", at: "10/01/2026 08:00" },
  { id: "R-2", at: "11/01/2026 08:00" },
  { id: "R-3", at: "12/01/2026 08:00", commune: "Phường Lang Biang - Đà Lạt" },
  { id: "R-4", at: "13/01/2026 08:00", commune: "Phường Lang Biang - Đà Lạt" },
  { id: "R-5", at: "14/01/2026 08:00", commune: "Xã Cát Tiên 3" },
];

// The same export, corrected: R-2's outcome and R-4's date (into February) and minutes edited,
// R-6 added, and one row whose commune does not exist.
const CORRECTED: AssistanceLine[] = [
  BASE[0]!,
  { ...BASE[1]!, outcome: "not_completed" },
  BASE[2]!,
  { ...BASE[3]!, at: "03/02/2026 08:00", minutes: 30 },
  BASE[4]!,
  { id: "R-6", at: "04/02/2026 08:00", commune: "Xã Cát Tiên 3" },
  { id: "R-7", at: "05/02/2026 08:00", commune: "Xã Atlantis" },
];

/** The figures a summary reports, without what differs between runs (batch id, timings). */
function outcome(s: ImportSummary) {
  return {
    rows: s.rows,
    inserted: s.inserted,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    warnings: s.warnings,
    dropped_columns: s.dropped_columns,
    replaced_batches: s.replaced_batches,
    months: s.months,
    error: s.error,
  };
}

async function readAssistance(engine: SqlEngine) {
  return queryRows(engine, "select * from core.assistance order by record_id");
}

/** The incremental mart equals a full rebuild from core (computed in a rolled-back transaction). */
async function expectMartMatchesRebuild(engine: SqlEngine): Promise<void> {
  const incremental = await readMart(engine);
  const rebuilt = await withSession(engine, async (s) => {
    await s.query("begin");
    try {
      await rebuildCommuneMonth(s, PROVINCE);
      return (await s.query("select * from mart.commune_month order by commune_code, month")).rows;
    } finally {
      await s.query("rollback");
    }
  });
  expect(incremental).toEqual(rebuilt);
}

async function revertError(promise: Promise<unknown>): Promise<RevertError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RevertError);
  return error as RevertError;
}

describe(`ETL import behaviour (${engineName})`, () => {
  let t: TestDatabase;
  const tmp = createTempDir();
  const base = tmp.write("assistance-2026-01.csv", assistanceCsv(BASE));
  const corrected = tmp.write("assistance-2026-01-corrected.csv", assistanceCsv(CORRECTED));
  const load = (path: string, extra: Parameters<typeof importOptions>[2] = {}) =>
    importFile(t.engine, importOptions(path, "assistance", extra));

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
    tmp.remove();
  });
  beforeEach(() => truncateEtlTables(t.engine));

  it("answers already_loaded to the same file again, under any name, and changes nothing", async () => {
    const first = await load(base);
    expect(first).toMatchObject({ status: "loaded", rows: 5, inserted: 5, rejected: 0 });
    const counts = await countEtlTables(t.engine);
    const mart = await readMart(t.engine);
    const rows = await readAssistance(t.engine);

    const copy = join(tmp.dir, "renamed-copy.csv");
    copyFileSync(base, copy);
    for (const path of [base, copy]) {
      const again = await load(path);
      expect(again).toMatchObject({
        status: "already_loaded",
        batch_id: first.batch_id,
        sha256: first.sha256,
        rows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      });
    }
    expect(await countEtlTables(t.engine)).toEqual(counts);
    expect(await readMart(t.engine)).toEqual(mart);
    expect(await readAssistance(t.engine)).toEqual(rows);
  });

  it("counts a corrected re-export as 2 updated, 1 inserted, 3 unchanged, without duplicates", async () => {
    const first = await load(base);
    const second = await load(corrected);
    expect(second).toMatchObject({
      status: "loaded",
      rows: 7,
      inserted: 1,
      updated: 2,
      unchanged: 3,
      rejected: 1,
      replaced_batches: [first.batch_id],
      months: ["2026-01", "2026-02"],
    });

    const rows = await queryRows(
      t.engine,
      `select record_id, to_char(assisted_at, 'YYYY-MM-DD') as day, outcome, minutes, batch_id
       from core.assistance order by record_id`,
    );
    const [b1, b2] = [first.batch_id, second.batch_id];
    expect(rows.map((r) => Object.values(r))).toEqual([
      ["R-1", "2026-01-10", "completed", 15, b1],
      ["R-2", "2026-01-11", "not_completed", 15, b2],
      ["R-3", "2026-01-12", "completed", 15, b1],
      ["R-4", "2026-02-03", "completed", 30, b2],
      ["R-5", "2026-01-14", "completed", 15, b1],
      ["R-6", "2026-02-04", "completed", 15, b2],
    ]);
    const [ledger] = await queryRows(
      t.engine,
      `select status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected, replaced
       from core.import_batch where batch_id = $1`,
      [second.batch_id],
    );
    expect(ledger).toEqual({
      status: "loaded",
      rows_read: 7,
      rows_inserted: 1,
      rows_updated: 2,
      rows_unchanged: 3,
      rows_rejected: 1,
      replaced: [first.batch_id],
    });
    await expectMartMatchesRebuild(t.engine);
  });

  it("reports in a dry run exactly what the real run then does, and changes nothing", async () => {
    await load(base);
    const counts = await countEtlTables(t.engine);
    const mart = await readMart(t.engine);
    const rows = await readAssistance(t.engine);

    const dry = await load(corrected, { dryRun: true });
    expect(dry).toMatchObject({ status: "dry_run", batch_id: null, inserted: 1, updated: 2 });
    expect(await countEtlTables(t.engine)).toEqual(counts);
    expect(await readMart(t.engine)).toEqual(mart);
    expect(await readAssistance(t.engine)).toEqual(rows);

    const real = await load(corrected);
    expect(real.status).toBe("loaded");
    expect(outcome(real)).toEqual(outcome(dry));
    await expectMartMatchesRebuild(t.engine);
  });

  it("loads nothing with --strict when one row is bad, and records the batch as rejected", async () => {
    const strict = await load(corrected, { strict: true });
    expect(strict).toMatchObject({
      status: "rejected",
      rows: 7,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      error: { code: "strict_rejected" },
    });
    expect(await readAssistance(t.engine)).toEqual([]);
    expect(await readMart(t.engine)).toEqual([]);
    expect(
      await queryRows(
        t.engine,
        "select batch_id, status, rows_read, rows_rejected from core.import_batch",
      ),
    ).toEqual([{ batch_id: strict.batch_id, status: "rejected", rows_read: 7, rows_rejected: 1 }]);
    // The rejected row is kept so the user can see what to fix.
    expect(
      await queryRows(
        t.engine,
        "select line, reason_code from core.rejected_row where batch_id = $1",
        [strict.batch_id],
      ),
    ).toEqual([{ line: 8, reason_code: "commune_unknown" }]);
    expect(await queryRows(t.engine, "select 1 from core.batch_change")).toEqual([]);

    // A rejected batch does not count as loaded: the same file loads without --strict.
    const lenient = await load(corrected);
    expect(lenient).toMatchObject({ status: "loaded", inserted: 6, rejected: 1 });
    await expectMartMatchesRebuild(t.engine);
  });

  it("replaces a commune × month × procedure's dossier figures with a later file's, naming the earlier batch", async () => {
    const header = "commune,month,procedure,received_total,received_online\n";
    const first = await importFile(
      t.engine,
      importOptions(
        tmp.write(
          "dossiers-2026-01.csv",
          header + "24846,2026-01,,100,40\n24846,2026-01,1.001193,20,10\n24848,01/2026,,50,25\n",
        ),
        "dossiers",
      ),
    );
    expect(first).toMatchObject({ status: "loaded", inserted: 3 });
    const later = await importFile(
      t.engine,
      importOptions(
        tmp.write(
          "dossiers-2026-01-resent.csv",
          header + "24846,01/2026,,110,60\n24846,2026-01,1.001193,20,10\n25162,2026-01,,30,30\n",
        ),
        "dossiers",
      ),
    );
    expect(later).toMatchObject({
      status: "loaded",
      inserted: 1,
      updated: 1,
      unchanged: 1,
      replaced_batches: [first.batch_id],
      months: ["2026-01"],
    });
    const figures = await queryRows(
      t.engine,
      `select commune_code, procedure_code, received_total, received_online, batch_id
       from core.dossier_stat order by commune_code, procedure_code`,
    );
    expect(figures.map((r) => Object.values(r))).toEqual([
      ["24846", "", 110, 60, later.batch_id],
      ["24846", "1.001193", 20, 10, first.batch_id],
      ["24848", "", 50, 25, first.batch_id],
      ["25162", "", 30, 30, later.batch_id],
    ]);
    const [ledger] = await queryRows(
      t.engine,
      "select replaced from core.import_batch where batch_id = $1",
      [later.batch_id],
    );
    expect(ledger).toEqual({ replaced: [first.batch_id] });
    // The "all procedures" figure is the commune's total for the month.
    expect(
      await queryRows(
        t.engine,
        `select dossiers_total, dossiers_online from mart.commune_month
         where commune_code = '24846' and month = '2026-01'`,
      ),
    ).toEqual([{ dossiers_total: 110, dossiers_online: 60 }]);
    await expectMartMatchesRebuild(t.engine);
  });

  it("reverts a corrected import: edited rows restored exactly, the added row removed, marts rebuilt", async () => {
    const first = await load(base);
    const afterFirst = await readAssistance(t.engine);
    const martAfterFirst = await readMart(t.engine);
    const second = await load(corrected);

    const reverted = await revertBatch(t.engine, second.batch_id!, PROVINCE);
    expect(reverted).toEqual({
      batch_id: second.batch_id,
      kind: "assistance",
      deleted: 1,
      restored: 2,
      months: ["2026-01", "2026-02"],
    });
    expect(await readAssistance(t.engine)).toEqual(afterFirst);
    expect(await readMart(t.engine)).toEqual(martAfterFirst);
    await expectMartMatchesRebuild(t.engine);
    expect(
      await queryRows(t.engine, "select batch_id, status from core.import_batch order by batch_id"),
    ).toEqual([
      { batch_id: first.batch_id, status: "loaded" },
      { batch_id: second.batch_id, status: "reverted" },
    ]);

    // The reverted file is no longer "loaded": it can be imported again, with the same counts.
    const again = await load(corrected);
    expect(again).toMatchObject({ status: "loaded", inserted: 1, updated: 2, unchanged: 3 });
  });

  it("refuses to revert an earlier batch while a later one changed the same rows", async () => {
    const first = await load(base);
    const second = await load(corrected);
    const before = await readAssistance(t.engine);

    const refused = await revertError(revertBatch(t.engine, first.batch_id!, PROVINCE));
    expect(refused.code).toBe("batch_has_successors");
    expect(refused.message_en).toContain(String(second.batch_id));
    expect(refused.message_vi).toContain(String(second.batch_id));
    expect(await readAssistance(t.engine)).toEqual(before);

    await revertBatch(t.engine, second.batch_id!, PROVINCE);
    const emptied = await revertBatch(t.engine, first.batch_id!, PROVINCE);
    expect(emptied).toMatchObject({ deleted: 5, restored: 0 });
    expect(await readAssistance(t.engine)).toEqual([]);
    await expectMartMatchesRebuild(t.engine);
    expect(await readMart(t.engine)).toEqual([]);

    const twice = await revertError(revertBatch(t.engine, first.batch_id!, PROVINCE));
    expect(twice.code).toBe("batch_not_loaded");
  });

  it.each([
    ["assistance", 3],
    ["shifts", 3],
    ["dossiers", 3],
    ["population", 2],
  ] as const)("loads docs/samples/%s.csv whole, without a warning", async (kind, rows) => {
    const summary = await importFile(
      t.engine,
      importOptions(join(SAMPLES_DIR, `${kind}.csv`), kind),
    );
    expect(summary).toMatchObject({ status: "loaded", rows, inserted: rows, rejected: 0 });
    expect(summary.warnings).toEqual([]);
    expect(summary.dropped_columns).toEqual([]);
  });

  it("loads a file once when two imports of it start at the same time", async () => {
    const results = await Promise.all([load(base), load(base)]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_loaded", "loaded"]);
    const loaded = results.find((r) => r.status === "loaded")!;
    expect(loaded).toMatchObject({ inserted: 5, rejected: 0 });
    expect(results.map((r) => r.batch_id)).toEqual([loaded.batch_id, loaded.batch_id]);
    expect(
      await queryRows(
        t.engine,
        "select count(*)::int as n, count(distinct record_id)::int as ids from core.assistance",
      ),
    ).toEqual([{ n: 5, ids: 5 }]);
    expect(await queryRows(t.engine, "select status from core.import_batch")).toEqual([
      { status: "loaded" },
    ]);
    await expectMartMatchesRebuild(t.engine);
  });
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runEtlCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/etl.ts", ...args], {
      env: { ...process.env, PROVINCE_CODE: PROVINCE, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const JSON_KEYS = [
  "file",
  "sheet",
  "sha256",
  "kind",
  "batch_id",
  "status",
  "rows",
  "inserted",
  "updated",
  "unchanged",
  "rejected",
  "skipped",
  "warnings",
  "columns",
  "dropped_columns",
  "replaced_batches",
  "error",
];

// Each case starts a process (tsx, then the database): seconds each, more on a busy machine.
describe(`npm run etl -- import --json (${engineName})`, { timeout: 180_000 }, () => {
  const tmp = createTempDir("etl-cli-");
  let cliEnv: Record<string, string> = {};
  let closeDatabase: () => Promise<void> = async () => undefined;
  // Three good rows and one whose commune is unknown; dates in the past of any real clock.
  const file = tmp.write("assistance-cli.csv", assistanceCsv(CORRECTED.slice(2)));

  beforeAll(async () => {
    // PGlite is one process's database: the CLI gets a data directory of its own, closed here.
    const database = await createTestDatabase(engineName === "pglite" ? { dataDir: tmp.dir } : {});
    cliEnv = database.env;
    if (database.kind === "pglite") await database.close();
    else closeDatabase = () => database.close();
  });
  afterAll(async () => {
    await closeDatabase();
    tmp.remove();
  });

  it("exits 2 on a usage error", async () => {
    const run = await runEtlCli(["import", file, "--kind", "visits", "--json"], cliEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--kind must be one of");
    expect(run.stdout).toBe("");
  });

  it("prints the documented object and exits 0 when the batch is recorded, rejects included", async () => {
    const run = await runEtlCli(["import", file, "--kind", "assistance", "--json"], cliEnv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(JSON_KEYS);
    expect(summary).toMatchObject({
      file: "assistance-cli.csv",
      sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
      kind: "assistance",
      status: "loaded",
      rows: 5,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      warnings: [],
      dropped_columns: [],
      replaced_batches: [],
      error: null,
    });
    expect(summary.batch_id).toEqual(expect.any(Number));
  });

  it("lists the held-back label, maps it and replays the row (labels, map, replay)", async () => {
    const labels = await runEtlCli(["labels", "--json"], cliEnv);
    expect(labels.code).toBe(0);
    expect(JSON.parse(labels.stdout.trim())).toMatchObject({
      quarantined: [{ kind: "commune", label: "Xã Atlantis", rows: 1 }],
    });
    const taken = await runEtlCli(["map", "channel", "Trực tuyến", "in_person"], cliEnv);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("already means");
    const map = await runEtlCli(["map", "commune", "Xã Atlantis", "25162", "--json"], cliEnv);
    expect(map.code).toBe(0);
    expect(JSON.parse(map.stdout.trim())).toMatchObject({ status: "added", target: "25162" });
    const replay = await runEtlCli(["replay", "--all", "--json"], cliEnv);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout.trim())).toMatchObject({ replayed: 1, loaded: 1, inserted: 1 });
  });

  it("exits 1 on a dry run whose rows would all be rejected", async () => {
    const bad = tmp.write(
      "all-bad.csv",
      "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường,Đội,Thủ tục,Hình thức hỗ trợ,Hình thức nộp,Kết quả,Giới tính,Số phút\r\n" +
        "AB-1,13/02/2026 08:30,Xã Lạc Dương,Đội 1,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,Nữ,999\r\n",
    );
    const run = await runEtlCli(
      ["import", bad, "--kind", "assistance", "--dry-run", "--json"],
      cliEnv,
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({
      status: "dry_run",
      error: { code: "all_rows_rejected" },
    });
  });

  it("exits 1 when a file could not be loaded, after reporting every file", async () => {
    const run = await runEtlCli(
      ["import", file, fixturePath("empty.csv"), "--kind", "assistance", "--json"],
      cliEnv,
    );
    expect(run.code).toBe(1);
    const [again, empty] = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(again).toMatchObject({ file: "assistance-cli.csv", status: "already_loaded" });
    expect(empty).toMatchObject({
      file: "empty.csv",
      status: "rejected",
      rows: 0,
      error: { code: "empty_file" },
    });
  });
});
