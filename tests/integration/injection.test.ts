// Injection (issue 5): (a) SQL-injection attempts in every filter and path parameter of every page,
// download and API route answer 400/404 (free-text parameters: 200 with the text treated as text),
// never a 500, with no SQL or stack trace in the body, and core.assistance keeps its rows;
// (b) spreadsheet formula injection: text fields starting with = + - @ tab or CR, imported through
// the real ETL, come out of every CSV neutralized (leading apostrophe) and of every XLSX as plain
// string cells, never formulas.
import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_DATA_SHEET } from "~/lib/export/write-xlsx.server";
import { loader as overviewLoader } from "~/routes/_index";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as apiLoader } from "~/routes/api.v1.$resource";
import { loader as communeDownloadLoader } from "~/routes/communes.$code.download";
import { loader as communeLoader } from "~/routes/communes.$code";
import { loader as communeListLoader } from "~/routes/communes._index";
import { loader as compareDownloadLoader } from "~/routes/compare.download";
import { loader as compareLoader } from "~/routes/compare";
import { loader as rejectsCsvLoader } from "~/routes/imports.$batchId.rejects[.]csv";
import { loader as batchLoader } from "~/routes/imports.$batchId";
import { loader as loginLoader } from "~/routes/login";
import { loader as overviewDownloadLoader } from "~/routes/overview.download";
import { loader as qualityDownloadLoader } from "~/routes/quality.download";
import { loader as qualityLoader } from "~/routes/quality._index";
import { loader as qualityRejectsLoader } from "~/routes/quality.rejects";
import { loader as reportDownloadLoader } from "~/routes/report.download";
import { loader as reportLoader } from "~/routes/report";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { readCsv, readXlsx } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import {
  ASSISTANCE_COLUMNS,
  importFiles,
  settle,
  SHIFT_COLUMNS,
  toCsvText,
  type AssistanceRow,
} from "./support/security-data";

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

const OWN = "24846";
const NOW = new Date("2026-02-10T05:00:00Z");

const SQL_PAYLOADS = [
  "' OR 1=1--",
  "1); drop table core.assistance;--",
  "2025-07' union select",
  "%27",
  "x".repeat(5_000),
  "Đà Lạt ' 🙂 ∑",
  "2025-07\u0000' or '1'='1",
];

/** SQL, driver errors and stack traces that must never reach a client. */
const LEAKS = [
  /\bselect\b/i,
  /syntax error/i,
  /\brelation\b/i,
  /\bpg_/i,
  /\bunion\b/i,
  /\bdrop table\b/i,
  /at .+\.(?:ts|js|mjs):\d+/,
  /\berror:.*\n\s+at /i,
];

interface Target {
  name: string;
  handler: Handler;
  /** Path with {value} where a path parameter is attacked. */
  path: string;
  params: Record<string, string>;
  /** The query parameters of the route (each attacked in turn), with a valid base query. */
  query: readonly string[];
  base?: Record<string, string>;
  /** Parameters whose value is free text: a 200 that treats it as text is right. */
  freeText?: readonly string[];
}

const FILTERS = ["period", "from", "to", "unit_type", "procedure_group", "commune", "metric"];
let batchId: number;
let reason: string;

