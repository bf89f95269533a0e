// The commune pages against a small hand-made fixture loaded through the real ETL: two peer wards
// (Lang Biang - Đà Lạt with 12 records, Xuân Trường - Đà Lạt with 3), their shifts, dossiers and
// population profiles. Every expected number below was computed by hand from the rows here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import { importFile } from "~/lib/etl/import-file.server";
import { getCommunePage, type CommunePage } from "~/pages/commune/load.server";
import type { CommunePageView } from "~/pages/commune/view.server";
import type { CommuneList } from "~/pages/communes/load.server";
import type { BadFilterResponseBody } from "~/lib/url-params/filter-issues";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { loader as pageLoader } from "~/routes/communes.$code";
import { loader as downloadLoader } from "~/routes/communes.$code.download";
import { loader as listLoader } from "~/routes/communes._index";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { arrowRows, readArrow, readCsv, responseBytes } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { ASSISTANCE_HEADER, createTempDir, importOptions } from "./support/etl-fixtures";

const LANG_BIANG = "24846"; // phường, population 40,041
const XUAN_TRUONG = "24805"; // phường, 36,163: Lang Biang's nearest peer
const SON_DIEN = "25051"; // xã, population 731 flagged suspect_lt_1000
const PERIOD = "from=2026-01&to=2026-02";

// record, time, commune, team, volunteer, procedure, help type, channel, outcome, age, gender, ethnicity
const ASSISTANCE = [
  [
    "L01",
    "2026-01-05 08:15",
    LANG_BIANG,
    "Đội 1",
    "V1",
    "1.001193",
    "guidance",
    "online",
    "completed",
    "60_plus",
    "female",
    "K'Ho",
  ],
  [
    "L02",
    "2026-01-05 08:40",
    LANG_BIANG,
    "Đội 1",
    "V1",
    "1.001193",
    "form_filling",
    "online",
    "submitted",
    "35_59",
    "male",
    "Kinh",
  ],
  [
    "L03",
    "2026-01-05 09:10",
    LANG_BIANG,
    "Đội 1",
    "V2",
    "1.004222",
    "vneid",
    "in_person",
    "completed",
    "18_34",
    "female",
    "Kinh",
  ],
  [
    "L04",
    "2026-01-06 14:05",
    LANG_BIANG,
    "Đội 2",
    "V3",
    "3.000228",
    "vneid",
    "online",
    "completed",
    "60_plus",
    "male",
    "K'Ho",
  ],
  [
    "L05",
    "2026-01-06 14:30",
    LANG_BIANG,
    "Đội 2",
    "V3",
    "3.000228",
    "vneid",
    "online",
    "not_completed",
    "60_plus",
    "female",
    "",
  ],
  [
    "L06",
    "2026-01-12 08:20",
    LANG_BIANG,
    "Đội 1",
    "V1",
    "1.001193",
    "guidance",
    "in_person",
    "completed",
    "35_59",
    "female",
    "Kinh",
  ],
  [
    "L07",
    "2026-02-02 08:05",
    LANG_BIANG,
    "Đội 1",
    "V1",
    "1.004222",
    "form_filling",
    "online",
    "completed",
    "18_34",
    "female",
    "Mạ",
  ],
  [
    "L08",
    "2026-02-02 10:30",
    LANG_BIANG,
    "Đội 1",
    "V2",
    "1.001193",
    "scanning",
    "online",
    "submitted",
    "under_18",
    "male",
    "Kinh",
  ],
  [
    "L09",
    "2026-02-03 14:50",
    LANG_BIANG,
    "Đội 2",
    "V3",
    "3.000228",
    "vneid",
    "online",
    "completed",
    "60_plus",
    "female",
    "K'Ho",
  ],
  [
    "L10",
    "2026-02-10 15:10",
    LANG_BIANG,
    "Đội 2",
    "V4",
    "1.004222",
    "payment",
    "online",
    "completed",
    "35_59",
    "male",
    "Kinh",
  ],
  [
    "L11",
    "2026-02-16 08:30",
    LANG_BIANG,
    "Đội 1",
    "V1",
    "1.001193",
    "guidance",
    "in_person",
    "not_completed",
    "60_plus",
    "female",
    "Kinh",
  ],
  [
    "L12",
    "2026-02-17 09:45",
    LANG_BIANG,
    "Đội 2",
    "V4",
    "3.000228",
    "vneid",
    "online",
    "completed",
    "18_34",
    "other",
    "K'Ho",
  ],
  [
    "X01",
    "2026-01-07 09:00",
    XUAN_TRUONG,
    "Đội A",
    "V9",
    "1.001193",
    "guidance",
    "online",
    "completed",
    "35_59",
    "male",
    "Mạ",
  ],
  [
    "X02",
    "2026-02-04 10:00",
    XUAN_TRUONG,
    "Đội A",
    "V9",
    "1.001193",
    "guidance",
    "in_person",
    "completed",
    "60_plus",
    "female",
    "Mạ",
  ],
  [
    "X03",
    "2026-02-04 10:30",
    XUAN_TRUONG,
    "Đội A",
    "V9",
    "1.004222",
    "form_filling",
    "online",
    "completed",
    "18_34",
    "female",
    "Kinh",
  ],
].map((row) => [...row, "15"]);

