// The monthly report over a 14-month sample loaded through the real ETL (July 2025 – August 2026,
// so August 2026 has a previous month and a year-earlier month): its figures must equal sums taken
// here straight from mart.commune_month; bad parameters are 400s, a secretary's foreign commune 403.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BadFilterResponseBody } from "~/lib/url-params/filter-issues";
import { loader as downloadLoader } from "~/routes/report.download";
import { loader } from "~/routes/report";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { readCsv, responseBytes } from "../support/read-export";
import { getMonthlyReport } from "~/pages/report/load.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { loadSampleThroughEtl } from "./support/sample-through-etl";

type PageData = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

interface CellSums {
  commune_code: string;
  month: string;
  cases: number;
  cases_online: number;
  cases_minority: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  volunteers_active: number;
}

const MONTH = "2026-08";

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  return thrown as Response;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe(`monthly report (${engineName})`, () => {
  let t: TestDatabase;
  let admin: TestIdentity;
  let secretary: TestIdentity;
  let cells: CellSums[];
  let own: string;
  let foreign: string;

  const provinceMonth = (month: string) => {
    const rows = cells.filter((cell) => cell.month === month);
    const total = (pick: (row: CellSums) => number) => rows.reduce((s, r) => s + pick(r), 0);
    return {
      cases: total((r) => r.cases),
      online: total((r) => r.dossiers_online),
      dossiers: total((r) => r.dossiers_total),
      hours: total((r) => r.volunteer_hours),
      withCases: rows.filter((r) => r.cases > 0).length,
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSampleThroughEtl(t, { months: 14, scale: 0.03 });
    const result = await sql<CellSums>`
      select commune_code, month,
        cases::float8 as cases, cases_online::float8 as cases_online,
        cases_minority::float8 as cases_minority,
        dossiers_total::float8 as dossiers_total, dossiers_online::float8 as dossiers_online,
        volunteer_hours::float8 as volunteer_hours, volunteers_active::float8 as volunteers_active
      from mart.commune_month`.execute(t.db);
    cells = result.rows;
    // A busy ward with a usable population (so it has peers) is the secretary's own commune.
    const ward = await sql<{ code: string }>`
      select c.code from ref.commune c join mart.commune_month m on m.commune_code = c.code
      where c.unit_type = 'phuong' and c.population_quality = 'ok' and m.month = ${MONTH}
      order by m.cases desc, c.code limit 2`.execute(t.db);
    own = ward.rows[0]!.code;
    foreign = ward.rows[1]!.code;
    admin = await createUserWithSession(t.db, "admin");
    secretary = await createUserWithSession(t.db, "secretary", { communes: [own] });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function load(query: string, who: TestIdentity = admin): Promise<PageData> {
    const response = await loader({
      request: requestAs(who, `/report${query}`),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it("defaults to the latest month that is over, and labels a month still running (issue 12)", async () => {
    const at = async (now: string, params: { month?: string } = {}) => {
      const result = await getMonthlyReport(t.db, "68", params, admin.viewer, new Date(now));
      if (!result.ok || !result.report) throw new Error("no report");
      return result.report;
    };
    // The data runs to August 2026. On the 1st, the 4th and the last day of August, August is
    // running: the report shows July and says why; August can still be chosen, labelled partial.
    for (const now of ["2026-07-31T17:30:00Z", "2026-08-04T03:00:00Z", "2026-08-31T16:00:00Z"]) {
      const report = await at(now);
      expect(report.month, now).toBe("2026-07");
      expect(report.calendar).toEqual({
        running_month: "2026-08",
        partial_through: null,
        skipped_running: "2026-08",
      });
    }
    const chosen = await at("2026-08-04T03:00:00Z", { month: "2026-08" });
    expect(chosen.month).toBe("2026-08");
    expect(chosen.calendar.partial_through).toMatch(/^2026-08-\d\d$/);
    expect(chosen.calendar.skipped_running).toBeNull();
    // From 1 September (Vietnam time) August is a whole month again.
    const over = await at("2026-08-31T17:00:00Z");
    expect(over.month).toBe("2026-08");
    expect(over.calendar).toEqual({
      running_month: null,
      partial_through: null,
      skipped_running: null,
    });
  });

  it("reports the latest covered month by default, against the previous month and a year earlier", async () => {
    const page = await load("");
    const report = page.report!;
    expect(report.month).toBe(MONTH);
    expect(report.previous_month).toBe("2026-07");
    expect(report.year_ago_month).toBe("2025-08");
    const row = (id: string) => report.kpis.find((kpi) => kpi.id === id)!;
    const [now, before, yearAgo] = [MONTH, "2026-07", "2025-08"].map(provinceMonth);
    expect(row("cases")).toMatchObject({
      value: now!.cases,
      previous: before!.cases,
      year_ago: yearAgo!.cases,
    });
    expect(row("cases").change_previous?.amount).toBeCloseTo(
      (now!.cases - before!.cases) / before!.cases,
      12,
    );
    expect(row("online_uptake").value).toBeCloseTo(now!.online / now!.dossiers, 12);
    expect(row("online_uptake").change_year?.amount).toBeCloseTo(
      now!.online / now!.dossiers - yearAgo!.online / yearAgo!.dossiers,
      12,
    );
    expect(row("volunteer_hours").value).toBeCloseTo(now!.hours, 9);
    expect(row("communes_reporting").value).toBe(now!.withCases);
  });

  it("shows the 12-month trend and the communes with the highest and lowest uptake", async () => {
    const page = await load(`?month=${MONTH}`);
    const report = page.report!;
    expect(report.trend.map((month) => month.month)).toEqual([
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
    ]);
    expect(report.trend.at(-1)!.cases).toBe(provinceMonth(MONTH).cases);
    const uptakes = cells
      .filter((cell) => cell.month === MONTH && cell.dossiers_total > 0)
      .map((cell) => cell.dossiers_online / cell.dossiers_total)
      .sort((a, b) => b - a);
    const sections = report.province_sections!;
    expect(sections.ranked_count).toBe(uptakes.length);
    expect(sections.top_uptake.map((row) => row.online_uptake)).toEqual(uptakes.slice(0, 5));
    expect(sections.bottom_uptake.map((row) => row.online_uptake)).toEqual(
      uptakes.slice(-5).reverse(),
    );
    const maxHours = Math.max(
      ...cells.filter((cell) => cell.month === MONTH).map((c) => c.volunteer_hours),
    );
    expect(sections.top_hours[0]!.volunteer_hours).toBeCloseTo(maxHours, 9);
    expect(page.figures!.rates.html).toMatch(
      /^<div class="chart-variant chart-variant--wide"><svg/,
    );
    expect(page.figures!.cases.html).toMatch(
      /^<div class="chart-variant chart-variant--wide"><svg/,
    );
  });

  it("an early month has no year-earlier column and a shorter trend", async () => {
    const report = (await load("?month=2025-09")).report!;
    expect(report.year_ago_month).toBeNull();
    expect(report.kpis.every((row) => row.year_ago === null && row.change_year === null)).toBe(
      true,
    );
    expect(report.trend.map((month) => month.month)).toEqual(["2025-07", "2025-08", "2025-09"]);
  });

  it("reports one commune against the province and the median of its peers", async () => {
    const report = (await load(`?month=${MONTH}&commune=${own}`)).report!;
    expect(report.commune?.code).toBe(own);
    const cell = cells.find((c) => c.commune_code === own && c.month === MONTH)!;
    const row = (id: string) => report.kpis.find((kpi) => kpi.id === id)!;
    expect(report.kpis.map((kpi) => kpi.id)).not.toContain("communes_reporting");
    expect(row("cases").value).toBe(cell.cases);
    expect(row("cases").province).toBe(provinceMonth(MONTH).cases);
    expect(row("volunteers_active").value).toBe(cell.volunteers_active);
    expect(report.month_figures).toMatchObject({
      cases: cell.cases,
      dossiers_total: cell.dossiers_total,
      cases_minority: cell.cases_minority,
    });
    expect(report.peers.length).toBeGreaterThan(0);
    expect(report.peers.map((peer) => peer.code)).not.toContain(own);
    const peerCases = report.peers.map(
      (peer) => cells.find((c) => c.commune_code === peer.code && c.month === MONTH)?.cases ?? 0,
    );
    expect(row("cases").peer_median).toBe(medianOf(peerCases));
    const units = await t.db
      .selectFrom("ref.commune")
      .select("unit_type")
      .where("code", "in", [own, ...report.peers.map((peer) => peer.code)])
      .execute();
    expect(new Set(units.map((unit) => unit.unit_type))).toEqual(new Set(["phuong"]));
  });

  it("lets a secretary open their own commune's report and the province's, not another's", async () => {
    expect((await load(`?commune=${own}`, secretary)).report!.commune!.code).toBe(own);
    expect((await load("", secretary)).report!.commune).toBeNull();
    const options = (await load("", secretary)).options.map((option) => option.code);
    expect(options).toEqual([own]);
    const response = await thrownBy(
      loader({
        request: requestAs(secretary, `/report?commune=${foreign}`),
        params: {},
        context: {},
      }),
    );
    expect(response.status).toBe(403);
    const download = await thrownBy(
      downloadLoader({
        request: requestAs(secretary, `/report/download?commune=${foreign}&table=kpis&format=csv`),
        params: {},
        context: {},
      }),
    );
    expect(download.status).toBe(403);
  });

  it("suppresses a secretary's demographic counts in the commune's month figures", async () => {
    const report = (await load(`?commune=${own}`, secretary)).report!;
    const raw = cells.find((c) => c.commune_code === own && c.month === MONTH)!.cases_minority;
    const expected = raw === 0 ? 0 : raw < 8 ? "<8" : Math.round(raw / 5) * 5;
    expect(report.month_figures!.cases_minority).toBe(expected);
    expect(report.suppressed).toBe(true);
  });

  it("downloads the report's tables with the printed numbers", async () => {
    const page = await load(`?month=${MONTH}`);
    const response = await downloadLoader({
      request: requestAs(admin, `/report/download?month=${MONTH}&table=kpis&format=csv`),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const csv = readCsv(await responseBytes(response));
    const indicator = csv.header.indexOf("indicator");
    const value = csv.header.indexOf("value");
    const cases = csv.rows.find((row) => row[indicator] === "cases")!;
    expect(Number(cases[value])).toBe(page.report!.kpis.find((k) => k.id === "cases")!.value);
    const communes = await downloadLoader({
      request: requestAs(admin, `/report/download?month=${MONTH}&table=communes&format=csv`),
      params: {},
      context: {},
    });
    expect(readCsv(await responseBytes(communes)).rows).toHaveLength(
      new Set(cells.map((cell) => cell.commune_code)).size,
    );
  });

  it.each([
    ["a malformed month", "?month=2026-13", "month", "filter.error.month"],
    ["a month outside the data", "?month=2024-01", "month", "filter.error.outside_coverage"],
    ["an unknown commune", "?commune=01001", "commune", "filter.error.commune_unknown"],
    ["a malformed commune", "?commune=abc", "commune", "filter.error.commune"],
    ["two communes", "?commune=24846&commune=25162", "commune", "filter.error.repeated"],
  ])("refuses %s with a 400", async (_, search, param, key) => {
    const response = await thrownBy(
      loader({ request: requestAs(admin, `/report${search}`), params: {}, context: {} }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as BadFilterResponseBody;
    expect(body.issues).toContainEqual(expect.objectContaining({ param, message_key: key }));
  });

  it("refuses a table the report does not have", async () => {
    const response = await thrownBy(
      downloadLoader({
        request: requestAs(admin, `/report/download?commune=${own}&table=communes&format=csv`),
        params: {},
        context: {},
      }),
    );
    expect(response.status).toBe(400);
  });
});