function targets(): Target[] {
  return [
    { name: "overview", handler: overviewLoader, path: "/", params: {}, query: FILTERS },
    {
      name: "commune list",
      handler: communeListLoader,
      path: "/communes",
      params: {},
      query: [...FILTERS, "q"],
      freeText: ["q"],
    },
    {
      name: "commune page",
      handler: communeLoader,
      path: `/communes/${OWN}`,
      params: { code: OWN },
      query: FILTERS,
    },
    {
      name: "commune download",
      handler: communeDownloadLoader,
      path: `/communes/${OWN}/download`,
      params: { code: OWN },
      query: [...FILTERS, "table", "format"],
      base: { table: "teams", format: "csv" },
    },
    { name: "compare", handler: compareLoader, path: "/compare", params: {}, query: FILTERS },
    {
      name: "compare download",
      handler: compareDownloadLoader,
      path: "/compare/download",
      params: {},
      query: [...FILTERS, "dataset", "format"],
      base: { dataset: "table", format: "csv", commune: OWN },
    },
    {
      name: "report",
      handler: reportLoader,
      path: "/report",
      params: {},
      query: ["month", "commune"],
    },
    {
      name: "report download",
      handler: reportDownloadLoader,
      path: "/report/download",
      params: {},
      query: ["month", "commune", "table", "format"],
      base: { table: "kpis", format: "csv" },
    },
    {
      name: "overview download",
      handler: overviewDownloadLoader,
      path: "/overview/download",
      params: {},
      query: [...FILTERS, "table", "format"],
      base: { table: "trend", format: "csv" },
    },
    {
      name: "quality",
      handler: qualityLoader,
      path: "/quality",
      params: {},
      query: [...FILTERS, "kind", "reason", "page"],
    },
    {
      name: "quality rejects",
      handler: qualityRejectsLoader,
      path: "/quality/rejects",
      params: {},
      query: [...FILTERS, "kind", "reason", "page"],
      base: { reason },
    },
    {
      name: "quality download",
      handler: qualityDownloadLoader,
      path: "/quality/download",
      params: {},
      query: [...FILTERS, "kind", "reason", "dataset", "format"],
      base: { dataset: "rejects", reason, format: "csv" },
    },
    {
      name: "batch page",
      handler: batchLoader,
      path: `/imports/${batchId}`,
      params: { batchId: String(batchId) },
      query: ["page"],
    },
    {
      name: "admin audit",
      handler: auditLoader,
      path: "/admin/audit",
      params: {},
      query: ["page", "action"],
    },
    {
      name: "api commune-month",
      handler: apiLoader,
      path: "/api/v1/commune-month.csv",
      params: { resource: "commune-month.csv" },
      query: FILTERS,
    },
    {
      name: "api assistance",
      handler: apiLoader,
      path: "/api/v1/assistance.json",
      params: { resource: "assistance.json" },
      query: FILTERS,
    },
  ];
}

/** Path parameters under attack: the value goes into the URL and into params. */
function pathTargets(payload: string): Array<Omit<Target, "query">> {
  const encoded = encodeURIComponent(payload);
  return [
    {
      name: "commune page code",
      handler: communeLoader,
      path: `/communes/${encoded}`,
      params: { code: payload },
    },
    {
      name: "commune download code",
      handler: communeDownloadLoader,
      path: `/communes/${encoded}/download?table=reach&format=csv`,
      params: { code: payload },
    },
    {
      name: "batch id",
      handler: batchLoader,
      path: `/imports/${encoded}`,
      params: { batchId: payload },
    },
    {
      name: "rejects.csv batch id",
      handler: rejectsCsvLoader,
      path: `/imports/${encoded}/rejects.csv`,
      params: { batchId: payload },
    },
    {
      name: "api resource",
      handler: apiLoader,
      path: `/api/v1/${encoded}`,
      params: { resource: payload },
    },
    {
      name: "api format",
      handler: apiLoader,
      path: `/api/v1/commune-month.${encoded}`,
      params: { resource: `commune-month.${payload}` },
    },
  ];
}

let t: TestDatabase;
let admin: TestIdentity;
let assistanceRows: number;

/** Fields of a JSON error that name the caller's bad value back (FilterIssue, the API's 404). */
const ECHO_FIELDS = new Set(["value", "params", "resource", "q", "next"]);

/** The body with the attacker's own text removed (400 answers name the bad value back). */
function withoutEcho(text: string, payload: string): string {
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text), (key, value: unknown) =>
      ECHO_FIELDS.has(key) ? undefined : value,
    );
  } catch {
    // Not JSON (a CSV or a stream): only the literal echoes below are removed.
  }
  const forms = new Set([
    payload,
    JSON.stringify(payload).slice(1, -1),
    encodeURIComponent(payload),
    payload.slice(0, 20),
    JSON.stringify(payload.slice(0, 20)).slice(1, -1),
    payload.trim(),
    JSON.stringify(payload.trim()).slice(1, -1),
  ]);
  let rest = body;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (form) rest = rest.split(form).join("");
  }
  return rest;
}

