// The authorization matrix (issue 5): every route module of app/routes, requested as every identity
// (anonymous, admin, leader, a secretary of the commune, a secretary of another commune, analyst by
// cookie and by API token), compared with the expected table tests/fixtures/authz/matrix.csv —
// status, redirect target, small-cell suppression of demographic counts, and no data in a 403.
// A route file the table does not mention fails the test, so a new route cannot skip the matrix.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/lib/auth/session.server";
import { LOCAL_COOKIE_NAME } from "~/lib/auth/session-cookie.server";
import { CLIENT_ADDRESS_HEADER } from "~/lib/auth/client-address.server";
import {
  createApiToken,
  createUserWithSession,
  requestAs,
  type TestIdentity,
} from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import {
  downloadDemographicCounts,
  isSuppressedForm,
  isVisiblyRaw,
  pageDemographicCounts,
  type FoundCount,
} from "./support/demographic-counts";
import {
  ASSISTANCE_COLUMNS,
  DOSSIER_COLUMNS,
  importFiles,
  readDownload,
  settle,
  SHIFT_COLUMNS,
  toCsvText,
  type AssistanceRow,
} from "./support/security-data";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const MATRIX_FILE = path.resolve(import.meta.dirname, "../fixtures/authz/matrix.csv");
const IDENTITIES = [
  "anonymous",
  "admin",
  "leader",
  "secretary",
  "secretary_other",
  "analyst",
  "token_analyst",
] as const;
type IdentityName = (typeof IDENTITIES)[number];

const OWN = "24846"; // Phường Lang Biang - Đà Lạt: the secretary's commune
const OTHER = "24805"; // Phường Xuân Trường - Đà Lạt: secretary_other's, Lang Biang's peer
const MONTHS = ["2025-11", "2025-12", "2026-01"];
const NOW = new Date("2026-02-10T05:00:00Z");

// Upload previews are stored under DATA_DIR/uploads; read by getEnv() on first use.
const dataDir = mkdtempSync(path.join(tmpdir(), "cns-authz-"));
process.env.DATA_DIR = dataDir;

interface MatrixRow {
  route: string;
  method: "GET" | "POST";
  path: string;
  expected: Record<IdentityName, string>;
}

