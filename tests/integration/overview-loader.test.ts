// The overview route's loader against a migrated database with a few mart rows whose KPI values
// were computed by hand; and its 400s for URLs the filter schema refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommuneMonthTable } from "~/lib/db/types";
import type { BadFilterResponseBody } from "~/lib/url-params/filter-issues";
import type { OverviewViewerPage as OverviewPageData } from "~/pages/overview/view.server";
import { loader as healthLoader } from "~/routes/healthz";
import { loader } from "~/routes/_index";
import { createUserWithSession } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const MUI_NE = "22918"; // phường, population 50,166 (ok)
const LIEN_HUONG = "22969"; // xã, population 70,737 (ok)
const SON_DIEN = "25051"; // xã, population 731 (suspect_lt_1000)
const LAM_DONG_UNITS = 124;
const LAM_DONG_WARDS = 20;

type Counts = Pick<
  CommuneMonthTable,
  | "cases"
  | "cases_online"
  | "cases_minority"
  | "cases_elderly"
  | "dossiers_total"
  | "dossiers_online"
  | "volunteer_hours"
  | "volunteers_active"
>;

function martRow(
  commune_code: string,
  commune_name: string,
  unit_type: CommuneMonthTable["unit_type"],
  month: string,
  [
    cases,
    cases_online,
    cases_minority,
    cases_elderly,
    dossiers_total,
    dossiers_online,
    volunteer_hours,
    volunteers_active,
  ]: number[],
): CommuneMonthTable {
  const counts: Counts = {
    cases: cases!,
    cases_online: cases_online!,
    cases_minority: cases_minority!,
    cases_elderly: cases_elderly!,
    dossiers_total: dossiers_total!,
    dossiers_online: dossiers_online!,
    volunteer_hours: volunteer_hours!,
    volunteers_active: volunteers_active!,
  };
  return {
    commune_code,
    commune_name,
    unit_type,
    month,
    ...counts,
    cases_completed: counts.cases,
    cases_not_completed: 0,
    cases_vneid: 0,
    cases_female: 0,
    cases_ethnicity_unknown: 0,
    online_uptake:
      counts.dossiers_total > 0 ? counts.dossiers_online / counts.dossiers_total : null,
    assisted_online_share: counts.cases > 0 ? counts.cases_online / counts.cases : null,
    completion_rate: counts.cases > 0 ? 1 : null,
  };
}

// cases, online, minority, elderly, dossiers, dossiers online, volunteer hours, volunteers
const ROWS = [
  // Previous period (2026-06 … 2026-08): only August has rows.
  martRow(MUI_NE, "Phường Mũi Né", "phuong", "2026-08", [50, 20, 5, 10, 100, 40, 30, 4]),
  martRow(LIEN_HUONG, "Xã Liên Hương", "xa", "2026-08", [30, 6, 3, 6, 50, 10, 20, 3]),
  // Current period (2026-09 … 2026-11).
  martRow(MUI_NE, "Phường Mũi Né", "phuong", "2026-09", [60, 30, 6, 12, 100, 50, 30, 4]),
  martRow(MUI_NE, "Phường Mũi Né", "phuong", "2026-10", [70, 40, 7, 14, 120, 66, 32, 5]),
  martRow(MUI_NE, "Phường Mũi Né", "phuong", "2026-11", [80, 50, 8, 16, 130, 84, 40, 5]),
  martRow(LIEN_HUONG, "Xã Liên Hương", "xa", "2026-09", [40, 10, 20, 8, 60, 15, 25, 3]),
  martRow(LIEN_HUONG, "Xã Liên Hương", "xa", "2026-11", [0, 0, 0, 0, 0, 0, 0, 0]),
  martRow(SON_DIEN, "Xã Sơn Điền", "xa", "2026-10", [10, 2, 9, 3, 20, 4, 0, 0]),
  martRow(SON_DIEN, "Xã Sơn Điền", "xa", "2026-11", [5, 1, 5, 1, 10, 2, 6, 1]),
];

