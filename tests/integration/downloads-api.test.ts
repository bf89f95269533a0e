// The public API (/api/v1/commune-month.{csv,xlsx,arrow,parquet,json}) and the overview's
// downloads, against data loaded through the real ETL. Every file is read back with an
// independent reader (csv-parse, apache-arrow, DuckDB, exceljs) and compared with the mart;
// bad parameters are 400 JSON without SQL; leaders get small-cell suppressed demographics.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommuneMonthTable } from "~/lib/db/types";
import { sql } from "kysely";
import { importFile } from "~/lib/etl/import-file.server";
import { XLSX_ABOUT_SHEET, XLSX_DATA_SHEET } from "~/lib/export/write-xlsx.server";
import {
  COMMUNE_MONTH_COLUMNS,
  streamCommuneMonthRows,
} from "~/lib/api/commune-month-extract.server";
import type { BadFilterResponseBody } from "~/lib/url-params/filter-issues";
import type { OverviewPageData } from "~/pages/overview/view.server";
import { loader as apiLoader } from "~/routes/api.v1.$resource";
import { loader as overviewLoader } from "~/routes/_index";
import { loader as overviewDownloadLoader } from "~/routes/overview.download";
import {
  createApiToken,
  createUserWithSession,
  requestAs,
  type TestIdentity,
} from "../support/auth";
import {
  arrowRows,
  readArrow,
  readCsv,
  readParquet,
  readXlsx,
  responseBytes,
  sheetRows,
} from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { makeRecords, toCsv } from "./support/assistance-file";

const NOW = new Date("2026-01-15T05:00:00Z");
const MONTHS = ["2025-09", "2025-10", "2025-11"];
const FILE_COMMUNES = ["24846", "25162", "24781"];
const NAMES = COMMUNE_MONTH_COLUMNS.map((column) => column.name);
const DEMOGRAPHIC = ["cases_minority", "cases_elderly", "cases_female", "cases_ethnicity_unknown"];

function writeFiles(
  dir: string,
): Array<{ path: string; kind: "assistance" | "shifts" | "dossiers" }> {
  const assistance = path.join(dir, "assistance.csv");
  writeFileSync(assistance, toCsv(makeRecords("A", 600, 7, MONTHS)));
  const shifts = path.join(dir, "shifts.csv");
  const shiftLines = ["shift_id,volunteer_id,team,commune,date,start,end"];
  for (let i = 0; i < 45; i++) {
    const month = MONTHS[i % MONTHS.length]!;
    shiftLines.push(
      `S-${i},V-${i % 9},Đội ${i % 2},${FILE_COMMUNES[i % 3]},${month}-${String(1 + (i % 27)).padStart(2, "0")},08:00,${10 + (i % 5)}:30`,
    );
  }
  writeFileSync(shifts, shiftLines.join("\n") + "\n");
  const dossiers = path.join(dir, "dossiers.csv");
  const dossierLines = ["commune,month,procedure,received_total,received_online"];
  FILE_COMMUNES.forEach((commune, c) =>
    MONTHS.forEach((month, m) =>
      dossierLines.push(`${commune},${month},,${40 + c * 7 + m},${11 + c + m * 3}`),
    ),
  );
  writeFileSync(dossiers, dossierLines.join("\n") + "\n");
  return [
    { path: assistance, kind: "assistance" },
    { path: shifts, kind: "shifts" },
    { path: dossiers, kind: "dossiers" },
  ];
}

async function settle(promise: Promise<Response>): Promise<Response> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

function api(identity: TestIdentity | null, segment: string, query = "", init?: RequestInit) {
  const request = requestAs(identity, `/api/v1/${segment}${query ? `?${query}` : ""}`, init);
  return settle(apiLoader({ request, params: { resource: segment }, context: {} }));
}

/** A mart row as the files carry it: numbers, or null for an empty ratio. */
type MartRow = Record<string, string | number | null>;