const SHIFTS = [
  "shift_id,volunteer_id,team,commune,date,start,end,hours",
  `S1,V1,Đội 1,${LANG_BIANG},2026-01-05,07:30,12:00,`, // Monday 4.5 h
  `S2,V2,Đội 1,${LANG_BIANG},2026-01-05,08:00,11:00,`, // Monday 3 h
  `S3,V3,Đội 2,${LANG_BIANG},2026-01-06,13:30,17:00,`, // Tuesday 3.5 h
  `S4,V1,Đội 1,${LANG_BIANG},2026-02-02,07:30,12:00,`, // Monday 4.5 h
  `S5,V4,Đội 2,${LANG_BIANG},2026-02-10,14:00,16:15,`, // Tuesday 2.25 h
  `S6,V3,Đội 2,${LANG_BIANG},2026-02-03,,,4`, // Tuesday, hours only
  `S7,V9,Đội A,${XUAN_TRUONG},2026-01-07,08:00,11:00,`,
];

const DOSSIERS = [
  "commune,month,procedure,received_total,received_online",
  `${LANG_BIANG},2026-01,,100,40`,
  `${LANG_BIANG},2026-02,1.001193,60,30`,
  `${LANG_BIANG},2026-02,1.004222,40,30`,
  `${XUAN_TRUONG},2026-01,,50,10`,
  `${XUAN_TRUONG},2026-02,1.001193,20,15`,
];

const POPULATION = [
  "commune,year,population_total,population_minority,population_elderly,population_female",
  `${LANG_BIANG},2024,19000,4000,1900,9500`,
  `${LANG_BIANG},2025,20000,5000,2000,10000`,
  `${LANG_BIANG},2027,21000,7000,2100,10500`,
];

const ADMIN: Viewer = { user_id: 0, username: "t", role: "admin", communes: [], via: "session" };
const LEADER: Viewer = { ...ADMIN, role: "leader" };