function readMatrix(): MatrixRow[] {
  const records = parse(readFileSync(MATRIX_FILE, "utf8"), {
    columns: true,
    comment: "#",
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  return records.map((record) => ({
    route: record.route!,
    method: record.method as "GET" | "POST",
    path: record.path!,
    expected: Object.fromEntries(IDENTITIES.map((name) => [name, record[name]!])) as Record<
      IdentityName,
      string
    >,
  }));
}

/** Route files by their Remix id without "routes/" ("communes.$code", "healthz"). */
function routeFiles(): Map<string, string> {
  return new Map(
    readdirSync(ROUTES_DIR)
      .filter((file) => /\.(tsx?|jsx?)$/.test(file))
      .map((file) => [file.replace(/\.(tsx?|jsx?)$/, ""), file]),
  );
}

/** The URL pattern of a flat-routes file name: "imports.$batchId.rejects[.]csv" → segments. */
function routePattern(routeId: string): string[] {
  const segments = routeId
    .replaceAll("[.]", "\u0000")
    .split(".")
    .map((segment) => segment.replaceAll("\u0000", "."))
    .filter((segment) => segment !== "_index");
  return segments;
}

/** The params of `pathname` for the route, or null when the path is not this route's. */
function matchParams(routeId: string, pathname: string): Record<string, string> | null {
  const pattern = routePattern(routeId);
  const parts = pathname.split("/").filter(Boolean);
  if (parts.length !== pattern.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    if (want.startsWith("$")) params[want.slice(1)] = decodeURIComponent(parts[i]!);
    else if (want !== parts[i]) return null;
  }
  return params;
}

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};

interface Actor {
  name: IdentityName;
  identity: TestIdentity | null;
  bearer: string | null;
}

let t: TestDatabase;
let actors: Actor[];
let batchId: number;
let reason: string;
let ownNames: string[];

function assistanceRows(hoTichCode: string): AssistanceRow[] {
  const procedures = ["1.001193", hoTichCode, "3.000228"];
  const ethnicities = ["Kinh", "K'Ho", "Kinh", "Mạ", "", "Chu Ru", "Kinh"];
  const ages = ["18_34", "35_59", "60_plus", "60_plus", "under_18"];
  const rows: AssistanceRow[] = [];
  for (let i = 0; i < 46; i++) {
    const month = MONTHS[i % MONTHS.length]!;
    rows.push({
      record_id: `AZ-${i}`,
      assisted_at: `${month}-${String(1 + (i % 27)).padStart(2, "0")} ${String(7 + (i % 9)).padStart(2, "0")}:15`,
      commune: i % 4 === 3 ? OTHER : i % 7 === 6 ? "25162" : OWN,
      team: `Đội ${1 + (i % 2)}`,
      volunteer_id: `V-${i % 5}`,
      procedure: procedures[i % procedures.length]!,
      help_type: ["guidance", "form_filling", "vneid"][i % 3]!,
      channel: i % 4 === 0 ? "in_person" : "online",
      outcome: ["completed", "submitted", "not_completed"][i % 3]!,
      age_band: ages[i % ages.length]!,
      gender: i % 3 === 1 ? "male" : "female",
      ethnicity: ethnicities[i % ethnicities.length]!,
      // Three rows out of range: the batch's rejects (quality drill-down, rejects.csv).
      minutes: i % 15 === 14 ? "999" : String(5 + (i % 40)),
    });
  }
  return rows;
}

function fill(template: string): string {
  return template
    .replaceAll("{own}", OWN)
    .replaceAll("{other}", OTHER)
    .replaceAll("{batch}", String(batchId))
    .replaceAll("{reason}", reason);
}

/** The request an actor sends: its cookie or bearer token, and a per-actor client address. */
function buildRequest(actor: Actor, method: string, target: string, cookie?: string): Request {
  const headers = new Headers({
    [CLIENT_ADDRESS_HEADER]: `10.0.0.${IDENTITIES.indexOf(actor.name)}`,
  });
  if (actor.bearer) headers.set("Authorization", `Bearer ${actor.bearer}`);
  let body: FormData | URLSearchParams | undefined;
  if (method === "POST" && target.startsWith("/imports/new")) {
    body = new FormData();
    body.append("intent", "preview");
    body.append("kind", "assistance");
    const text = toCsvText(ASSISTANCE_COLUMNS, assistanceRows("1.001193").slice(0, 3));
    body.append("file", new File([text], "matrix.csv", { type: "text/csv" }));
  } else if (method === "POST" && target.startsWith("/login")) {
    body = new URLSearchParams({ username: `nobody-${actor.name}`, password: "wrong password" });
  }
  const request = requestAs(cookie ? { cookie } : actor.identity, target, {
    method,
    headers,
    body,
  });
  return request;
}

async function call(row: MatrixRow, actor: Actor): Promise<Response> {
  const target = fill(row.path);
  const url = new URL(target, "http://localhost");
  const routeId = row.route;
  const file = routeFiles().get(routeId);
  if (!file) throw new Error(`matrix row for a missing route file: ${routeId}`);
  const params = matchParams(routeId, url.pathname);
  if (!params) throw new Error(`${target} is not a path of route ${routeId}`);
  const module = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
  // Logging out revokes the session, so it gets a fresh one of the same user.
  const cookie =
    row.route === "logout" && row.method === "POST" && actor.identity
      ? `${LOCAL_COOKIE_NAME}=${(await createSession(t.db, actor.identity.viewer.user_id)).token}`
      : undefined;
  const request = buildRequest(actor, row.method, target, cookie);
  const handler = row.method === "GET" ? module.loader : module.action;
  if (!handler) throw new Error(`${routeId} has no ${row.method === "GET" ? "loader" : "action"}`);
  return settle(async () => handler({ request, params, context: {} }));
}

function describeCounts(counts: FoundCount[]): string {
  return counts
    .slice(0, 8)
    .map((c) => `${c.where}=${JSON.stringify(c.value)}`)
    .join(", ");
}

/** The demographic counts of a 200 answer: the page JSON's or the download's. */
async function demographicCounts(row: MatrixRow, response: Response, bytes: Buffer) {
  const type = response.headers.get("Content-Type") ?? "";
  const disposition = response.headers.get("Content-Disposition") ?? "";
  if (disposition.includes("attachment") || !type.startsWith("application/json")) {
    return downloadDemographicCounts(await readDownload(response, bytes));
  }
  const body = JSON.parse(bytes.toString("utf8")) as unknown;
  // The API's JSON format is a download (meta, columns, rows), not a page.
  if (row.route === "api.v1.$resource") {
    return downloadDemographicCounts((body as { rows: Array<Record<string, unknown>> }).rows);
  }
  return pageDemographicCounts(row.route, body);
}

/** Problems of one cell, empty when the answer matches it. */
async function check(row: MatrixRow, actor: Actor, response: Response): Promise<string[]> {
  const cell = row.expected[actor.name];
  const [status, rule] = fill(cell).split(/:(.*)/s) as [string, string | undefined];
  const bytes = Buffer.from(await response.arrayBuffer());
  const problems: string[] = [];
  if (String(response.status) !== status) {
    problems.push(
      `status ${response.status}, expected ${status}: ${bytes.toString("utf8", 0, 200)}`,
    );
    return problems;
  }
  if (!rule) return problems;
  if (status === "302" || status === "303") {
    const location = response.headers.get("Location") ?? "";
    if (!(location === rule || location.startsWith(`${rule}?`) || location.startsWith(`${rule}/`)))
      problems.push(`redirect to ${location}, expected ${rule}`);
  } else if (rule === "no-data") {
    const text = bytes.toString("utf8");
    for (const needle of [...ownNames, OWN]) {
      if (text.includes(needle)) problems.push(`403 body mentions ${needle}`);
    }
  } else if (rule === "suppressed" || rule === "raw") {
    const counts = await demographicCounts(row, response, bytes);
    if (counts.length === 0) problems.push("no demographic count in the answer");
    if (rule === "suppressed") {
      const bad = counts.filter((count) => !isSuppressedForm(count.value));
      if (bad.length > 0) problems.push(`unsuppressed counts: ${describeCounts(bad)}`);
    } else if (!counts.some((count) => isVisiblyRaw(count.value))) {
      problems.push(`no raw count (all 0, <8 or multiples of 5): ${describeCounts(counts)}`);
    }
  } else if (rule === "lines" || rule === "records") {
    const rows = await rejectRows(response, bytes);
    if (rows.length === 0) problems.push("no rejected row in the answer");
    const withRecord = rows.filter((r) => typeof r.raw === "string" && r.raw !== "");
    if (rule === "records") {
      if (withRecord.length !== rows.length) problems.push("rejected rows without their record");
    } else {
      if (rows.some((r) => !Number.isInteger(Number(r.line)) || !r.reason_code))
        problems.push("rejected rows without line number or reason");
      const fields = rows.flatMap((r) =>
        Object.entries(r)
          .filter(([, value]) => value !== null && value !== undefined && value !== "")
          .map(([key]) => key),
      );
      for (const leaked of ["raw", "message_vi", "message_en"])
        if (fields.includes(leaked)) problems.push(`record-level field ${leaked} for this role`);
      // The column a reason names (say "ethnicity") is not a cell of the record.
      const text = JSON.stringify(rows.map(({ column: _column, ...rest }) => rest));
      for (const field of DEMOGRAPHIC_FIELDS)
        if (text.includes(field)) problems.push(`demographic field ${field} in the answer`);
    }
  } else {
    problems.push(`unknown rule ${rule}`);
  }
  return problems;
}

/** Demographic columns of the assistance file: none may reach a leader through a rejected row. */
const DEMOGRAPHIC_FIELDS = ["ethnicity", "age_band", "gender"];

/** The rejected rows of a drill-down page's JSON or of a rejects download. */
async function rejectRows(response: Response, bytes: Buffer): Promise<Record<string, unknown>[]> {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  if (!disposition.includes("attachment") && !bytes.toString("utf8", 0, 200).includes('"meta"')) {
    const body = JSON.parse(bytes.toString("utf8")) as {
      rows: { rows: Record<string, unknown>[] };
    };
    return body.rows.rows;
  }
  return (await readDownload(response, bytes)) as Record<string, unknown>[];
}

describe(`authorization matrix (${engineName})`, () => {
  const matrix = readMatrix();

  beforeAll(async () => {
    t = await createTestDatabase();
    const hoTich = await t.db
      .selectFrom("ref.procedure")
      .select("code")
      .where("procedure_group", "=", "ho_tich")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const shifts = MONTHS.flatMap((month, m) =>
      [OWN, OTHER].map((commune, c) => ({
        shift_id: `SZ-${m}-${c}`,
        volunteer_id: `V-${c}`,
        team: `Đội ${1 + c}`,
        commune,
        date: `${month}-0${3 + c}`,
        start: "08:00",
        end: "11:30",
      })),
    );
    const dossiers = MONTHS.flatMap((month, m) =>
      [OWN, OTHER].map((commune, c) => ({
        commune,
        month,
        procedure: "",
        received_total: String(30 + m * 3 + c),
        received_online: String(9 + m + c * 2),
      })),
    );
    [batchId] = (await importFiles(
      t,
      [
        {
          kind: "assistance",
          name: "assistance.csv",
          text: toCsvText(ASSISTANCE_COLUMNS, assistanceRows(hoTich.code)),
        },
        { kind: "shifts", name: "shifts.csv", text: toCsvText(SHIFT_COLUMNS, shifts) },
        { kind: "dossiers", name: "dossiers.csv", text: toCsvText(DOSSIER_COLUMNS, dossiers) },
      ],
      NOW,
    )) as [number, ...number[]];
    const rejected = await t.db
      .selectFrom("core.rejected_row")
      .select("reason_code")
      .where("batch_id", "=", batchId)
      .executeTakeFirstOrThrow();
    reason = rejected.reason_code;
    const own = await t.db
      .selectFrom("ref.commune")
      .select(["name", "full_name", "full_name_en"])
      .where("code", "=", OWN)
      .executeTakeFirstOrThrow();
    ownNames = [own.name, own.full_name, own.full_name_en];

    const analyst = await createUserWithSession(t.db, "analyst");
    const tokenAnalyst = await createUserWithSession(t.db, "analyst");
    actors = [
      { name: "anonymous", identity: null, bearer: null },
      { name: "admin", identity: await createUserWithSession(t.db, "admin"), bearer: null },
      { name: "leader", identity: await createUserWithSession(t.db, "leader"), bearer: null },
      {
        name: "secretary",
        identity: await createUserWithSession(t.db, "secretary", { communes: [OWN] }),
        bearer: null,
      },
      {
        name: "secretary_other",
        identity: await createUserWithSession(t.db, "secretary", { communes: [OTHER] }),
        bearer: null,
      },
      { name: "analyst", identity: analyst, bearer: null },
      {
        name: "token_analyst",
        identity: null,
        bearer: await createApiToken(t.db, tokenAnalyst.viewer.username),
      },
    ];
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("mentions every route file of app/routes, and only existing ones", () => {
    const files = [...routeFiles().keys()].sort();
    const mentioned = new Set(matrix.map((row) => row.route));
    expect(files.filter((id) => !mentioned.has(id))).toEqual([]);
    expect([...mentioned].filter((id) => !files.includes(id))).toEqual([]);
  });

  it("requests every action a route module exports, with a POST", async () => {
    const posted = new Set(matrix.filter((row) => row.method === "POST").map((row) => row.route));
    const withAction: string[] = [];
    for (const [id, file] of routeFiles()) {
      const module = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
      if (module.action) withAction.push(id);
      expect(module.loader, `${id} exports a loader`).toBeTypeOf("function");
    }
    expect(withAction.filter((id) => !posted.has(id))).toEqual([]);
  });

  it("answers every row as the table says, for every identity", async () => {
    const failures: string[] = [];
    for (const row of matrix) {
      for (const actor of actors) {
        const response = await call(row, actor);
        for (const problem of await check(row, actor, response)) {
          failures.push(`${row.method} ${fill(row.path)} as ${actor.name}: ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