describe(`downloads API (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let analyst: TestIdentity;
  let leader: TestIdentity;
  let mart: MartRow[];
  let lastBatchId: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "cns-downloads-"));
    for (const file of writeFiles(dir)) {
      const summary = await importFile(t.engine, {
        path: file.path,
        kind: file.kind,
        provinceCode: "68",
        loadedBy: "test",
        now: NOW,
      });
      expect(summary.status).toBe("loaded");
      lastBatchId = summary.batch_id!;
    }
    mart = (await t.db
      .selectFrom("mart.commune_month")
      .selectAll()
      .orderBy("month")
      .orderBy("commune_code")
      .execute()) as unknown as MartRow[];
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("has loaded a full commune × month grid with activity in the file's communes", () => {
    expect(mart.length).toBe(124 * MONTHS.length);
    const busy = mart.filter((row) => FILE_COMMUNES.includes(String(row.commune_code)));
    expect(busy.reduce((sum, row) => sum + Number(row.cases), 0)).toBeGreaterThan(0);
  });

  it("CSV: BOM, documented header, every mart row in month × commune order, stamp headers", async () => {
    const response = await api(analyst, "commune-month.csv");
    expect(response.status).toBe(200);
    const csv = readCsv(await responseBytes(response));
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(NAMES);
    expect(csv.rows.length).toBe(mart.length);
    csv.rows.forEach((row, index) => {
      const expected = mart[index]!;
      NAMES.forEach((name, column) => {
        const value = expected[name];
        if (typeof value === "number") expect(Number(row[column])).toBe(value);
        else expect(row[column]).toBe(value ?? "");
      });
    });
    expect(response.headers.get("X-CNS-Last-Batch")).toBe(String(lastBatchId));
    expect(JSON.parse(decodeURIComponent(response.headers.get("X-CNS-Filters")!))).toEqual({
      from: MONTHS[0],
      to: MONTHS.at(-1),
    });
    expect(response.headers.get("Content-Disposition")).toContain(
      `filename="cau-noi-so_commune-month_${MONTHS[0]}_${MONTHS.at(-1)}.csv"`,
    );
  });

  it("Arrow: the same rows, typed, with the stamp in the schema metadata", async () => {
    const response = await api(analyst, "commune-month.arrow");
    const table = readArrow(await responseBytes(response));
    expect(table.schema.fields.map((field) => field.name)).toEqual(NAMES);
    expect(String(table.schema.fields.find((f) => f.name === "cases")!.type)).toBe("Int32");
    expect(table.schema.metadata.get("cns.dataset")).toBe("commune-month");
    expect(table.schema.metadata.get("cns.last_batch_id")).toBe(String(lastBatchId));
    expect(table.schema.metadata.get("cns.as_of")).toBe(response.headers.get("X-CNS-As-Of"));
    expect(arrowRows(table)).toEqual(mart);
  });

  it("Parquet: DuckDB reads the same rows and the stamp as key-value metadata", async () => {
    const response = await api(analyst, "commune-month.parquet");
    const parquet = await readParquet(await responseBytes(response));
    expect(parquet.rows).toEqual(mart);
    expect(parquet.types.cases).toBe("INTEGER");
    expect(parquet.types.online_uptake).toBe("DOUBLE");
    expect(parquet.metadata["cns.last_batch_id"]).toBe(String(lastBatchId));
    expect(JSON.parse(parquet.metadata["cns.filters"]!)).toEqual({
      from: MONTHS[0],
      to: MONTHS.at(-1),
    });
  });

  it("XLSX: the same rows on the data sheet, the stamp on the About sheet", async () => {
    const response = await api(analyst, "commune-month.xlsx");
    const workbook = await readXlsx(await responseBytes(response));
    const rows = sheetRows(workbook.getWorksheet(XLSX_DATA_SHEET)!);
    expect(rows[0]).toEqual(NAMES);
    expect(rows.length - 1).toBe(mart.length);
    rows.slice(1).forEach((row, index) => {
      expect(row).toEqual(NAMES.map((name) => mart[index]![name]));
    });
    const about = new Map(
      sheetRows(workbook.getWorksheet(XLSX_ABOUT_SHEET)!).map((row) => [row[0], row[1]]),
    );
    expect(about.get("Lô nhập cuối / Last batch id")).toBe(lastBatchId);
    expect(about.get("Số dòng / Rows")).toBe(mart.length);
  });

  it("JSON: meta, columns and rows", async () => {
    const response = await api(analyst, "commune-month.json");
    const body = JSON.parse((await responseBytes(response)).toString("utf8"));
    expect(body.meta.last_batch_id).toBe(lastBatchId);
    expect(body.rows).toEqual(mart);
  });

  it("applies the communes, unit type and months of the URL, and accepts an API token", async () => {
    const token = await createApiToken(t.db, analyst.viewer.username);
    const response = await api(
      null,
      "commune-month.csv",
      "from=2025-10&to=2025-11&commune=25162&commune=24846&unit_type=phuong&foo=1",
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const expected = mart.filter(
      (row) =>
        ["24846", "25162"].includes(String(row.commune_code)) &&
        row.unit_type === "phuong" &&
        String(row.month) >= "2025-10",
    );
    expect(expected.length).toBeGreaterThan(0);
    const csv = readCsv(await responseBytes(response));
    expect(csv.rows.map((row) => [row[0], row[3], Number(row[4])])).toEqual(
      expected.map((row) => [row.commune_code, row.month, row.cases]),
    );
    expect(JSON.parse(decodeURIComponent(response.headers.get("X-CNS-Filters")!))).toEqual({
      from: "2025-10",
      to: "2025-11",
      commune: ["25162", "24846"],
      unit_type: "phuong",
    });
  });

  it("reads page by page, in order, holding nothing open when the reader stops early", async () => {
    const query = {
      provinceCode: "68",
      from: "2025-09",
      to: "2025-11",
      communes: [],
      unitType: null,
    };
    const all: string[] = [];
    for await (const row of streamCommuneMonthRows(t.db, query, 10)) {
      all.push(`${row.month}/${row.commune_code}`);
    }
    const expected = mart
      .filter((row) => String(row.month) >= "2025-09" && String(row.month) <= "2025-11")
      .map((row) => `${row.month}/${row.commune_code}`);
    expect(all).toEqual(expected);
    let seen = 0;
    for await (const row of streamCommuneMonthRows(t.db, query, 10)) {
      expect(row.month).toBe("2025-09");
      if (++seen === 15) break;
    }
    const cursors = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_cursors where name like 'kysely_stream_%'`.execute(t.db);
    expect(cursors.rows[0]!.n).toBe(0);
    const stuck = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`.execute(t.db);
    expect(stuck.rows[0]!.n).toBe(0);
  });

  it("refuses anonymous requests with 401", async () => {
    expect((await api(null, "commune-month.csv")).status).toBe(401);
  });

  it.each([
    ["from=2025-13", "from", "filter.error.month"],
    ["from=2025-11&to=2025-09", "from", "filter.error.from_after_to"],
    ["unit_type=huyen", "unit_type", "filter.error.unit_type"],
    ["commune=99999", "commune", "filter.error.commune_unknown"],
    ["commune=12", "commune", "filter.error.commune"],
    ["commune=24846,25162,24781,24823,22918,23272,22969", "commune", "filter.error.commune_count"],
    ["from=2030-01", "from", "filter.error.outside_coverage"],
    ["procedure_group=ho_tich", "procedure_group", "downloads.error.procedure_group"],
  ])("?%s → 400 JSON naming %s", async (query, param, messageKey) => {
    const response = await api(analyst, "commune-month.csv", query);
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(/select|mart\.|ref\./i);
    const body = JSON.parse(text) as BadFilterResponseBody;
    expect(body.kind).toBe("bad_filter");
    expect(body.issues).toContainEqual(expect.objectContaining({ param, message_key: messageKey }));
  });

  it("answers an unknown format with 400 and an unknown resource with 404, both JSON", async () => {
    const badFormat = await api(analyst, "commune-month.xml");
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as BadFilterResponseBody).issues[0]).toMatchObject({
      param: "format",
      message_key: "downloads.error.format",
      value: "xml",
    });
    const noExtension = await api(analyst, "commune-month");
    expect(noExtension.status).toBe(400);
    const unknown = await api(analyst, "volunteers.csv");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ kind: "not_found", resource: "volunteers" });
  });

  it("suppresses demographic counts for a leader; other counts and rates stay exact", async () => {
    const csv = readCsv(await responseBytes(await api(leader, "commune-month.csv")));
    const values = csv.rows.flatMap((row) => DEMOGRAPHIC.map((name) => row[NAMES.indexOf(name)]!));
    expect(values).toContain("<8");
    for (const value of values) {
      if (value === "<8" || value === "0") continue;
      expect(Number(value) % 5).toBe(0);
      expect(Number(value)).toBeGreaterThanOrEqual(10);
    }
    csv.rows.forEach((row, index) => {
      expect(Number(row[NAMES.indexOf("cases")])).toBe(mart[index]!.cases);
      const uptake = mart[index]!.online_uptake;
      expect(row[NAMES.indexOf("online_uptake")]).toBe(uptake === null ? "" : String(uptake));
    });
    const arrow = readArrow(await responseBytes(await api(leader, "commune-month.arrow")));
    expect(String(arrow.schema.fields.find((f) => f.name === "cases_minority")!.type)).toBe("Utf8");
    const parquet = await readParquet(
      await responseBytes(await api(leader, "commune-month.parquet")),
    );
    expect(parquet.types.cases_elderly).toBe("VARCHAR");
    expect(parquet.rows.some((row) => DEMOGRAPHIC.some((name) => row[name] === "<8"))).toBe(true);
  });

  describe("overview downloads", () => {
    async function page(query: string): Promise<OverviewPageData> {
      const response = await overviewLoader({
        request: requestAs(analyst, `/${query}`),
        params: {},
        context: {},
      });
      return (await response.json()) as OverviewPageData;
    }
    function download(identity: TestIdentity, query: string) {
      return settle(
        overviewDownloadLoader({
          request: requestAs(identity, `/overview/download?${query}`),
          params: {},
          context: {},
        }),
      );
    }

    it("the trend file holds the numbers the overview shows", async () => {
      const shown = await page("?period=3m");
      const response = await download(analyst, "period=3m&table=trend&format=parquet");
      expect(response.status).toBe(200);
      const parquet = await readParquet(await responseBytes(response));
      expect(parquet.rows.map((row) => [row.month, row.cases, row.dossiers_online])).toEqual(
        shown.trend.map((month) => [month.month, month.cases, month.dossiers_online]),
      );
      expect(parquet.rows.map((row) => row.volunteer_hours)).toEqual(
        shown.trend.map((month) => month.volunteer_hours),
      );
    });

    it("the communes file holds the ranking the overview shows", async () => {
      const shown = await page("?period=3m&metric=assisted_online_share&unit_type=phuong");
      const response = await download(
        analyst,
        "period=3m&metric=assisted_online_share&unit_type=phuong&table=communes&format=csv",
      );
      const csv = readCsv(await responseBytes(response));
      expect(csv.header.slice(0, 3)).toEqual(["rank", "commune_code", "commune_full_name"]);
      expect(
        csv.rows.map((row) => [row[0] === "" ? null : Number(row[0]), row[1], row[2]]),
      ).toEqual(shown.ranking.map((row) => [row.rank, row.code, row.name]));
      const share = csv.header.indexOf("assisted_online_share");
      expect(csv.rows.map((row) => (row[share] === "" ? null : Number(row[share])))).toEqual(
        shown.ranking.map((row) => row.assisted_online_share),
      );
    });

    it("suppresses the trend's demographic counts for a leader", async () => {
      const response = await download(leader, "period=3m&table=trend&format=json");
      const body = JSON.parse((await responseBytes(response)).toString("utf8"));
      for (const row of body.rows as Array<Record<string, unknown>>) {
        for (const name of ["cases_minority", "cases_elderly"]) {
          const value = row[name];
          expect(
            value === 0 || value === "<8" || (typeof value === "number" && value % 5 === 0),
          ).toBe(true);
        }
      }
    });

    it("refuses an unknown table or format with 400", async () => {
      const response = await download(analyst, "table=map&format=docx");
      expect(response.status).toBe(400);
      const body = (await response.json()) as BadFilterResponseBody;
      expect(body.issues.map((issue) => issue.param).sort()).toEqual(["format", "table"]);
    });
  });
});

// Keeps the CommuneMonthTable import honest: the extract's columns are the table's columns.
const _columns: ReadonlyArray<keyof CommuneMonthTable> = NAMES as Array<keyof CommuneMonthTable>;
void _columns;
