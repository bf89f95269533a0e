// The overview page's data: one getOverview() query result for a filter, and the finished page
// (figures included) kept per data version, since it depends on the data, the filter and the
// language only; demographic suppression is applied per viewer afterwards, in the route.
import type { Kysely } from "kysely";
import { cachedForDataVersion } from "~/lib/cache/data-version-cache.server";
import type { DB } from "~/lib/db/types";
import type { MapMetric, ProcedureGroup, UnitTypeFilter } from "~/lib/filters/filter-options";
import type { OverviewFilter, ResolvedPeriod } from "~/lib/filters/filters";
import { previousPeriodOf, resolvePeriod } from "~/lib/filters/filters";
import type { Lang } from "~/lib/i18n/languages";
import type { CommuneSummary } from "~/lib/metrics/commune-metrics";
import { computeKpis, type KpiValues, type MonthTotals } from "~/lib/metrics/kpis";
import {
  getCommuneSummaries,
  getCoverage,
  getGroupCaseCounts,
  getMonthTotals,
  getProvinceInfo,
  withGroupCommuneCases,
  withGroupMonthCases,
  type CoverageInfo,
  type ProvinceInfo,
} from "~/lib/metrics/province.server";
import {
  getVolunteerActivity,
  type VolunteerActivity,
} from "~/lib/metrics/volunteer-activity.server";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { buildOverviewPage, type OverviewPageData } from "./view.server";

export interface Overview {
  province: ProvinceInfo;
  /** Null when the mart holds no month yet (nothing imported). */
  coverage: CoverageInfo | null;
  period: ResolvedPeriod | null;
  /** Null when the data does not reach back a whole period before `period`. */
  previous_period: ResolvedPeriod | null;
  unit_type: UnitTypeFilter | null;
  /**
   * When set, the case-based figures (cases, cases_online, minority, elderly, communes reporting)
   * count only assistance with procedures of this group; dossiers and volunteer figures stay
   * province-wide (docs/metrics.md).
   */
  procedure_group: ProcedureGroup | null;
  metric: MapMetric;
  /** Last volunteer activity per commune, for the "no activity in 30 days" list; null without coverage. */
  activity: VolunteerActivity | null;
  /** One row per month of the period, in order; months missing from the mart count as zero. */
  trend: MonthTotals[];
  kpis: KpiValues | null;
  previous_kpis: KpiValues | null;
  /** Every commune in the filter, with sums over the period (zeros when it sent nothing); empty without coverage. */
  communes: CommuneSummary[];
}

export type OverviewResult = { ok: true; overview: Overview } | { ok: false; issue: FilterIssue };

/**
 * Everything the overview shows for one filter. A period that lies outside the covered months
 * comes back as a filter issue (a 400), not an empty page.
 */
export interface OverviewOptions {
  /** Today, for the data calendar (tests pass a fixed one). */
  now?: Date;
  /** Compute the demographic reach KPIs from suppressed counts (leader and secretary viewers). */
  suppress?: boolean;
}

export async function getOverview(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  { now = new Date(), suppress = false }: OverviewOptions = {},
): Promise<OverviewResult> {
  const [province, coverage] = await Promise.all([
    getProvinceInfo(db, provinceCode),
    getCoverage(db, provinceCode, now),
  ]);
  const unitType = filter.unit_type ?? null;
  const procedureGroup = filter.procedure_group ?? null;
  const base = {
    province,
    coverage,
    unit_type: unitType,
    procedure_group: procedureGroup,
    metric: filter.metric,
  };
  if (!coverage) {
    return {
      ok: true,
      overview: {
        ...base,
        period: null,
        previous_period: null,
        trend: [],
        kpis: null,
        previous_kpis: null,
        communes: [],
        activity: null,
      },
    };
  }
  const resolution = resolvePeriod(filter, coverage);
  if (!resolution.ok) return { ok: false, issue: resolution.issue };
  const period = resolution.period;
  const previous = previousPeriodOf(period, coverage);

  const range = { from: previous?.from ?? period.from, to: period.to };
  const [allMonths, allCommunes, groupCases, activity] = await Promise.all([
    getMonthTotals(db, provinceCode, range, unitType),
    getCommuneSummaries(db, provinceCode, period, unitType),
    procedureGroup
      ? getGroupCaseCounts(db, provinceCode, range, unitType, procedureGroup)
      : Promise.resolve(null),
    getVolunteerActivity(db, provinceCode, period.to, unitType),
  ]);
  const months = groupCases ? withGroupMonthCases(allMonths, groupCases) : allMonths;
  const communes = groupCases
    ? withGroupCommuneCases(allCommunes, groupCases, period)
    : allCommunes;
  const trend = months.filter((month) => month.month >= period.from);
  const previousMonths = months.filter((month) => month.month < period.from);
  return {
    ok: true,
    overview: {
      ...base,
      period,
      previous_period: previous,
      trend,
      kpis: computeKpis(trend, communes.length, { suppress }),
      previous_kpis: previous ? computeKpis(previousMonths, communes.length, { suppress }) : null,
      communes,
      activity,
    },
  };
}

/**
 * The overview page for a filter and language, built once per data version (and day), in two
 * variants: with and without suppressed demographic KPIs.
 */
export function loadOverviewPage(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  lang: Lang,
  suppress: boolean,
): Promise<{ ok: true; page: OverviewPageData } | { ok: false; issue: FilterIssue }> {
  return cachedForDataVersion(
    db,
    `overview|${provinceCode}|${lang}|${suppress}|${JSON.stringify(filter)}`,
    async () => {
      const result = await getOverview(db, provinceCode, filter, { suppress });
      return result.ok
        ? { ok: true as const, page: buildOverviewPage(result.overview, lang) }
        : result;
    },
  );
}