function filterOf(query: string) {
  const parsed = parseOverviewFilter(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.filter;
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  return thrown as Response;
}

describe(`commune pages (${engineName})`, () => {
  let t: TestDatabase;
  let admin: TestIdentity;
  let analyst: TestIdentity;
  let leader: TestIdentity;
  let secretaryOfXuanTruong: TestIdentity;
  const files = createTempDir("commune-page-");

  async function page(query: string, viewer: Viewer = ADMIN, code = LANG_BIANG) {
    const result = await getCommunePage(t.db, "68", code, filterOf(query), viewer);
    if (!result.ok) throw new Error(`no page: ${result.reason}`);
    return result.page;
  }

  async function loadPage(identity: TestIdentity, query: string, code = LANG_BIANG) {
    const response = await pageLoader({
      request: requestAs(identity, `/communes/${code}?${query}`),
      params: { code },
      context: {},
    });
    expect(response.status).toBe(200);
    return (await response.json()) as CommunePageView;
  }

  async function download(identity: TestIdentity, query: string, code = LANG_BIANG) {
    return downloadLoader({
      request: requestAs(identity, `/communes/${code}/download?${query}`),
      params: { code },
      context: {},
    });
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    const csv = (rows: string[][]) =>
      [ASSISTANCE_HEADER.join(","), ...rows.map((row) => row.map((v) => `"${v}"`).join(","))].join(
        "\n",
      ) + "\n";
    const imports = [
      [files.write("assistance.csv", csv(ASSISTANCE)), "assistance"],
      [files.write("shifts.csv", SHIFTS.join("\n") + "\n"), "shifts"],
      [files.write("dossiers.csv", DOSSIERS.join("\n") + "\n"), "dossiers"],
      [files.write("population.csv", POPULATION.join("\n") + "\n"), "population"],
    ] as const;
    for (const [path, kind] of imports) {
      const summary = await importFile(t.engine, importOptions(path, kind));
      expect(summary, `${kind}: ${JSON.stringify(summary.sample_rejects)}`).toMatchObject({
        status: "loaded",
        rejected: 0,
      });
    }
    admin = await createUserWithSession(t.db, "admin");
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
    secretaryOfXuanTruong = await createUserWithSession(t.db, "secretary", {
      communes: [XUAN_TRUONG],
    });
  });
  afterAll(async () => {
    files.remove();
    await t?.close();
  });

  describe("trends and peers", () => {
    it("chooses the 8 nearest wards by |log population| (checked with PostgreSQL's ln)", async () => {
      const expected = await t.db
        .selectFrom("ref.commune")
        .select("code")
        .where("province_code", "=", "68")
        .where("unit_type", "=", "phuong")
        .where("population_quality", "=", "ok")
        .where("code", "<>", LANG_BIANG)
        .orderBy(sql`abs(ln(population) - ln(40041))`)
        .limit(8)
        .execute();
      const { peers } = await page(PERIOD);
      expect(peers.map((peer) => peer.code)).toEqual(expected.map((row) => row.code));
      expect(peers[0]).toMatchObject({ code: XUAN_TRUONG, population: 36_163 });
      expect(peers[0]!.distance).toBeCloseTo(Math.log(40_041 / 36_163), 10);
    });

    it("places the commune on its tiles among the province's 124 units and its peers", async () => {
      const { standings, summary } = await page(PERIOD);
      // Every unit has a case count (zeros for the 122 that sent nothing), so all are ranked.
      expect(standings!.cases).toMatchObject({
        value: summary!.cases,
        province_median: 0,
        province_rank: { rank: 1, of: 124 },
        peer_rank: { rank: 1, of: 9 },
      });
      expect(standings!.volunteer_hours.value).toBe(21.75);
      // Only the two wards have dossiers: uptake ranks two units; Lang Biang's 0.5 against the
      // other ward's.
      expect(standings!.online_uptake.value).toBe(0.5);
      expect(standings!.online_uptake.province_rank!.of).toBe(2);
      expect(standings!.online_uptake.peer_rank!.of).toBe(2);
    });

    it("has no peers for a suspect population", async () => {
      const sonDien = await page(PERIOD, ADMIN, SON_DIEN);
      expect(sonDien.commune.population_ok).toBe(false);
      expect(sonDien.peers).toEqual([]);
      expect(sonDien.trend.every((row) => row.peer_median_cases === null)).toBe(true);
    });

    it("sets each month against the peer and province medians", async () => {
      const p = await page(PERIOD);
      expect(p.province_commune_count).toBe(124);
      expect(p.trend).toEqual([
        {
          month: "2026-01",
          cases: 6,
          cases_online: 4,
          dossiers_total: 100,
          dossiers_online: 40,
          online_uptake: 0.4,
          assisted_online_share: 4 / 6,
          // Only the two wards have dossiers: median(0.4, 0.2); the peers' only value is 0.2.
          province_median_online_uptake: expect.closeTo(0.3, 10),
          province_median_cases: 0,
          peer_median_online_uptake: 0.2,
          peer_median_cases: 0,
        },
        {
          month: "2026-02",
          cases: 6,
          cases_online: 5,
          dossiers_total: 100,
          dossiers_online: 60,
          online_uptake: 0.6,
          assisted_online_share: 5 / 6,
          province_median_online_uptake: expect.closeTo(0.675, 10),
          province_median_cases: 0,
          peer_median_online_uptake: 0.75,
          peer_median_cases: 0,
        },
      ]);
      expect(p.summary).toEqual({
        cases: 12,
        cases_online: 9,
        dossiers_total: 200,
        dossiers_online: 100,
        volunteer_hours: 21.75,
        online_uptake: 0.5,
        assisted_online_share: 0.75,
      });
    });

    it("with a procedure group, counts its cases and only its per-procedure dossiers", async () => {
      const p = await page(`${PERIOD}&procedure_group=ho_tich`);
      expect(p.trend.map((row) => [row.cases, row.cases_online, row.online_uptake])).toEqual([
        [3, 2, null], // January's dossiers were reported for all procedures: not splittable
        [2, 1, 0.5],
      ]);
      expect(p.trend[1]!.province_median_online_uptake).toBeCloseTo(0.625, 10);
      expect(p.trend[1]!.peer_median_online_uptake).toBe(0.75);
      expect(p.trend[0]!.province_median_online_uptake).toBeNull();
    });
  });

  describe("breakdowns", () => {
    let p: CommunePage;
    beforeAll(async () => {
      p = await page(PERIOD);
    });

    it("mixes procedures by group and procedure, with online shares", () => {
      expect(p.procedure_groups.map((g) => [g.procedure_group, g.cases, g.cases_online])).toEqual([
        ["ho_tich", 5, 3],
        ["dinh_danh", 4, 4],
        ["cu_tru", 3, 2],
      ]);
      expect(p.procedure_groups[0]!.assisted_online_share).toBeCloseTo(0.6, 10);
      expect(p.procedure_groups[0]!.share_of_cases).toBeCloseTo(5 / 12, 10);
      expect(p.procedures.map((row) => [row.procedure_code, row.cases])).toEqual([
        ["1.001193", 5],
        ["3.000228", 4],
        ["1.004222", 3],
      ]);
      expect(p.procedures[0]).toMatchObject({
        label_vi: "Đăng ký khai sinh",
        label_en: "Birth registration",
      });
    });

    it("counts help types, zeros included", () => {
      expect(p.help_types.map((row) => [row.help_type, row.cases, row.cases_online])).toEqual([
        ["guidance", 3, 1],
        ["form_filling", 2, 2],
        ["vneid", 5, 4],
        ["scanning", 1, 1],
        ["payment", 1, 1],
        ["other", 0, 0],
      ]);
    });

    it("computes reach against the latest profile at or before the period's year", () => {
      const { reach } = p;
      expect(reach.profile?.year).toBe(2025);
      expect(reach.cases_total).toBe(12);
      const byGroup = Object.fromEntries(reach.rows.map((row) => [row.group, row]));
      expect(byGroup.minority).toMatchObject({ cases: 5, population_share: 0.25 });
      expect(byGroup.minority!.reach_index).toBeCloseTo(5 / 12 / 0.25, 10);
      expect(byGroup.elderly).toMatchObject({ cases: 5, population_share: 0.1 });
      expect(byGroup.elderly!.reach_index).toBeCloseTo(5 / 12 / 0.1, 10);
      expect(byGroup.female).toMatchObject({ cases: 7, population_share: 0.5 });
      expect(byGroup.female!.share_helped).toBeCloseTo(7 / 12, 10);
      expect(reach.ethnic_groups.map((row) => [row.name_vi, row.cases])).toEqual([
        ["Kinh", 6],
        ["Cơ Ho", 4],
        ["Mạ", 1],
        [null, 1],
      ]);
      expect(reach.age_bands.map((row) => [row.age_band, row.cases])).toEqual([
        ["under_18", 1],
        ["18_34", 3],
        ["35_59", 3],
        ["60_plus", 5],
        ["unknown", 0],
      ]);
    });

    it("says there is no profile when none is at or before the period's year", async () => {
      const { reach } = await page(PERIOD, ADMIN, XUAN_TRUONG);
      expect(reach.profile).toBeNull();
      expect(reach.rows.every((row) => row.reach_index === null)).toBe(true);
    });

    it("adds volunteer hours by team from shifts and cases by team", () => {
      expect(p.teams).toEqual([
        {
          team: "Đội 1",
          shifts: 3,
          volunteers: 2,
          volunteer_hours: 12,
          cases: 7,
          cases_per_hour: 7 / 12,
        },
        {
          team: "Đội 2",
          shifts: 3,
          volunteers: 2,
          volunteer_hours: 9.75,
          cases: 5,
          cases_per_hour: 5 / 9.75,
        },
      ]);
    });

    it("puts demand and volunteer presence on the weekday × hour grid", () => {
      const grid = p.heatmap.cells.map((c) => [c.weekday, c.hour, c.cases, c.volunteer_hours]);
      expect(grid).toEqual([
        [1, 7, 0, 1],
        [1, 8, 5, 3],
        [1, 9, 1, 3],
        [1, 10, 1, 3],
        [1, 11, 0, 2],
        [2, 9, 1, 0],
        [2, 13, 0, 0.5],
        [2, 14, 3, 2],
        [2, 15, 1, 2],
        [2, 16, 0, 1.25],
      ]);
      expect(p.heatmap).toMatchObject({ unknown_time_shifts: 1, unknown_time_hours: 4 });
    });

    it("lists the pre-2025 units the ward was formed from", () => {
      expect(p.predecessors).toEqual([
        { old_name: "Phường 7", old_unit_type: "phuong", partial: false },
        { old_name: "Thị trấn Lạc Dương", old_unit_type: "thi_tran", partial: false },
        { old_name: "Xã Lát", old_unit_type: "xa", partial: false },
      ]);
    });
  });

  describe("small-cell suppression", () => {
    const demographicCounts = (p: CommunePage) => [
      p.reach.cases_total,
      ...p.reach.rows.map((row) => row.cases),
      ...p.reach.ethnic_groups.map((row) => row.cases),
      ...p.reach.age_bands.map((row) => row.cases),
    ];

    it("shows a leader no count from 1 to 7 and only multiples of 5, rates from raw counts", async () => {
      const view = await loadPage(leader, PERIOD);
      const counts = demographicCounts(view);
      expect(counts.length).toBeGreaterThan(10);
      for (const count of counts) {
        if (typeof count === "number") expect(count % 5).toBe(0);
        else expect(count).toBe("<8");
      }
      expect(view.reach.cases_total).toBe(10);
      const minority = view.reach.rows.find((row) => row.group === "minority")!;
      expect(minority.cases).toBe("<8");
      expect(minority.share_helped).toBeCloseTo(5 / 12, 10);
    });

    it("gives an analyst the raw counts", async () => {
      const view = await loadPage(analyst, PERIOD);
      expect(view.reach.rows.map((row) => row.cases)).toEqual([5, 5, 7]);
    });

    it("replaces the breakdown with a notice for fewer than 8 records", async () => {
      const small = await page(`${PERIOD}&procedure_group=cu_tru`, LEADER);
      expect(small.reach).toMatchObject({ too_few: true, rows: [], ethnic_groups: [] });
      const raw = await page(`${PERIOD}&procedure_group=cu_tru`, ADMIN);
      expect(raw.reach.cases_total).toBe(3);
    });
  });

  describe("routes", () => {
    it("renders every figure as SVG in the reader's language", async () => {
      const view = await loadPage(admin, `${PERIOD}&lang=en`);
      expect(view.title).toBe("Lang Biang - Da Lat Ward — Cầu Nối Số");
      const { demand, presence, ...charts } = view.figures!;
      for (const figure of Object.values(charts))
        expect(figure?.html).toMatch(/^<div class="chart-variant chart-variant--wide"><svg/);
      // The heatmaps come with a legend of their colour classes, named for what a cell counts.
      expect(demand.html).toMatch(/^<div[^>]*><figure[^>]*>.*Assisted cases.*<svg/s);
      expect(presence.html).toMatch(/^<div[^>]*><figure[^>]*>.*Volunteer hours.*<svg/s);
      expect(view.figures!.uptake.description).toBe(
        "Feb 2026: this unit 60.0%; peer median 75.0%; province median 67.5%.",
      );
      expect(view.figures!.demand.description).toBe("Most on Monday, 08:00–09:00 (5).");
    });

    it("answers 404 for a code outside the province and 403 for another secretary's commune", async () => {
      const other = await t.db
        .selectFrom("ref.commune")
        .select("code")
        .where("province_code", "<>", "68")
        .limit(1)
        .executeTakeFirstOrThrow();
      for (const code of ["99999", other.code, "abc"]) {
        const response = await thrownBy(
          pageLoader({
            request: requestAs(admin, `/communes/${code}`),
            params: { code },
            context: {},
          }),
        );
        expect(response.status).toBe(404);
      }
      const denied = await thrownBy(
        pageLoader({
          request: requestAs(secretaryOfXuanTruong, `/communes/${LANG_BIANG}`),
          params: { code: LANG_BIANG },
          context: {},
        }),
      );
      expect(denied.status).toBe(403);
      const deniedFile = await thrownBy(download(secretaryOfXuanTruong, "table=trend&format=csv"));
      expect(deniedFile.status).toBe(403);
      const own = await loadPage(secretaryOfXuanTruong, PERIOD, XUAN_TRUONG);
      expect(own.commune.code).toBe(XUAN_TRUONG);
    });

    it.each([
      ["from=2025-13", "from", "filter.error.month"],
      ["procedure_group=banh_mi", "procedure_group", "filter.error.procedure_group"],
      ["from=2030-01", "from", "filter.error.outside_coverage"],
    ])("refuses ?%s with a 400 naming the parameter", async (query, param, key) => {
      const response = await thrownBy(
        pageLoader({
          request: requestAs(admin, `/communes/${LANG_BIANG}?${query}`),
          params: { code: LANG_BIANG },
          context: {},
        }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as BadFilterResponseBody;
      expect(body.issues).toContainEqual(expect.objectContaining({ param, message_key: key }));
    });

    it("refuses an unknown table or format with a 400", async () => {
      for (const query of ["table=everything&format=csv", "table=trend&format=doc", "format=csv"]) {
        const response = await thrownBy(download(analyst, query));
        expect(response.status).toBe(400);
      }
    });
  });

  describe("downloads equal the page", () => {
    const number = (value: string) => (value === "" ? null : Number(value));

    async function csvOf(identity: TestIdentity, table: string, query = PERIOD) {
      const response = await download(identity, `table=${table}&format=csv&${query}`);
      expect(response.status).toBe(200);
      const csv = readCsv(await responseBytes(response));
      expect(csv.hasBom).toBe(true);
      return csv.rows.map((row) =>
        Object.fromEntries(csv.header.map((name, i) => [name, row[i]!])),
      );
    }

    it("trend, procedures, help types, teams and heatmap", async () => {
      const view = await loadPage(analyst, PERIOD);
      const trend = await csvOf(analyst, "trend");
      expect(
        trend.map((row) => [row.month, number(row.cases!), number(row.online_uptake!)]),
      ).toEqual(view.trend.map((row) => [row.month, row.cases, row.online_uptake]));
      expect(number(trend[1]!.province_median_online_uptake!)).toBeCloseTo(0.675, 10);
      expect(trend[0]).toMatchObject({
        commune_code: LANG_BIANG,
        commune_name: "Phường Lang Biang - Đà Lạt",
      });

      const procedures = await csvOf(analyst, "procedures");
      expect(procedures.map((row) => [row.procedure_code, number(row.cases!)])).toEqual(
        view.procedures.map((row) => [row.procedure_code, row.cases]),
      );
      const help = await csvOf(analyst, "help_types");
      expect(help.map((row) => [row.help_type, number(row.cases!)])).toEqual(
        view.help_types.map((row) => [row.help_type, row.cases]),
      );
      const teams = await csvOf(analyst, "teams");
      expect(
        teams.map((row) => [row.team, number(row.volunteer_hours!), number(row.cases!)]),
      ).toEqual(view.teams.map((row) => [row.team, row.volunteer_hours, row.cases]));
      const heatmap = await csvOf(analyst, "heatmap");
      expect(
        heatmap.map((row) => [row.weekday, row.hour, row.cases, row.volunteer_hours].map(Number)),
      ).toEqual(view.heatmap.cells.map((c) => [c.weekday, c.hour, c.cases, c.volunteer_hours]));
    });

    it("reach, suppressed for a leader exactly as on the page", async () => {
      const view = await loadPage(leader, PERIOD);
      const reach = await csvOf(leader, "reach");
      const ofBreakdown = (name: string) => reach.filter((row) => row.breakdown === name);
      expect(ofBreakdown("reach").map((row) => [row.category, row.cases])).toEqual(
        view.reach.rows.map((row) => [row.group, String(row.cases)]),
      );
      expect(ofBreakdown("age_band").map((row) => row.cases)).toEqual(
        view.reach.age_bands.map((row) => String(row.cases)),
      );
      expect(number(ofBreakdown("reach")[0]!.reach_index!)).toBeCloseTo(5 / 12 / 0.25, 10);
      const raw = await csvOf(analyst, "reach");
      expect(raw.filter((row) => row.breakdown === "reach").map((row) => row.cases)).toEqual([
        "5",
        "5",
        "7",
      ]);
    });

    it("an Arrow file of the trend read back by apache-arrow", async () => {
      const response = await download(
        analyst,
        `table=trend&format=arrow&${PERIOD}&procedure_group=ho_tich`,
      );
      expect(response.status).toBe(200);
      const rows = arrowRows(readArrow(await responseBytes(response)));
      expect(rows.map((row) => [row.month, Number(row.cases), row.online_uptake])).toEqual([
        ["2026-01", 3, null],
        ["2026-02", 2, 0.5],
      ]);
    });
  });

  describe("directory", () => {
    async function list(identity: TestIdentity, query: string) {
      const response = await listLoader({
        request: requestAs(identity, `/communes?${query}`),
        params: {},
        context: {},
      });
      expect(response.status).toBe(200);
      return (await response.json()) as CommuneList;
    }

    it("lists every unit in Vietnamese order with its figures for the period", async () => {
      const all = await list(admin, PERIOD);
      expect(all.rows).toHaveLength(124);
      const names = all.rows.map((row) => row.name);
      expect(names).toEqual(
        [...names].sort((a, b) => new Intl.Collator("vi", { numeric: true }).compare(a, b)),
      );
      const langBiang = all.rows.find((row) => row.code === LANG_BIANG)!;
      expect(langBiang).toMatchObject({ cases: 12, online_uptake: 0.5, volunteer_hours: 21.75 });
      expect(langBiang.cases_per_1000).toBeCloseTo((12 / 40_041) * 1000, 10);
      expect(all.rows.find((row) => row.code === SON_DIEN)!.cases_per_1000).toBeNull();
    });

    it("filters by unit type and a name typed without diacritics", async () => {
      const found = await list(admin, "q=da%20lat&unit_type=phuong");
      expect(found.rows.length).toBeGreaterThan(1);
      expect(
        found.rows.every((row) => row.unit_type === "phuong" && row.name.includes("Đà Lạt")),
      ).toBe(true);
      expect(found.rows.map((row) => row.code)).toContain(LANG_BIANG);
    });

    it("puts a secretary's own commune first", async () => {
      const own = await list(secretaryOfXuanTruong, "");
      expect(own.rows[0]).toMatchObject({ code: XUAN_TRUONG, own: true });
      expect(own.rows.filter((row) => row.own)).toHaveLength(1);
    });

    it("refuses an overlong search with a 400", async () => {
      const response = await thrownBy(
        listLoader({
          request: requestAs(admin, `/communes?q=${"x".repeat(101)}`),
          params: {},
          context: {},
        }),
      );
      expect(response.status).toBe(400);
    });
  });
});
