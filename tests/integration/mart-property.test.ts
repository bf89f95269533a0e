// Property: after any sequence of imports and reverts, the incrementally maintained
// mart.commune_month equals a full rebuild from core. Files overlap in their natural keys, so
// sequences exercise inserts, updates, unchanged rows, dossier replacements, refused reverts and
// a covered month range that grows and shrinks.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportKind } from "~/lib/db/types";
import { withSession } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";
import { RevertError, revertBatch } from "~/lib/etl/revert-batch.server";
import { rebuildCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { makeRecords, mulberry32, toCsv } from "./support/assistance-file";

const NOW = new Date("2026-03-01T05:00:00Z");
const COMMUNES = ["24846", "25162", "24781"];
const MONTHS = ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01"];

interface FileSpec {
  path: string;
  kind: ImportKind;
}

function writeFiles(dir: string): FileSpec[] {
  const files: FileSpec[] = [];
  for (let j = 0; j < 5; j++) {
    // Ids P-0…P-89 shared between files: later files update earlier rows.
    const records = makeRecords("P", 90, 100 + j, MONTHS.slice(j % 3, (j % 3) + 3)).map((r, i) => ({
      ...r,
      record_id: `P-${(i + j * 25) % 90}`,
    }));
    const unique = [...new Map(records.map((r) => [r.record_id, r])).values()];
    const file = path.join(dir, `assistance-${j}.csv`);
    writeFileSync(file, toCsv(unique));
    files.push({ path: file, kind: "assistance" });
  }
  for (let j = 0; j < 3; j++) {
    const rnd = mulberry32(200 + j);
    const lines = ["shift_id,volunteer_id,team,commune,date,start,end"];
    for (let i = 0; i < 30; i++) {
      const month = MONTHS[(i + j * 2) % MONTHS.length]!;
      const start = 7 + Math.floor(rnd() * 4);
      lines.push(
        `S-${(i + j * 10) % 40},V-${i % 7},Đội ${i % 3},${COMMUNES[i % 3]},${month}-${String(1 + (i % 27)).padStart(2, "0")},${start}:00,${start + 1 + Math.floor(rnd() * 4)}:30`,
      );
    }
    const file = path.join(dir, `shifts-${j}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    files.push({ path: file, kind: "shifts" });
  }
  for (let j = 0; j < 3; j++) {
    const rnd = mulberry32(300 + j);
    const lines = ["commune,month,procedure,received_total,received_online"];
    for (const commune of COMMUNES) {
      for (const month of MONTHS.slice(j, j + 3)) {
        const total = 20 + Math.floor(rnd() * 80);
        lines.push(`${commune},${month},1.001193,${total},${Math.floor(total * rnd())}`);
      }
    }
    const file = path.join(dir, `dossiers-${j}.csv`);
    writeFileSync(file, lines.join("\n") + "\n");
    files.push({ path: file, kind: "dossiers" });
  }
  return files;
}

type Action = { type: "import"; file: number } | { type: "revert"; pick: number };

describe(`incremental mart equals a full rebuild (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let files: FileSpec[];

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "cns-prop-"));
    files = writeFiles(dir);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function reset() {
    await withSession(t.engine, (s) =>
      s.exec(`truncate core.batch_change, core.rejected_row, core.assistance, core.volunteer_shift,
        core.dossier_stat, mart.commune_month, mart.refresh_state, core.import_batch cascade`),
    );
  }

  async function martMatchesRebuild(): Promise<void> {
    await withSession(t.engine, async (s) => {
      const q = "select * from mart.commune_month order by commune_code, month";
      const incremental = (await s.query(q)).rows;
      await s.query("begin");
      try {
        await rebuildCommuneMonth(s, "68");
        expect(incremental).toEqual((await s.query(q)).rows);
      } finally {
        await s.query("rollback");
      }
    });
  }

  it("holds for random sequences of imports and reverts", async () => {
    const action: fc.Arbitrary<Action> = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({ type: fc.constant("import" as const), file: fc.nat({ max: 10 }) }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ type: fc.constant("revert" as const), pick: fc.nat({ max: 20 }) }),
      },
    );
    let refusedReverts = 0;
    let reverts = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 7 }), async (actions) => {
        await reset();
        const loaded: number[] = [];
        for (const a of actions) {
          if (a.type === "import") {
            const f = files[a.file % files.length]!;
            const s = await importFile(t.engine, {
              path: f.path,
              kind: f.kind,
              provinceCode: "68",
              loadedBy: "prop",
              now: NOW,
            });
            if (s.status === "loaded" && s.batch_id) loaded.push(s.batch_id);
          } else if (loaded.length > 0) {
            const batch = loaded[a.pick % loaded.length]!;
            try {
              await revertBatch(t.engine, batch, "68");
              loaded.splice(loaded.indexOf(batch), 1);
              reverts++;
            } catch (error) {
              if (!(error instanceof RevertError) || error.code !== "batch_has_successors")
                throw error;
              refusedReverts++;
            }
          }
          await martMatchesRebuild();
        }
      }),
      { numRuns: 25, seed: 20261129, endOnFailure: true },
    );
    // The runs exercised both successful and refused reverts.
    expect(reverts).toBeGreaterThan(0);
    expect(refusedReverts).toBeGreaterThan(0);
  }, 600_000);

  it("reverting every batch newest first returns core and the mart to empty", async () => {
    await reset();
    const ids: number[] = [];
    for (const f of files) {
      const s = await importFile(t.engine, {
        path: f.path,
        kind: f.kind,
        provinceCode: "68",
        loadedBy: "prop",
        now: NOW,
      });
      if (s.batch_id) ids.push(s.batch_id);
    }
    for (const id of ids.reverse()) await revertBatch(t.engine, id, "68");
    const counts = await withSession(t.engine, (s) =>
      s.query<{ a: number; sh: number; d: number; m: number }>(
        `select (select count(*) from core.assistance) as a, (select count(*) from core.volunteer_shift) as sh,
                (select count(*) from core.dossier_stat) as d, (select count(*) from mart.commune_month) as m`,
      ),
    );
    expect(counts.rows[0]).toEqual({ a: 0, sh: 0, d: 0, m: 0 });
  }, 300_000);
});