async function attack(
  label: string,
  handler: Handler,
  path: string,
  params: Record<string, string>,
  payload: string,
  allowed: readonly number[],
): Promise<string[]> {
  let response: Response;
  try {
    response = await settle(() =>
      handler({ request: requestAs(admin, path), params, context: {} }),
    );
  } catch (error) {
    // Remix would answer an error thrown from a loader with a 500.
    return [`${label}: threw (a 500): ${String(error).slice(0, 160)}`];
  }
  const body = Buffer.from(await response.arrayBuffer()).toString("utf8");
  const problems: string[] = [];
  if (!allowed.includes(response.status)) {
    problems.push(`${label}: status ${response.status} (${body.slice(0, 160)})`);
  }
  const rest = withoutEcho(body, payload);
  for (const leak of LEAKS) {
    if (leak.test(rest)) problems.push(`${label}: body matches ${leak}: ${rest.slice(0, 200)}`);
  }
  return problems;
}

// Hostile text fields. Each carries "INJ" so its cells can be found in every download.
const HOSTILE = {
  record: '=HYPERLINK("http://evil.example","INJ-r")',
  team: "+INJ-team+1",
  volunteer: "@INJ-vol",
  minusTeam: "-INJ-minus-1",
  tabTeam: "\tINJ-tab",
  crTeam: "\rINJ-cr",
};
const FORMULA_START = /^[=+\-@\t\r]/;

function hostileAssistance(): AssistanceRow[] {
  const base: AssistanceRow = {
    record_id: "",
    assisted_at: "2026-01-12 09:30",
    commune: OWN,
    team: "Đội 1",
    volunteer_id: "V-1",
    procedure: "1.001193",
    help_type: "guidance",
    channel: "online",
    outcome: "completed",
    age_band: "35_59",
    gender: "female",
    ethnicity: "Kinh",
    minutes: "15",
  };
  return [
    { ...base, record_id: HOSTILE.record, team: HOSTILE.team, volunteer_id: HOSTILE.volunteer },
    { ...base, record_id: "INJ-2", team: HOSTILE.minusTeam, volunteer_id: "-INJ-vol2" },
    { ...base, record_id: "@INJ-3", team: HOSTILE.tabTeam, volunteer_id: "+INJ-vol3" },
    { ...base, record_id: "INJ-4", team: HOSTILE.crTeam, volunteer_id: "=INJ-vol4" },
    { ...base, record_id: "INJ-5", assisted_at: "2026-01-13 10:00" },
    // Rejected rows: their raw text reaches the rejects downloads.
    { ...base, record_id: "=INJ-rej1", team: "=INJ-rej-team", minutes: "999" },
    { ...base, record_id: "INJ-rej2", commune: "=INJ-commune", procedure: "@INJ-proc" },
  ];
}

/** CSV cells with "INJ" in them, and those that could run as a formula. */
function csvFindings(bytes: Buffer): { cells: string[]; bad: string[] } {
  const csv = readCsv(bytes);
  const cells = [...csv.header, ...csv.rows.flat()].filter((cell) => cell.includes("INJ"));
  return { cells, bad: cells.filter((cell) => FORMULA_START.test(cell)) };
}

async function xlsxFindings(bytes: Buffer): Promise<{ cells: string[]; bad: string[] }> {
  const sheet = (await readXlsx(bytes)).getWorksheet(XLSX_DATA_SHEET)!;
  const cells: string[] = [];
  const bad: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const text = cell.text;
      if (!text.includes("INJ")) return;
      cells.push(text);
      if (cell.type !== ExcelJS.ValueType.String || cell.formula) {
        bad.push(`${cell.address}: type ${cell.type} ${JSON.stringify(cell.value)}`);
      }
    }),
  );
  return { cells, bad };
}

