// mart.commune_month against totals computed by hand for a small fixture of core rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { withTransaction } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";
import { rebuildCommuneMonth, refreshCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const LANG_BIANG = "24846";
const CAT_TIEN_3 = "25162";

// Computed by hand from the fixture (tests/fixtures/mart/README.md); both suites expect it.
const LANG_BIANG_JULY = {
  commune_code: LANG_BIANG,
  commune_name: "Lang Biang - Đà Lạt",
  unit_type: "phuong",
  month: "2025-07",
  cases: 3,
  cases_online: 2,
  cases_completed: 1,
  cases_not_completed: 1,
  cases_vneid: 1,
  cases_minority: 1,
  cases_elderly: 1,
  cases_female: 2,
  cases_ethnicity_unknown: 1,
  volunteer_hours: 7.5,
  volunteers_active: 3,
  dossiers_total: 100,
  dossiers_online: 40,
  online_uptake: 0.4,
  assisted_online_share: 2 / 3,
  completion_rate: 2 / 3,
};

function assistance(
  record_id: string,
  assisted_at: string,
  commune_code: string,
  volunteer_id: string,
  channel: "online" | "in_person",
  outcome: "submitted" | "completed" | "not_completed",
  help_type: "guidance" | "form_filling" | "vneid" | "scanning",
  age_band: "18_34" | "35_59" | "60_plus",
  gender: "female" | "male" | "other",
  ethnic_code: string | null,
) {
  return {
    record_id,
    assisted_at,
    commune_code,
    volunteer_id,
    channel,
    outcome,
    help_type,
    age_band,
    gender,
    ethnic_code,
    team: "Đội 1",
    procedure_code: "other",
    minutes: 15,
    row_hash: record_id,
    batch_id: 1,
    source_line: 2,
  };
}

describe(`mart.commune_month (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db
      .insertInto("core.import_batch")
      .values({
        kind: "assistance",
        file_name: "fixture",
        file_sha256: "0".repeat(64),
        file_bytes: 0,
        loaded_by: "test",
        status: "loaded",
      })
      .execute();
    await t.db
      .insertInto("core.assistance")
      .values([
        assistance(
          "r1",
          "2025-07-03 08:00:00",
          LANG_BIANG,
          "V1",
          "online",
          "completed",
          "vneid",
          "60_plus",
          "female",
          "01",
        ),
        assistance(
          "r2",
          "2025-07-15 09:00:00",
          LANG_BIANG,
          "V1",
          "in_person",
          "not_completed",
          "guidance",
          "18_34",
          "male",
          "15",
        ),
        // 23:30 on the last day of July stays in July (local time).
        assistance(
          "r3",
          "2025-07-31 23:30:00",
          LANG_BIANG,
          "V4",
          "online",
          "submitted",
          "form_filling",
          "35_59",
          "female",
          null,
        ),
        assistance(
          "r4",
          "2025-09-01 00:10:00",
          CAT_TIEN_3,
          "V3",
          "online",
          "completed",
          "scanning",
          "60_plus",
          "other",
          "28",
        ),
      ])
      .execute();
    const shift = (
      shift_id: string,
      commune_code: string,
      shift_date: string,
      hours: number,
      volunteer_id: string,
    ) => ({
      shift_id,
      commune_code,
      shift_date,
      hours,
      volunteer_id,
      team: "Đội 1",
      row_hash: shift_id,
      batch_id: 1,
      source_line: 2,
    });
    await t.db
      .insertInto("core.volunteer_shift")
      .values([
        shift("s1", LANG_BIANG, "2025-07-03", 4.5, "V1"),
        shift("s2", LANG_BIANG, "2025-07-10", 3, "V2"),
        shift("s3", CAT_TIEN_3, "2025-09-02", 2.5, "V3"),
      ])
      .execute();
    const dossier = (
      commune_code: string,
      month: string,
      procedure_code: string,
      received_total: number,
      received_online: number,
    ) => ({
      commune_code,
      month,
      procedure_code,
      received_total,
      received_online,
      row_hash: "x",
      batch_id: 1,
      source_line: 2,
    });
    await t.db
      .insertInto("core.dossier_stat")
      .values([
        dossier(LANG_BIANG, "2025-07-01", "", 100, 40),
        // Ignored: the commune reported an all-procedures figure for the month.
        dossier(LANG_BIANG, "2025-07-01", "1.001193", 10, 5),
        dossier(CAT_TIEN_3, "2025-09-01", "1.001193", 20, 10),
        dossier(CAT_TIEN_3, "2025-09-01", "2.000986", 30, 5),
      ])
      .execute();
    await withTransaction(t.engine, (s) => rebuildCommuneMonth(s, "68"));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has one row per commune × month over the covered range, zeros included", async () => {
    const rows = await t.db
      .selectFrom("mart.commune_month")
      .select(["month", (eb) => eb.fn.countAll().as("n")])
      .groupBy("month")
      .orderBy("month")
      .execute();
    expect(rows.map((r) => [r.month, Number(r.n)])).toEqual([
      ["2025-07", 124],
      ["2025-08", 124],
      ["2025-09", 124],
    ]);
    const state = await t.db.selectFrom("mart.refresh_state").selectAll().executeTakeFirstOrThrow();
    expect([state.first_month, state.last_month]).toEqual(["2025-07", "2025-09"]);
  });

  it("matches the hand-computed cells", async () => {
    const cell = (commune: string, month: string) =>
      t.db
        .selectFrom("mart.commune_month")
        .selectAll()
        .where("commune_code", "=", commune)
        .where("month", "=", month)
        .executeTakeFirstOrThrow();
    expect(await cell(LANG_BIANG, "2025-07")).toEqual(LANG_BIANG_JULY);
    expect(await cell(CAT_TIEN_3, "2025-09")).toMatchObject({
      cases: 1,
      cases_online: 1,
      cases_completed: 1,
      cases_not_completed: 0,
      cases_minority: 1,
      cases_elderly: 1,
      cases_female: 0,
      cases_ethnicity_unknown: 0,
      volunteer_hours: 2.5,
      volunteers_active: 1,
      dossiers_total: 50,
      dossiers_online: 15,
      online_uptake: 0.3,
      assisted_online_share: 1,
      completion_rate: 1,
    });
    expect(await cell(LANG_BIANG, "2025-08")).toMatchObject({
      cases: 0,
      volunteer_hours: 0,
      dossiers_total: 0,
      online_uptake: null,
      assisted_online_share: null,
      completion_rate: null,
    });
  });

  it("province totals equal the fixture's", async () => {
    const totals = await t.db
      .selectFrom("mart.commune_month")
      .select((eb) => [
        eb.fn.sum<number>("cases").as("cases"),
        eb.fn.sum<number>("volunteer_hours").as("hours"),
        eb.fn.sum<number>("dossiers_total").as("dossiers"),
      ])
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ cases: 4, hours: 10, dossiers: 150 });
  });

  it("an incremental refresh after a change equals a full rebuild, and shrinks the range when data goes", async () => {
    await t.db.deleteFrom("core.assistance").where("record_id", "=", "r4").execute();
    await t.db.deleteFrom("core.volunteer_shift").where("shift_id", "=", "s3").execute();
    await t.db.deleteFrom("core.dossier_stat").where("commune_code", "=", CAT_TIEN_3).execute();
    await withTransaction(t.engine, (s) => refreshCommuneMonth(s, "68", ["2025-09"], null));
    const incremental = await t.db
      .selectFrom("mart.commune_month")
      .selectAll()
      .orderBy("commune_code")
      .orderBy("month")
      .execute();
    expect(new Set(incremental.map((r) => r.month))).toEqual(new Set(["2025-07"]));
    await withTransaction(t.engine, (s) => rebuildCommuneMonth(s, "68"));
    const rebuilt = await t.db
      .selectFrom("mart.commune_month")
      .selectAll()
      .orderBy("commune_code")
      .orderBy("month")
      .execute();
    expect(incremental).toEqual(rebuilt);
  });
});

describe(`mart.commune_month through the ETL (${engineName})`, () => {
  let t: TestDatabase;
  const fixture = (name: string) => path.resolve("tests/fixtures/mart", name);
  const load = (file: string, kind: "assistance" | "shifts" | "dossiers") =>
    importFile(t.engine, {
      path: fixture(file),
      kind,
      provinceCode: "68",
      loadedBy: "test",
      now: new Date("2026-03-01T05:00:00Z"),
    });

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("loads the fixture files and fills the mart with the hand-computed cells", async () => {
    const assistance = await load("assistance.csv", "assistance");
    expect(assistance).toMatchObject({ status: "loaded", rows: 5, inserted: 4, rejected: 1 });
    expect(assistance.warnings.map((w) => w.code)).toContain("commune_renamed");
    expect((await load("shifts.csv", "shifts")).inserted).toBe(3);
    expect((await load("dossiers.csv", "dossiers")).inserted).toBe(3);

    const rows = await t.db.selectFrom("mart.commune_month").selectAll().execute();
    expect(rows).toHaveLength(124 * 3);
    const cell = (code: string, month: string) =>
      rows.find((r) => r.commune_code === code && r.month === month);
    expect(cell(LANG_BIANG, "2025-07")).toEqual(LANG_BIANG_JULY);
    expect(cell(CAT_TIEN_3, "2025-09")).toMatchObject({
      cases: 1,
      cases_online: 1,
      cases_completed: 1,
      cases_minority: 1,
      cases_elderly: 1,
      cases_female: 0,
      volunteer_hours: 2.5,
      volunteers_active: 1,
      dossiers_total: 50,
      dossiers_online: 15,
      online_uptake: 0.3,
      assisted_online_share: 1,
      completion_rate: 1,
    });
    const others = rows.filter(
      (r) =>
        !(r.commune_code === LANG_BIANG && r.month === "2025-07") &&
        !(r.commune_code === CAT_TIEN_3 && r.month === "2025-09"),
    );
    expect(
      others.every(
        (r) =>
          r.cases === 0 &&
          r.volunteer_hours === 0 &&
          r.dossiers_total === 0 &&
          r.online_uptake === null,
      ),
    ).toBe(true);
  });
});
