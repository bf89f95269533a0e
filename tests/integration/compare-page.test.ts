// The compare page over a sample loaded through the real ETL: its table, province column and
// monthly series must equal sums computed here straight from mart.commune_month; leaders get
// suppressed demographic counts in the download; bad URLs are 400s.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BadFilterResponseBody } from "~/lib/url-params/filter-issues";
import { compareVietnamese } from "~/lib/format/collation";
import { loader as downloadLoader } from "~/routes/compare.download";
import { loader } from "~/routes/compare";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { readArrow, readCsv, readParquet, responseBytes } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { loadSampleThroughEtl } from "./support/sample-through-etl";

type PageData = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

interface Sums {
  cases: number;
  cases_online: number;
  cases_not_completed: number;
  cases_minority: number;
  cases_elderly: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  population: number | null;
}

const FROM = "2025-09";
const TO = "2026-08";

/** A ratio the page shows: numerator ÷ denominator, or null without a denominator. */
function expectRatio(actual: number | null, numerator: number, denominator: number) {
  if (denominator === 0) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(numerator / denominator, 12);
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  return thrown as Response;
}

describe(`compare page (${engineName})`, () => {
  let t: TestDatabase;
  let admin: TestIdentity;
  let leader: TestIdentity;
  let chosen: string[];
  /** Independent sums per commune over FROM–TO, straight from the mart. */
  let sums: Map<string, Sums>;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSampleThroughEtl(t, { months: 14, scale: 0.03 });
    admin = await createUserWithSession(t.db, "admin");
    leader = await createUserWithSession(t.db, "leader");
    const result = await sql<Sums & { code: string; population_quality: string }>`
      select c.code, c.population, c.population_quality,
        coalesce(sum(m.cases), 0)::float8 as cases,
        coalesce(sum(m.cases_online), 0)::float8 as cases_online,
        coalesce(sum(m.cases_not_completed), 0)::float8 as cases_not_completed,
        coalesce(sum(m.cases_minority), 0)::float8 as cases_minority,
        coalesce(sum(m.cases_elderly), 0)::float8 as cases_elderly,
        coalesce(sum(m.dossiers_total), 0)::float8 as dossiers_total,
        coalesce(sum(m.dossiers_online), 0)::float8 as dossiers_online,
        coalesce(sum(m.volunteer_hours), 0)::float8 as volunteer_hours
      from ref.commune c
      left join mart.commune_month m on m.commune_code = c.code and m.month between ${FROM} and ${TO}
      where c.province_code = '68'
      group by c.code, c.population, c.population_quality`.execute(t.db);
    sums = new Map(
      result.rows.map((row) => [
        row.code,
        {
          ...row,
          population:
            row.population_quality === "ok" && row.population !== null
              ? Number(row.population)
              : null,
        },
      ]),
    );
    // Two busy communes and one quiet one, in a deliberate (non-sorted) order.
    const byCases = [...sums.entries()].sort((a, b) => b[1].cases - a[1].cases);
    chosen = [byCases[3]![0], byCases[0]![0], byCases[byCases.length - 1]![0]];
  });
  afterAll(async () => {
    await t?.close();
  });

  async function load(query: string, who: TestIdentity = admin): Promise<PageData> {
    const response = await loader({
      request: requestAs(who, `/compare${query}`),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  const query = () => `?from=${FROM}&to=${TO}&${chosen.map((code) => `commune=${code}`).join("&")}`;

  it("shows each chosen commune's period figures, in URL order, equal to the mart's sums", async () => {
    const page = await load(query());
    expect(page.period).toMatchObject({ from: FROM, to: TO, months: 12 });
    expect(page.communes.map((commune) => commune.code)).toEqual(chosen);
    for (const figures of page.communes) {
      const expected = sums.get(figures.code!)!;
      expect(figures.cases).toBe(expected.cases);
      expectRatio(figures.online_uptake, expected.dossiers_online, expected.dossiers_total);
      expectRatio(
        figures.completion_rate,
        expected.cases - expected.cases_not_completed,
        expected.cases,
      );
      expect(figures.volunteer_hours).toBeCloseTo(expected.volunteer_hours, 9);
      expect(figures.cases_minority).toBe(expected.cases_minority); // admin: raw counts
      if (expected.population === null) expect(figures.cases_per_1000).toBeNull();
      else expectRatio(figures.cases_per_1000, expected.cases * 1000, expected.population);
    }
  });

  it("gives the province as the reference column, summed over every commune", async () => {
    const page = await load(query());
    const all = [...sums.values()];
    const total = (pick: (row: Sums) => number) => all.reduce((sum, row) => sum + pick(row), 0);
    const province = page.province_figures!;
    expect(province.code).toBeNull();
    expect(province.cases).toBe(total((row) => row.cases));
    expect(province.online_uptake).toBeCloseTo(
      total((row) => row.dossiers_online) / total((row) => row.dossiers_total),
      12,
    );
    expect(province.assisted_online_share).toBeCloseTo(
      total((row) => row.cases_online) / total((row) => row.cases),
      12,
    );
    const withPopulation = all.filter((row) => row.population !== null);
    expect(province.cases_per_1000).toBeCloseTo(
      (withPopulation.reduce((sum, row) => sum + row.cases, 0) * 1000) /
        withPopulation.reduce((sum, row) => sum + row.population!, 0),
      9,
    );
  });

  it("draws one panel per commune for each indicator, from month rows equal to the mart", async () => {
    const page = await load(query());
    expect(page.monthly).toHaveLength(chosen.length * 12);
    const row = page.monthly.find(
      (entry) => entry.commune_code === chosen[1] && entry.month === "2026-03",
    )!;
    const mart = await t.db
      .selectFrom("mart.commune_month")
      .select(["cases", "volunteer_hours", "dossiers_total", "dossiers_online"])
      .where("commune_code", "=", chosen[1]!)
      .where("month", "=", "2026-03")
      .executeTakeFirstOrThrow();
    expect(row.cases).toBe(Number(mart.cases));
    expect(row.volunteer_hours).toBeCloseTo(Number(mart.volunteer_hours), 9);
    expect(page.figures.map((figure) => figure.metric)).toEqual([
      "online_uptake",
      "cases",
      "volunteer_hours",
    ]);
    for (const figure of page.figures) {
      expect(figure.panels.map((panel) => panel.code)).toEqual(chosen);
      for (const panel of figure.panels) expect(panel.html).toMatch(/^<svg/);
    }
  });

  it("lists every commune of the province for the chooser, in Vietnamese order", async () => {
    const page = await load("");
    expect(page.options).toHaveLength(sums.size);
    const names = page.options.map((option) => option.name);
    expect(names).toEqual([...names].sort(compareVietnamese));
    expect(page.communes).toEqual([]);
  });

  it("suppresses demographic counts for a leader, in the page and the download", async () => {
    const page = await load(query(), leader);
    for (const figures of page.communes) {
      const expected = sums.get(figures.code!)!;
      const count = figures.cases_minority;
      if (expected.cases_minority === 0) expect(count).toBe(0);
      else if (expected.cases_minority < 8) expect(count).toBe("<8");
      else expect(count).toBe(Math.round(expected.cases_minority / 5) * 5);
      // Shares come from the counts as shown: none for "<8" or under 8 cases (ADR 009).
      expect(figures.minority_share).toBe(
        expected.cases >= 8 && typeof count === "number"
          ? Math.min(count, expected.cases) / expected.cases
          : null,
      );
    }
    const response = await downloadLoader({
      request: requestAs(leader, `/compare/download${query()}&dataset=table&format=csv`),
      params: {},
      context: {},
    });
    const csv = readCsv(await responseBytes(response));
    const column = csv.header.indexOf("cases_minority");
    for (const row of csv.rows) expect(row[column]).toMatch(/^(0|<8|[0-9]*[05])$/);
  });

  it("downloads the table and the monthly series with the page's numbers", async () => {
    const page = await load(query());
    const table = await downloadLoader({
      request: requestAs(admin, `/compare/download${query()}&dataset=table&format=parquet`),
      params: {},
      context: {},
    });
    expect(table.headers.get("Content-Disposition")).toContain(
      `cau-noi-so_compare-table_${FROM}_${TO}.parquet`,
    );
    const parquet = await readParquet(await responseBytes(table));
    expect(parquet.rows.map((row) => row.commune_code)).toEqual([...chosen, null]);
    expect(parquet.rows.map((row) => Number(row.cases))).toEqual([
      ...page.communes.map((commune) => commune.cases),
      page.province_figures!.cases,
    ]);
    const monthly = await downloadLoader({
      request: requestAs(admin, `/compare/download${query()}&dataset=monthly&format=arrow`),
      params: {},
      context: {},
    });
    const arrow = readArrow(await responseBytes(monthly));
    expect(arrow.numRows).toBe(page.monthly.length);
    expect(Number(arrow.getChild("cases")!.get(5))).toBe(page.monthly[5]!.cases);
  });

  it.each([
    ["an unknown commune", "?commune=01001", "commune", "filter.error.commune_unknown"],
    [
      "seven communes",
      `?${["24846", "25162", "24781", "24823", "22918", "23272", "22969"].map((c) => `commune=${c}`).join("&")}`,
      "commune",
      "filter.error.commune_count",
    ],
    ["a malformed commune code", "?commune=123", "commune", "filter.error.commune"],
    ["a malformed month", "?from=2026-13", "from", "filter.error.month"],
    ["a month outside the data", "?from=2030-01", "from", "filter.error.outside_coverage"],
  ])("refuses %s with a 400 naming the parameter", async (_, search, param, key) => {
    const response = await thrownBy(
      loader({ request: requestAs(admin, `/compare${search}`), params: {}, context: {} }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as BadFilterResponseBody;
    expect(body.issues).toContainEqual(expect.objectContaining({ param, message_key: key }));
  });

  it("refuses a download of an unknown dataset or format", async () => {
    const response = await thrownBy(
      downloadLoader({
        request: requestAs(admin, `/compare/download${query()}&dataset=secret&format=pdf`),
        params: {},
        context: {},
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as BadFilterResponseBody;
    expect(body.issues.map((issue) => issue.param).sort()).toEqual(["dataset", "format"]);
  });
});
