// Atomicity under SIGKILL: an import is killed at 22 seeded points — at each stage of the batch
// (before the transaction, mid-transaction, after commit) and at random moments — then the
// database is reopened, recovered and the import re-run. After every point: no batch left
// "running", the killed attempt applied wholly or not at all, no duplicate and no lost row, and
// the mart equals a full rebuild.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import type { ImportStage } from "~/lib/etl/import-file.server";
import { importFile, recoverInterruptedBatches } from "~/lib/etl/import-file.server";
import { rebuildCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import {
  makeRecords,
  mulberry32,
  writeAssistanceFile,
  type AssistanceRecord,
} from "./support/assistance-file";

const STAGES: ImportStage[] = [
  "ledger_running",
  "transaction_open",
  "staged",
  "deduplicated",
  "merged",
  "mart_refreshed",
  "ledger_final",
  "committed",
];
const TIMED_POINTS = 14;
const ROWS = 2_000;
const MONTHS = ["2025-10", "2025-11", "2025-12"];
const NOW = new Date("2026-03-01T05:00:00Z");

interface ChildResult {
  completed: boolean;
  signal: NodeJS.Signals | null;
}

function runChild(
  file: string,
  env: Record<string, string>,
  killStage?: ImportStage,
  killAfterMs?: number,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/integration/support/import-child.ts", file],
      {
        env: { ...process.env, ...env, ...(killStage ? { KILL_STAGE: killStage } : {}) },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== undefined && out.includes("READY\n")) {
        setTimeout(() => child.kill("SIGKILL"), killAfterMs).unref();
        killAfterMs = undefined;
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL" && code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve({ completed: out.includes("DONE "), signal });
    });
  });
}

interface DbState {
  rows: number;
  minutes: number;
}

async function readState(engine: SqlEngine): Promise<DbState> {
  return withSession(engine, async (s) => {
    const r = await s.query<{ rows: number; minutes: number | null }>(
      "select count(*) as rows, sum(minutes) as minutes from core.assistance",
    );
    return { rows: r.rows[0]!.rows, minutes: Number(r.rows[0]!.minutes ?? 0) };
  });
}

function modelState(model: Map<string, number>): DbState {
  let minutes = 0;
  for (const m of model.values()) minutes += m;
  return { rows: model.size, minutes };
}

/** The mart as stored, and as a full rebuild computes it (rolled back). */
async function martAndRebuild(engine: SqlEngine): Promise<[unknown[], unknown[]]> {
  return withSession(engine, async (s) => {
    const q = "select * from mart.commune_month order by commune_code, month";
    const stored = (await s.query(q)).rows;
    await s.query("begin");
    try {
      await rebuildCommuneMonth(s, "68");
      return [stored, (await s.query(q)).rows];
    } finally {
      await s.query("rollback");
    }
  });
}

describe(`ETL survives SIGKILL at 22 seeded points (${engineName})`, () => {
  let t: TestDatabase;
  let engine: SqlEngine;
  let dir: string;
  const isPglite = engineName === "pglite";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "cns-kill-"));
    t = await createTestDatabase(isPglite ? { dataDir: path.join(dir, "data") } : {});
    engine = t.engine;
  });
  afterAll(async () => {
    // On pg, t.close() closes the engine and drops the database; PGlite's was reopened here.
    if (isPglite) await engine?.close();
    else await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // PGlite is one process's files: the test lets go of them while the child runs.
  async function releaseForChild() {
    if (isPglite) await engine.close();
  }
  async function reopenAfterChild() {
    if (isPglite) engine = await openPgliteEngine(path.join(dir, "data", "pglite"));
  }

  it("applies each batch wholly or not at all, then exactly once", async () => {
    const rnd = mulberry32(20261129);
    const model = new Map<string, number>();
    let previous: AssistanceRecord[] = [];
    let cleanRunMs = 1_500;
    const points = [
      ...STAGES.map((stage) => ({ stage })),
      ...Array.from({ length: TIMED_POINTS }, () => ({ stage: undefined })),
    ];
    const outcomes: string[] = [];

    for (const [k, point] of points.entries()) {
      // Every other file is a corrected re-export of the previous one: edited and added rows.
      let records: AssistanceRecord[];
      if (k % 2 === 1) {
        records = previous.map((r, i) =>
          i % 10 === 0 ? { ...r, minutes: (r.minutes % 400) + 2 } : r,
        );
        records.push(...makeRecords(`K${k}-new`, 5, k, MONTHS));
      } else {
        records = makeRecords(`K${k}`, ROWS, k, MONTHS);
        for (let i = 7; i < records.length; i += 500) records[i] = { ...records[i]!, bad: true };
      }
      previous = records;
      const file = path.join(dir, `assistance-${k}.csv`);
      writeAssistanceFile(file, records);

      const before = modelState(model);
      const after = new Map(model);
      for (const r of records) if (!r.bad) after.set(r.record_id, r.minutes);
      const expected = modelState(after);

      await releaseForChild();
      const killAfterMs = point.stage ? undefined : Math.floor(rnd() * cleanRunMs * 1.2);
      const started = performance.now();
      const child = await runChild(file, t.env, point.stage, killAfterMs);
      if (child.completed && !point.stage)
        cleanRunMs = Math.max(cleanRunMs, performance.now() - started);
      await reopenAfterChild();

      await recoverInterruptedBatches(engine);
      const running = await withSession(engine, (s) =>
        s.query("select 1 from core.import_batch where status = 'running'"),
      );
      expect(running.rows, `point ${k}: no batch left running`).toHaveLength(0);

      // Atomic: the killed attempt left either the state before it or the state after it.
      const killed = await readState(engine);
      const applied = killed.rows === expected.rows && killed.minutes === expected.minutes;
      const untouched = killed.rows === before.rows && killed.minutes === before.minutes;
      expect(
        applied || untouched,
        `point ${k} (${point.stage ?? `after ${killAfterMs} ms`}): partial batch ${JSON.stringify({ killed, before, expected })}`,
      ).toBe(true);

      const rerun = await importFile(engine, {
        path: file,
        kind: "assistance",
        provinceCode: "68",
        loadedBy: "kill-test",
        now: NOW,
      });
      expect(rerun.status).toBe(applied ? "already_loaded" : "loaded");
      outcomes.push(`${point.stage ?? `${killAfterMs}ms`}:${applied ? "applied" : "rolled-back"}`);

      expect(await readState(engine), `point ${k}: no duplicate, no lost row`).toEqual(expected);
      const batches = await withSession(engine, (s) =>
        s.query<{ batch_id: number; rows_rejected: number }>(
          "select batch_id, rows_rejected from core.import_batch where file_sha256 = $1 and status = 'loaded'",
          [rerun.sha256],
        ),
      );
      expect(batches.rows, `point ${k}: the file is loaded exactly once`).toHaveLength(1);
      const rejects = await withSession(engine, (s) =>
        s.query<{ n: number }>("select count(*) as n from core.rejected_row where batch_id = $1", [
          batches.rows[0]!.batch_id,
        ]),
      );
      expect(rejects.rows[0]!.n).toBe(records.filter((r) => r.bad).length);
      const [stored, rebuilt] = await martAndRebuild(engine);
      expect(stored, `point ${k}: mart equals a full rebuild`).toEqual(rebuilt);

      model.clear();
      for (const [id, m] of after) model.set(id, m);
    }
    // Both kinds of outcome occurred, so the test exercised rollback and post-commit kills.
    expect(outcomes.some((o) => o.endsWith("rolled-back"))).toBe(true);
    expect(outcomes.some((o) => o.endsWith("applied"))).toBe(true);
  }, 600_000);
});
