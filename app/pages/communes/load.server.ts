// The commune directory (/communes): every unit of the province with its headline figures over the
// period (from the mart), narrowed by unit type and a name search, in Vietnamese name order; a
// secretary's own communes come first.
import type { Kysely } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import type { DB } from "~/lib/db/types";
import type { UnitType } from "~/lib/db/types";
import { compareVietnamese } from "~/lib/format/collation";
import { computeCommuneMetric, type CommuneSummary } from "~/lib/metrics/commune-metrics";
import { matchesNameSearch } from "~/lib/filters/commune-search";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import type { OverviewFilter, ResolvedPeriod } from "~/lib/filters/filters";
import {
  getCommuneSummaries,
  getCoveredPeriod,
  getProvinceInfo,
  type CoverageInfo,
  type ProvinceInfo,
} from "~/lib/metrics/province.server";

export interface CommuneListRow {
  code: string;
  name: string;
  unit_type: UnitType;
  population: number | null;
  population_ok: boolean;
  cases: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
  cases_per_1000: number | null;
  volunteer_hours: number;
  /** One of the viewer's own communes (a secretary's): listed first. */
  own: boolean;
}

export interface CommuneList {
  province: ProvinceInfo;
  coverage: CoverageInfo | null;
  period: ResolvedPeriod | null;
  unit_type: UnitTypeFilter | null;
  q: string;
  /** Units of the province before the unit-type and name filters. */
  total: number;
  rows: CommuneListRow[];
}

export type CommuneListResult = { ok: true; list: CommuneList } | { ok: false; issue: FilterIssue };

/** Own communes first, then Vietnamese name order. */
export function orderCommuneList(rows: readonly CommuneListRow[]): CommuneListRow[] {
  return [...rows].sort(
    (a, b) => Number(b.own) - Number(a.own) || compareVietnamese(a.name, b.name),
  );
}

function toListRow(summary: CommuneSummary, own: boolean): CommuneListRow {
  return {
    code: summary.code,
    name: summary.name,
    unit_type: summary.unit_type,
    population: summary.population,
    population_ok: summary.population_ok,
    cases: summary.cases,
    online_uptake: computeCommuneMetric(summary, "online_uptake"),
    assisted_online_share: computeCommuneMetric(summary, "assisted_online_share"),
    cases_per_1000: computeCommuneMetric(summary, "cases_per_1000"),
    volunteer_hours: summary.volunteer_hours,
    own,
  };
}

export async function getCommuneList(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  q: string,
  viewer: Viewer,
): Promise<CommuneListResult> {
  const [province, covered] = await Promise.all([
    getProvinceInfo(db, provinceCode),
    getCoveredPeriod(db, provinceCode, filter),
  ]);
  if (!covered.ok) return { ok: false, issue: covered.issue };
  const { coverage, period } = covered;
  // Without data the directory still lists every unit, with zero figures.
  const range = period ?? { from: "0000-01", to: "0000-01" };
  const summaries = await getCommuneSummaries(db, provinceCode, range, null);
  const own = new Set(viewer.role === "secretary" ? viewer.communes : []);
  const unitType = filter.unit_type ?? null;
  const rows = summaries
    .filter((summary) => unitType === null || summary.unit_type === unitType)
    .filter((summary) => matchesNameSearch(summary.name, q))
    .map((summary) => toListRow(summary, own.has(summary.code)));
  return {
    ok: true,
    list: {
      province,
      coverage,
      period,
      unit_type: unitType,
      q,
      total: summaries.length,
      rows: orderCommuneList(rows),
    },
  };
}