/** The signed-in leader's session cookie (set once the database exists). */
let sessionCookie = "";

async function load(query: string, cookie?: string): Promise<OverviewPageData> {
  const request = new Request(`http://localhost/${query}`, {
    headers: { Cookie: [sessionCookie, cookie].filter(Boolean).join("; ") },
  });
  const response = await loader({ request, params: {}, context: {} });
  expect(response.status).toBe(200);
  return (await response.json()) as OverviewPageData;
}

async function loadRefused(query: string): Promise<BadFilterResponseBody> {
  const request = new Request(`http://localhost/${query}`, {
    headers: { Cookie: sessionCookie },
  });
  const thrown = await loader({ request, params: {}, context: {} }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  const response = thrown as Response;
  expect(response.status).toBe(400);
  return (await response.json()) as BadFilterResponseBody;
}

describe(`overview loader (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    sessionCookie = (await createUserWithSession(t.db, "leader")).cookie;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports the database as healthy", async () => {
    const response = await healthLoader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      status: "ok",
      db: { ok: true, engine: t.kind },
    });
  });

  it("shows an empty overview, not an error, before anything is imported", async () => {
    const page = await load("");
    expect(page.province).toMatchObject({ code: "68", full_name: "Tỉnh Lâm Đồng" });
    expect(page.coverage).toBeNull();
    expect(page.kpis).toBeNull();
    expect(page.figures).toBeNull();
  });

  describe("with mart rows", () => {
    beforeAll(async () => {
      await t.db.insertInto("mart.commune_month").values(ROWS).execute();
      await t.db
        .insertInto("mart.refresh_state")
        .values({
          province_code: "68",
          first_month: "2026-06",
          last_month: "2026-11",
          refreshed_at: "2026-12-01T03:00:00Z",
          last_batch_id: 7,
        })
        .execute();
    });

    it("computes the KPIs from summed counts over the period", async () => {
      const page = await load("?period=3m");
      expect(page.period).toMatchObject({ from: "2026-09", to: "2026-11", months: 3 });
      expect(page.coverage).toMatchObject({ last_batch_id: 7, first_month: "2026-06" });
      expect(new Date(page.coverage!.refreshed_at).toISOString()).toBe("2026-12-01T03:00:00.000Z");
      const kpis = page.kpis!;
      expect(kpis.cases).toBe(265);
      expect(kpis.online_uptake).toBeCloseTo(221 / 440, 10);
      expect(kpis.assisted_online_share).toBeCloseTo(133 / 265, 10);
      expect(kpis.minority_reach).toBeCloseTo(55 / 265, 10);
      expect(kpis.elderly_reach).toBeCloseTo(54 / 265, 10);
      expect(kpis.volunteer_hours).toBeCloseTo(133, 10);
      // Latest month (2026-11): 5 + 0 + 1 volunteers; Mũi Né and Sơn Điền had cases.
      expect(kpis.volunteers_active).toBe(6);
      expect(kpis.communes_reporting).toBe(2);
      expect(kpis.communes_total).toBe(LAM_DONG_UNITS);
    });

    it("compares with the previous three months, which the data covers", async () => {
      const page = await load("?period=3m");
      expect(page.previous_period).toMatchObject({ from: "2026-06", to: "2026-08" });
      expect(page.previous_kpis).toMatchObject({
        cases: 80,
        volunteers_active: 7,
        communes_reporting: 2,
        latest_month: "2026-08",
      });
      expect(page.previous_kpis!.online_uptake).toBeCloseTo(50 / 150, 10);
    });

    it("has one trend row per month, zeros where nothing was recorded", async () => {
      const page = await load("?from=2026-07&to=2026-09");
      expect(page.trend.map((month) => [month.month, month.cases, month.dossiers_total])).toEqual([
        ["2026-07", 0, 0],
        ["2026-08", 80, 150],
        ["2026-09", 100, 160],
      ]);
      expect(page.previous_period).toBeNull(); // 2026-04 … 2026-06 is not covered
    });

    it("ranks communes, with no per-capita value for a suspect population", async () => {
      const page = await load("?period=3m&metric=cases_per_1000");
      const [first, second] = page.ranking;
      expect(first).toMatchObject({ code: MUI_NE, rank: 1, cases: 210 });
      expect(first!.value).toBeCloseTo((210 / 50_166) * 1000, 10);
      expect(second).toMatchObject({ code: LIEN_HUONG, rank: 2 });
      const sonDien = page.ranking.find((row) => row.code === SON_DIEN)!;
      expect(sonDien).toMatchObject({ rank: null, value: null, cases: 15 });
      expect(sonDien.online_uptake).toBeCloseTo(6 / 30, 10);
      expect(page.ranking).toHaveLength(LAM_DONG_UNITS);
      expect(page.figures!.map.suspect_population).toEqual([
        "Phường Bình Thuận",
        "Xã Sơn Điền",
        "Xã Tuy Phong",
      ]);
    });

    it("lists the communes that need attention in the latest month", async () => {
      const { attention } = await load("?period=3m");
      expect(attention!.month).toBe("2026-11");
      expect(attention!.lowest_uptake.map((row) => row.code)).toEqual([
        SON_DIEN,
        LIEN_HUONG,
        MUI_NE,
      ]);
      // The 30-day rule reads shift and case dates from core tables, which these mart-only rows
      // lack: no date to count back from, so no commune is called idle
      // (tests/integration/overview-procedure-group.test.ts covers the rule).
      expect(attention!.activity_as_of).toBeNull();
      expect(attention!.no_volunteer_activity).toEqual([]);
      expect(attention!.no_data.map((row) => row.code)).toContain(LIEN_HUONG);
    });

    it("restricts every number to the unit-type filter", async () => {
      const page = await load("?period=3m&unit_type=phuong");
      expect(page.kpis).toMatchObject({ cases: 210, communes_total: LAM_DONG_WARDS });
      expect(page.ranking.every((row) => row.unit_type === "phuong")).toBe(true);
      expect(page.figures!.map.has_filtered_out).toBe(true);
    });

    it("renders the charts as SVG with descriptions in the requested language", async () => {
      const page = await load("?period=3m&lang=en");
      expect(page.lang).toBe("en");
      expect(page.title).toBe("Lâm Đồng overview — Cầu Nối Số");
      expect(page.figures!.cases.html).toMatch(
        /^<div class="chart-variant chart-variant--wide"><svg/,
      );
      expect(page.figures!.cases.description).toBe(
        "Assisted cases went from 100 (Sep 2026) to 85 (Nov 2026); the most was 100 in Sep 2026.",
      );
      // September: 65 of 160 dossiers online, 40 of 100 cases; November: 86 of 140, 51 of 85.
      expect(page.figures!.rates.description).toBe(
        "Online uptake rose from 40.6% (Sep 2026) to 61.4% (Nov 2026). " +
          "Assisted-online share rose from 40.0% (Sep 2026) to 60.0% (Nov 2026).",
      );
      expect(page.figures!.map.html).toContain("Phường Mũi Né: 57.1%");
      expect(page.figures!.map.missing_count).toBe(LAM_DONG_UNITS - 3);
    });

    it.each([
      ["?from=2025-13", "from", "filter.error.month"],
      ["?period=6m&to=2026-10", "period", "filter.error.period_and_range"],
      ["?from=2030-01", "from", "filter.error.outside_coverage"],
    ])("refuses %s with a 400 naming the parameter", async (query, param, messageKey) => {
      const body = await loadRefused(query);
      expect(body.kind).toBe("bad_filter");
      expect(body.issues).toContainEqual(
        expect.objectContaining({ param, message_key: messageKey }),
      );
    });
  });
});