describe(`injection (${engineName})`, () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    const shifts = [
      {
        shift_id: "=INJ-shift",
        volunteer_id: "@INJ-vol",
        team: "=INJ-shift-team",
        commune: OWN,
        date: "2026-01-12",
        start: "08:00",
        end: "11:00",
      },
    ];
    [batchId] = (await importFiles(
      t,
      [
        {
          kind: "assistance",
          name: "hostile.csv",
          text: toCsvText(ASSISTANCE_COLUMNS, hostileAssistance()),
        },
        { kind: "shifts", name: "shifts.csv", text: toCsvText(SHIFT_COLUMNS, shifts) },
      ],
      NOW,
    )) as [number, ...number[]];
    const rejected = await t.db
      .selectFrom("core.rejected_row")
      .select("reason_code")
      .where("batch_id", "=", batchId)
      .orderBy("line")
      .executeTakeFirstOrThrow();
    reason = rejected.reason_code;
    assistanceRows = Number(
      (
        await t.db
          .selectFrom("core.assistance")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    admin = await createUserWithSession(t.db, "admin");
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("has loaded the hostile rows", () => {
    expect(assistanceRows).toBeGreaterThanOrEqual(4);
  });

  it("answers SQL-injection attempts in every query parameter with 400/404, no SQL text", async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const target of targets()) {
      for (const param of target.query) {
        for (const payload of SQL_PAYLOADS) {
          const search = new URLSearchParams(target.base ?? {});
          search.set(param, payload);
          const allowed = target.freeText?.includes(param) ? [200, 400] : [400, 404];
          requests += 1;
          problems.push(
            ...(await attack(
              `${target.name} ${param}=${JSON.stringify(payload.slice(0, 30))}`,
              target.handler,
              `${target.path}?${search.toString()}`,
              target.params,
              payload,
              allowed,
            )),
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(500);
  }, 240_000);

  it("answers SQL-injection attempts in path parameters with 400/404, no SQL text", async () => {
    const problems: string[] = [];
    for (const payload of SQL_PAYLOADS) {
      for (const target of pathTargets(payload)) {
        problems.push(
          ...(await attack(
            `${target.name}=${JSON.stringify(payload.slice(0, 30))}`,
            target.handler,
            target.path,
            target.params,
            payload,
            [400, 404],
          )),
        );
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("treats a hostile ?next= on the login page as text (a local path or /)", async () => {
    for (const payload of SQL_PAYLOADS) {
      const response = await settle(() =>
        loginLoader({
          request: requestAs(null, `/login?next=${encodeURIComponent(payload)}`),
          params: {},
          context: {},
        }),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { next: string };
      expect(body.next.startsWith("/")).toBe(true);
      expect(body.next.startsWith("//")).toBe(false);
    }
  });

  it("keeps core.assistance and its rows", async () => {
    const after = await t.db
      .selectFrom("core.assistance")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(assistanceRows);
  });

  it("neutralizes formula-looking text in every CSV and XLSX that carries it", async () => {
    const downloads: Array<[string, Handler, string, Record<string, string>]> = [
      ["api assistance", apiLoader, "/api/v1/assistance.csv", { resource: "assistance.csv" }],
      ["api assistance", apiLoader, "/api/v1/assistance.xlsx", { resource: "assistance.xlsx" }],
      [
        "commune teams",
        communeDownloadLoader,
        `/communes/${OWN}/download?table=teams&format=csv&from=2026-01&to=2026-01`,
        { code: OWN },
      ],
      [
        "commune teams",
        communeDownloadLoader,
        `/communes/${OWN}/download?table=teams&format=xlsx&from=2026-01&to=2026-01`,
        { code: OWN },
      ],
      [
        "batch rejects",
        rejectsCsvLoader,
        `/imports/${batchId}/rejects.csv`,
        { batchId: String(batchId) },
      ],
    ];
    const reasons = await t.db
      .selectFrom("core.rejected_row")
      .select("reason_code")
      .distinct()
      .execute();
    for (const { reason_code } of reasons) {
      for (const format of ["csv", "xlsx"]) {
        downloads.push([
          `quality rejects ${reason_code}`,
          qualityDownloadLoader,
          `/quality/download?dataset=rejects&reason=${reason_code}&format=${format}&kind=all`,
          {},
        ]);
      }
    }
    const problems: string[] = [];
    for (const [label, handler, path, params] of downloads) {
      const response = await settle(() =>
        handler({ request: requestAs(admin, path), params, context: {} }),
      );
      expect(response.status, `${label} ${path}`).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const xlsx = path.includes("xlsx");
      const found = xlsx ? await xlsxFindings(bytes) : csvFindings(bytes);
      if (found.cells.length === 0) problems.push(`${label} ${path}: no hostile cell to check`);
      for (const cell of found.bad) problems.push(`${label} ${path}: ${JSON.stringify(cell)}`);
      if (!xlsx) {
        // The cells that started with a formula character now start with the apostrophe.
        const apostrophed = found.cells.filter((cell) => /^'[=+\-@\t\r]/.test(cell));
        if (!label.includes("rejects") && apostrophed.length === 0) {
          problems.push(`${label} ${path}: no neutralized cell among ${found.cells.join(" | ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
