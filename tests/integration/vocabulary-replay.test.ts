// Vocabulary as data (issue 11): a label the importer does not know is counted in its bucket with
// the label kept, or quarantined when there is no honest bucket; an admin's mapping re-derives the
// bucketed rows, `replay` loads the quarantined ones, and the result — core rows and mart — equals
// importing the same file into a database that had the mappings from the start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";
import { listReplayableBatches, replayBatch } from "~/lib/etl/replay-batch.server";
import { revertBatch } from "~/lib/etl/revert-batch.server";
import { listBucketedLabels, listQuarantinedLabels } from "~/lib/etl/unmapped-labels.server";
import { addMapping, MappingError, type MappingInput } from "~/lib/etl/vocabulary-map.server";
import { rebuildCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { createTempDir, importOptions, PROVINCE, queryRows } from "./support/etl-fixtures";

const LAC_DUONG = "24848";

// A form export: no record id column (ids are derived from the row), a new help-type label on two
// rows, a commune written as nobody writes it elsewhere, and a channel named after the app used.
const FILE = [
  "assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,age_band,gender,ethnicity,minutes",
  "2026-01-05 08:30,Xã Lạc Dương,Đội 1,TN001,1.001193,Làm CCCD gắn chip,online,completed,18_34,Nữ,K'Ho,15",
  "2026-01-06 09:00,Xã Lạc Dương,Đội 1,TN002,1.001193,làm cccd gan chip,in_person,completed,35_59,Nam,Kinh,20",
  "2026-01-07 09:00,Trạm Đạ Chais cũ,Đội 1,TN001,1.001193,guidance,online,submitted,60_plus,Nữ,Mạ,10",
  "2026-02-03 10:00,Xã Lạc Dương,Đội 2,TN003,1.001193,guidance,Zalo OA,completed,18_34,Nữ,Chu Ru,12",
  "2026-02-04 10:00,Phường Lang Biang - Đà Lạt,Đội 2,TN003,1.001193,form_filling,online,completed,35_59,Nam,,30",
].join("\n");

const MAPPINGS: Omit<MappingInput, "provinceCode" | "addedBy">[] = [
  { kind: "help_type", alias: "Làm CCCD gắn chip", target: "vneid" },
  { kind: "commune", alias: "Trạm Đạ Chais cũ", target: LAC_DUONG },
  { kind: "channel", alias: "Zalo OA", target: "online" },
];
const map = (t: TestDatabase, m: (typeof MAPPINGS)[number]) =>
  addMapping(t.engine, { ...m, provinceCode: PROVINCE, addedBy: "test" });

const CORE = `select record_id, assisted_at, commune_code, volunteer_id, procedure_code, help_type,
  channel, outcome, age_band, gender, ethnic_code, minutes, source_labels, row_hash
  from core.assistance order by record_id`;
const MART = `select * from mart.commune_month order by commune_code, month`;

describe(`vocabulary mappings and replay (${engineName})`, () => {
  let t: TestDatabase;
  let fresh: TestDatabase;
  const tmp = createTempDir("vocab-");
  const file = tmp.write("form-export.csv", FILE);
  let batchId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    const summary = await importFile(
      t.engine,
      importOptions(file, "assistance", { deriveIds: true }),
    );
    batchId = summary.batch_id!;
    expect(summary).toMatchObject({ status: "loaded", rows: 5, inserted: 3, rejected: 2 });
    expect(summary.warnings.map((w) => w.code)).toContain("label_bucketed");
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await fresh?.close();
    tmp.remove();
  });

  it("counts an unknown help type as 'other' with its label kept, and lists what is unmapped", async () => {
    const rows = await queryRows<{ help_type: string; source_labels: unknown }>(
      t.engine,
      "select help_type, source_labels from core.assistance where source_labels is not null",
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.help_type === "other")).toBe(true);
    await withSession(t.engine, async (s) => {
      expect(await listBucketedLabels(s)).toEqual([
        { kind: "help_type", label: "Làm CCCD gắn chip", rows: 1, batches: 1 },
        { kind: "help_type", label: "làm cccd gan chip", rows: 1, batches: 1 },
      ]);
      const quarantined = await listQuarantinedLabels(s);
      expect(quarantined.map((q) => [q.kind, q.label, q.rows])).toEqual([
        ["channel", "Zalo OA", 1],
        ["commune", "Trạm Đạ Chais cũ", 1],
      ]);
    });
  });

  it("refuses a target that does not exist and an alias that already means something else", async () => {
    await expect(
      addMapping(t.engine, {
        kind: "help_type",
        alias: "x",
        target: "nope",
        provinceCode: PROVINCE,
        addedBy: "test",
      }),
    ).rejects.toMatchObject({ code: "target_invalid" });
    await expect(
      addMapping(t.engine, {
        kind: "channel",
        alias: "Trực tuyến",
        target: "in_person",
        provinceCode: PROVINCE,
        addedBy: "test",
      }),
    ).rejects.toBeInstanceOf(MappingError);
    await expect(
      addMapping(t.engine, {
        kind: "commune",
        alias: "Nơi khác",
        target: "00004",
        provinceCode: PROVINCE,
        addedBy: "test",
      }),
    ).rejects.toMatchObject({ code: "target_invalid" });
    await expect(
      addMapping(t.engine, {
        kind: "commune",
        alias: "[đã ẩn]",
        target: LAC_DUONG,
        provinceCode: PROVINCE,
        addedBy: "test",
      }),
    ).rejects.toMatchObject({ code: "alias_masked" });
  });

  it("re-derives the bucketed rows, replays the quarantined ones, and the mart equals a full rebuild", async () => {
    const first = await map(t, MAPPINGS[0]!);
    // Both spellings share one key (diacritics and case folded), so both rows move.
    expect(first).toMatchObject({ status: "added", rows_rederived: 2, months: ["2026-01"] });
    for (const m of MAPPINGS.slice(1)) expect(await map(t, m)).toMatchObject({ rows_rederived: 0 });
    expect(await map(t, MAPPINGS[2]!)).toMatchObject({ status: "already_mapped" });

    const replayable = await withSession(t.engine, listReplayableBatches);
    expect(replayable).toEqual([batchId]);
    const replay = await replayBatch(t.engine, batchId);
    expect(replay).toMatchObject({ replayed: 2, loaded: 2, inserted: 2, still_rejected: 0 });
    const [ledger] = await queryRows<{ rows_inserted: number; rows_rejected: number }>(
      t.engine,
      "select rows_inserted, rows_rejected from core.import_batch where batch_id = $1",
      [batchId],
    );
    expect(ledger).toEqual({ rows_inserted: 5, rows_rejected: 0 });
    const core = await queryRows<{ commune_code: string; help_type: string; channel: string }>(
      t.engine,
      CORE,
    );
    expect(core.filter((r) => r.help_type === "vneid")).toHaveLength(2);
    expect(core.filter((r) => r.commune_code === LAC_DUONG)).toHaveLength(4);

    const incremental = await queryRows(t.engine, MART);
    await withSession(t.engine, (s) => rebuildCommuneMonth(s, PROVINCE));
    expect(await queryRows(t.engine, MART)).toEqual(incremental);

    // The same file imported where the mappings existed from the start: identical core rows
    // (derived ids and hashes included) and an identical mart.
    fresh = await createTestDatabase();
    for (const m of MAPPINGS) await map(fresh, m);
    const again = await importFile(
      fresh.engine,
      importOptions(file, "assistance", { deriveIds: true }),
    );
    expect(again).toMatchObject({ status: "loaded", inserted: 5, rejected: 0 });
    expect(await queryRows(fresh.engine, CORE)).toEqual(core);
    expect(await queryRows(fresh.engine, MART)).toEqual(incremental);

    const audit = await queryRows<{ n: number }>(
      t.engine,
      "select count(*)::int as n from app.audit_log where action = 'vocabulary.map'",
    );
    expect(audit[0]?.n).toBe(4);

    // Undo still works: the batch's change log followed the re-derived ids and holds the replayed rows.
    await revertBatch(t.engine, batchId, PROVINCE);
    expect(await queryRows(t.engine, "select record_id from core.assistance")).toEqual([]);
  }, 120_000);

  it("an admin's header alias lets a file with that column load", async () => {
    const header = FILE.split("\n")[0]!.replace("commune", "Nơi giúp dân");
    const odd = tmp.write("odd-header.csv", [header, ...FILE.split("\n").slice(4)].join("\n"));
    const before = await importFile(
      fresh.engine,
      importOptions(odd, "assistance", { deriveIds: true, dryRun: true }),
    );
    expect(before.error?.code).toBe("missing_columns");
    await addMapping(fresh.engine, {
      kind: "header",
      scope: "assistance",
      alias: "Nơi giúp dân",
      target: "commune",
      provinceCode: PROVINCE,
      addedBy: "test",
    });
    const after = await importFile(
      fresh.engine,
      importOptions(odd, "assistance", { deriveIds: true, dryRun: true }),
    );
    expect(after).toMatchObject({ status: "dry_run", rows: 2, rejected: 0 });
    expect(after.columns).toContainEqual({ header: "Nơi giúp dân", field: "commune" });
  }, 60_000);
});
