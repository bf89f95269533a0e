// Where the demographic counts (by ethnicity, age band, gender) sit in what the routes answer, so
// the security tests can check every one of them: named paths in each page loader's JSON (from the
// page-data types in app/lib/metrics/*.ts), any field named like a demographic count anywhere in
// that JSON (a leak the named paths did not foresee), and the columns of a download.
import { SUPPRESSED_LABEL } from "~/lib/privacy/suppress";
import type { TableRow } from "./security-data";

/** Columns / fields that hold a demographic count wherever they appear. */
export const DEMOGRAPHIC_FIELDS = new Set([
  "cases_minority",
  "cases_elderly",
  "cases_female",
  "cases_ethnicity_unknown",
]);

/**
 * The demographic counts of each page loader's JSON, by route file. `[*]` is every element of an
 * array. Sources: CommunePage.reach (ReachSection: cases_total, rows = minority/elderly/female,
 * ethnic_groups, age_bands) in pages/commune/load.server.ts; CompareData.communes /
 * province_figures (CompareKeyFigures) in pages/compare/load.server.ts; MonthlyReport.month_figures
 * (ReportMonthFigures) and trend (MonthTotals) in pages/report/load.server.ts; Overview.trend
 * (MonthTotals) in pages/overview/load.server.ts.
 */
export const PAGE_DEMOGRAPHIC_PATHS: Record<string, readonly string[]> = {
  "communes.$code": [
    "reach.cases_total",
    "reach.rows[*].cases",
    "reach.ethnic_groups[*].cases",
    "reach.age_bands[*].cases",
  ],
  compare: [
    "communes[*].cases_minority",
    "communes[*].cases_elderly",
    "province_figures.cases_minority",
    "province_figures.cases_elderly",
  ],
  report: [
    "report.month_figures.cases_minority",
    "report.month_figures.cases_elderly",
    "report.month_figures.cases_female",
    "report.trend[*].cases_minority",
    "report.trend[*].cases_elderly",
  ],
  _index: ["trend[*].cases_minority", "trend[*].cases_elderly"],
};

export interface FoundCount {
  where: string;
  value: unknown;
}

function select(value: unknown, steps: readonly string[], where: string, out: FoundCount[]): void {
  if (steps.length === 0) {
    out.push({ where, value });
    return;
  }
  if (value === null || value === undefined) return;
  const [step, ...rest] = steps;
  if (step === "[*]") {
    if (!Array.isArray(value)) return;
    value.forEach((item, index) => select(item, rest, `${where}[${index}]`, out));
    return;
  }
  const next = (value as Record<string, unknown>)[step!];
  if (next !== undefined) select(next, rest, where ? `${where}.${step}` : step!, out);
}

/** The values at a path like "reach.rows[*].cases". */
export function valuesAt(data: unknown, pathExpression: string): FoundCount[] {
  const steps = pathExpression.replaceAll("[*]", ".[*]").split(".");
  const out: FoundCount[] = [];
  select(data, steps, "", out);
  return out;
}

function scan(value: unknown, where: string, out: FoundCount[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => scan(item, `${where}[${index}]`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = where ? `${where}.${key}` : key;
      if (DEMOGRAPHIC_FIELDS.has(key)) out.push({ where: at, value: item });
      else scan(item, at, out);
    }
  }
}

/** Every demographic count in a page loader's JSON: the named paths plus any demographic field. */
export function pageDemographicCounts(routeFile: string, data: unknown): FoundCount[] {
  const found = new Map<string, FoundCount>();
  for (const expression of PAGE_DEMOGRAPHIC_PATHS[routeFile] ?? []) {
    for (const hit of valuesAt(data, expression)) found.set(hit.where, hit);
  }
  const scanned: FoundCount[] = [];
  scan(data, "", scanned);
  for (const hit of scanned) found.set(hit.where, hit);
  return [...found.values()];
}

/**
 * Every demographic count in a download's rows: the demographic columns, and `cases` of the
 * commune page's reach table (its rows are breakdowns, marked by a `breakdown` column).
 */
export function downloadDemographicCounts(rows: readonly TableRow[]): FoundCount[] {
  const out: FoundCount[] = [];
  rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row)) {
      if (DEMOGRAPHIC_FIELDS.has(key) || (key === "cases" && "breakdown" in row)) {
        out.push({ where: `row ${index}.${key}`, value });
      }
    }
  });
  return out;
}

/** A count as shown: a number, the "<8" marker, or null when the value is not a count at all. */
export function shownCount(value: unknown): number | typeof SUPPRESSED_LABEL | null {
  if (value === SUPPRESSED_LABEL) return SUPPRESSED_LABEL;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}

/** 0, "<8" or a multiple of 5 (never 1–7): what a suppressed viewer may be shown. */
export function isSuppressedForm(value: unknown): boolean {
  const shown = shownCount(value);
  if (shown === SUPPRESSED_LABEL) return true;
  return shown !== null && shown % 5 === 0;
}

/** A count only an unsuppressed viewer sees: 1–7, or not a multiple of 5. */
export function isVisiblyRaw(value: unknown): boolean {
  const shown = shownCount(value);
  return typeof shown === "number" && shown % 5 !== 0;
}
