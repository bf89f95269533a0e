// Every filter combination of the overview, commune, compare and report pages answers 200 or a
// clear 4xx, never a 500: every period preset, every single month, a few ranges and empty ones
// outside the data, every unit type (đặc khu has one unit, so its map has a single value), every
// procedure group and map metric, on the sample loaded through the real ETL. The loaders render
// their Plot charts on the server, so a chart that cannot be drawn fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAP_METRICS,
  PERIOD_PRESETS,
  PROCEDURE_GROUPS,
  UNIT_TYPES,
} from "~/lib/filters/filter-options";
import { addMonths } from "~/lib/calendar/months";
import { loader as overviewLoader } from "~/routes/_index";
import { loader as communeLoader } from "~/routes/communes.$code";
import { loader as compareLoader } from "~/routes/compare";
import { loader as reportLoader } from "~/routes/report";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { loadSampleThroughEtl } from "./support/sample-through-etl";

const MONTHS = 5;
const FIRST = "2025-07";
const LAST = addMonths(FIRST, MONTHS - 1);

let t: TestDatabase;
let analyst: TestIdentity;
/** One commune of each unit type that has data. */
let communeOfType: Record<string, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadSampleThroughEtl(t, { months: MONTHS, scale: 0.02 });
  analyst = await createUserWithSession(t.db, "analyst");
  const rows = await t.db
    .selectFrom("mart.commune_month")
    .select(["unit_type", (eb) => eb.fn.min("commune_code").as("code")])
    .groupBy("unit_type")
    .execute();
  communeOfType = Object.fromEntries(rows.map((r) => [r.unit_type, r.code!]));
}, 600_000);
afterAll(async () => {
  await t?.close();
});

type Loader = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;

/** The status a loader answers: 200 for data, a thrown Response's own status, 500 otherwise. */
async function statusOf(loader: Loader, path: string, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: analyst.cookie } });
  try {
    const result = await loader({ request, params, context: {} });
    return result instanceof Response ? result.status : 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    return { status: 500, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Period parts of a query: presets, every single month, two ranges, empty and outside ranges. */
function periods(): string[] {
  const out = PERIOD_PRESETS.map((p) => `period=${p}`);
  for (let i = 0; i < MONTHS; i++) {
    const m = addMonths(FIRST, i);
    out.push(`from=${m}&to=${m}`);
  }
  out.push(`from=${FIRST}&to=${LAST}`, `from=${addMonths(FIRST, 2)}&to=${LAST}`);
  // Outside the data (a clear 400) and from after to (400).
  out.push(`from=${addMonths(LAST, 3)}&to=${addMonths(LAST, 5)}`, `from=${LAST}&to=${FIRST}`);
  out.push(`from=2024-01&to=2024-03`, "");
  return out;
}

const UNITS = ["", ...UNIT_TYPES.map((u) => `unit_type=${u}`)];

async function sweep(
  label: string,
  loader: Loader,
  paths: Array<{ path: string; params?: Record<string, string> }>,
) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const { path, params } of paths) {
    const status = await statusOf(loader, path, params);
    if (typeof status === "number" && status < 500) {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    } else {
      failures.push(`${path} → ${JSON.stringify(status)}`);
    }
  }
  console.info(`${label}: ${paths.length} combinations, statuses ${JSON.stringify([...statuses])}`);
  expect(failures).toEqual([]);
  // The sweep must reach real pages, not only refusals.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(paths.length / 3);
}

const join = (...parts: string[]) => parts.filter(Boolean).join("&");

describe(`filter combinations never answer 500 (${engineName})`, () => {
  it("overview: periods × unit types × map metrics, and procedure groups × unit types", async () => {
    const paths: Array<{ path: string }> = [];
    for (const period of periods())
      for (const unit of UNITS)
        for (const metric of MAP_METRICS)
          paths.push({ path: `/?${join(period, unit, `metric=${metric}`)}` });
    for (const group of PROCEDURE_GROUPS)
      for (const unit of UNITS)
        for (const period of ["period=3m", `from=${LAST}&to=${LAST}`])
          paths.push({ path: `/?${join(period, unit, `procedure_group=${group}`)}` });
    await sweep("overview", overviewLoader as Loader, paths);
    // Hundreds of distinct overviews, none from a cache: ~50 s on a busy 2-core machine.
  }, 180_000);

  it("commune page: a commune of each unit type × periods × procedure groups", async () => {
    const paths: Array<{ path: string; params: Record<string, string> }> = [];
    for (const code of Object.values(communeOfType))
      for (const period of periods())
        for (const group of [
          "",
          ...PROCEDURE_GROUPS.slice(0, 3).map((g) => `procedure_group=${g}`),
        ])
          paths.push({ path: `/communes/${code}?${join(period, group)}`, params: { code } });
    await sweep("commune", communeLoader as Loader, paths);
  });

  it("compare: one, two and all unit types' communes × periods × unit types", async () => {
    const codes = Object.values(communeOfType);
    const sets = [[codes[0]!], codes.slice(0, 2), codes, []];
    const paths: Array<{ path: string }> = [];
    for (const set of sets)
      for (const period of periods())
        for (const unit of UNITS)
          paths.push({
            path: `/compare?${join(period, unit, ...set.map((c) => `commune=${c}`))}`,
          });
    await sweep("compare", compareLoader as Loader, paths);
  });

  it("report: every month, for the province and a commune of each unit type", async () => {
    const paths: Array<{ path: string }> = [];
    const months = [...Array(MONTHS).keys()].map((i) => addMonths(FIRST, i));
    for (const month of [...months, addMonths(LAST, 2), "2024-01", ""])
      for (const commune of ["", ...Object.values(communeOfType)])
        paths.push({
          path: `/report?${join(month && `month=${month}`, commune && `commune=${commune}`)}`,
        });
    await sweep("report", reportLoader as Loader, paths);
  });
});
