// The monthly report: one month for the province or for one commune, set against the previous
// month and the same month a year earlier, with the 12-month trend. Province reports add the
// communes with the highest and lowest uptake, the "needs attention" lists and the communes with
// the most volunteer hours; commune reports add the province and the median of the commune's
// peers. Reads mart.commune_month and ref.commune only; the page and its downloads share it.
import type { Kysely } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import { canViewCommuneDetail, mustSuppressDemographics } from "~/lib/auth/policy";
import type { CommuneMonthTable, DB, UnitType } from "~/lib/db/types";
import { sortByVietnameseName } from "~/lib/format/collation";
import { suppressCount, type SuppressedCount } from "~/lib/privacy/suppress";
import {
  populationOk,
  findNeedsAttention,
  rankCommunes,
  type CommuneSummary,
  type NeedsAttention,
  type RankedCommune,
} from "~/lib/metrics/commune-metrics";
import { median, selectPeerCommunes, type PeerCommune } from "~/lib/metrics/commune-peers";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import {
  KPI_IDS,
  compareKpi,
  computeKpis,
  emptyMonthTotals,
  type KpiChange,
  type KpiId,
  type KpiValues,
  type MonthTotals,
} from "~/lib/metrics/kpis";
import { monthState, type LateMonth } from "~/lib/calendar/month-status";
import { addMonths, listMonths, maxMonth } from "~/lib/calendar/months";
import {
  getCommuneSummaries,
  getCoverage,
  getMonthTotals,
  getProvinceInfo,
  type CoverageInfo,
  type ProvinceInfo,
} from "~/lib/metrics/province.server";
import { ratioOf } from "~/lib/metrics/registry";
import type { ReportParams } from "~/lib/filters/report-params";
import {
  getVolunteerActivity,
  type VolunteerActivity,
} from "~/lib/metrics/volunteer-activity.server";

/** Months of trend a report shows, ending with the report's month. */
export const REPORT_TREND_MONTHS = 12;
/** How many communes the top/bottom lists name. */
export const REPORT_LIST_SIZE = 5;

/** Indicators of a commune report: the overview's, less "units with cases" (a province count). */
export const COMMUNE_REPORT_KPIS: readonly KpiId[] = KPI_IDS.filter(
  (id) => id !== "communes_reporting",
);

export interface ReportKpiRow {
  id: KpiId;
  value: number | null;
  previous: number | null;
  /** Null when the data does not reach back a year. */
  year_ago: number | null;
  change_previous: KpiChange | null;
  change_year: KpiChange | null;
  /** Commune reports: the province's value that month. */
  province: number | null;
  /** Commune reports: the median over the peer communes that month; null without peers. */
  peer_median: number | null;
}

export interface ReportCommune {
  code: string;
  name: string;
  unit_type: UnitType;
  population: number | null;
}

/** A commune's mart row for the month, demographic counts as the viewer may see them. */
export interface ReportMonthFigures {
  cases: number;
  cases_online: number;
  cases_completed: number;
  cases_not_completed: number;
  cases_vneid: number;
  cases_minority: SuppressedCount;
  cases_elderly: SuppressedCount;
  cases_female: SuppressedCount;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  volunteers_active: number;
}

export interface ProvinceSections {
  top_uptake: RankedCommune[];
  bottom_uptake: RankedCommune[];
  top_hours: RankedCommune[];
  /** Units with dossier statistics in the month (the ones ranked by uptake). */
  ranked_count: number;
  attention: NeedsAttention;
  /** Every commune's figures for the month (the "communes" download). */
  communes: RankedCommune[];
}

export interface MonthlyReport {
  province: ProvinceInfo;
  coverage: CoverageInfo;
  month: string;
  /** Null when the month before is not covered. */
  previous_month: string | null;
  year_ago_month: string | null;
  /** Null for the province report. */
  commune: ReportCommune | null;
  peers: PeerCommune[];
  kpis: ReportKpiRow[];
  /** Up to 12 months ending with `month`, never before the first covered month. */
  trend: MonthTotals[];
  province_sections: ProvinceSections | null;
  month_figures: ReportMonthFigures | null;
  suppressed: boolean;
  calendar: ReportCalendar;
}

/** Where the report's month stands on today's calendar (issue 12). */
export interface ReportCalendar {
  /** The month under way on the data's as-of date, when the data reaches into it. */
  running_month: string | null;
  /** Set when the report's month is the running one: the last day with data in it. */
  partial_through: string | null;
  /** Set when the report's month is over but communes that report every month have not yet. */
  late: LateMonth | null;
  /** The latest covered month, when the default skipped it (and any before it) as not complete. */
  skipped_running: string | null;
}

export type MonthlyReportResult =
  | { ok: true; report: MonthlyReport | null; province: ProvinceInfo }
  | { ok: false; reason: "bad_filter"; issues: FilterIssue[] }
  | { ok: false; reason: "forbidden" };

type MartRow = Pick<
  CommuneMonthTable,
  | "month"
  | "cases"
  | "cases_online"
  | "cases_completed"
  | "cases_not_completed"
  | "cases_vneid"
  | "cases_minority"
  | "cases_elderly"
  | "cases_female"
  | "dossiers_total"
  | "dossiers_online"
  | "volunteer_hours"
  | "volunteers_active"
>;

function toMonthTotals(row: MartRow): MonthTotals {
  return {
    month: row.month,
    cases: row.cases,
    cases_online: row.cases_online,
    cases_minority: row.cases_minority,
    cases_elderly: row.cases_elderly,
    dossiers_total: row.dossiers_total,
    dossiers_online: row.dossiers_online,
    volunteer_hours: row.volunteer_hours,
    volunteers_active: row.volunteers_active,
    communes_with_cases: row.cases > 0 ? 1 : 0,
  };
}

/** KPIs of one month; with suppression, demographic shares come from the counts as shown (ADR 009). */
export function monthKpis(
  totals: MonthTotals,
  communesTotal: number,
  suppress: boolean,
): KpiValues {
  const kpis = computeKpis([totals], communesTotal);
  if (!suppress) return kpis;
  return {
    ...kpis,
    minority_reach: ratioOf("minority_reach", totals, { suppress }),
    elderly_reach: ratioOf("elderly_reach", totals, { suppress }),
  };
}

/** Each commune's mart rows for [from, to], by code then month. */
async function getCommuneMonthRows(
  db: Kysely<DB>,
  codes: readonly string[],
  range: { from: string; to: string },
): Promise<Map<string, Map<string, MartRow>>> {
  const byCode = new Map<string, Map<string, MartRow>>();
  if (codes.length === 0) return byCode;
  const rows = await db
    .selectFrom("mart.commune_month")
    .select([
      "commune_code",
      "month",
      "cases",
      "cases_online",
      "cases_completed",
      "cases_not_completed",
      "cases_vneid",
      "cases_minority",
      "cases_elderly",
      "cases_female",
      "dossiers_total",
      "dossiers_online",
      "volunteer_hours",
      "volunteers_active",
    ])
    .where("commune_code", "in", [...codes])
    .where("month", ">=", range.from)
    .where("month", "<=", range.to)
    .execute();
  for (const row of rows) {
    let months = byCode.get(row.commune_code);
    if (!months) byCode.set(row.commune_code, (months = new Map()));
    months.set(row.month, row);
  }
  return byCode;
}

function monthTotalsOf(rows: Map<string, MartRow> | undefined, month: string): MonthTotals {
  const row = rows?.get(month);
  return row ? toMonthTotals(row) : emptyMonthTotals(month);
}

function kpiRows(
  ids: readonly KpiId[],
  current: KpiValues,
  previous: KpiValues | null,
  yearAgo: KpiValues | null,
  reference: { province: KpiValues | null; peers: KpiValues[] },
): ReportKpiRow[] {
  return ids.map((id) => ({
    id,
    value: current[id],
    previous: previous ? previous[id] : null,
    year_ago: yearAgo ? yearAgo[id] : null,
    change_previous: previous ? compareKpi(id, current[id], previous[id]) : null,
    change_year: yearAgo ? compareKpi(id, current[id], yearAgo[id]) : null,
    province: reference.province ? reference.province[id] : null,
    peer_median:
      reference.peers.length > 0 ? median(reference.peers.map((peer) => peer[id])) : null,
  }));
}

function provinceSections(
  communes: CommuneSummary[],
  month: string,
  activity: VolunteerActivity,
): ProvinceSections {
  const byUptake = rankCommunes(communes, "online_uptake");
  const ranked = byUptake.filter((row) => row.value !== null);
  const byHours = rankCommunes(communes, "volunteer_hours").filter(
    (row) => row.value !== null && row.value > 0,
  );
  return {
    top_uptake: ranked.slice(0, REPORT_LIST_SIZE),
    // Lowest first; when fewer than twice the list size are ranked, the lists may overlap.
    bottom_uptake: ranked.slice(-REPORT_LIST_SIZE).reverse(),
    top_hours: byHours.slice(0, REPORT_LIST_SIZE),
    ranked_count: ranked.length,
    attention: findNeedsAttention(communes, month, activity),
    communes: byUptake,
  };
}

/**
 * The report for `params` as `viewer` may see it: bad_filter for a malformed or uncovered month
 * or a commune outside the province, forbidden for a commune whose detail the viewer may not open
 * (a secretary's foreign commune). `report` is null when nothing has been imported yet.
 */
export async function getMonthlyReport(
  db: Kysely<DB>,
  provinceCode: string,
  params: ReportParams,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<MonthlyReportResult> {
  const [province, coverage] = await Promise.all([
    getProvinceInfo(db, provinceCode),
    getCoverage(db, provinceCode, now),
  ]);
  let commune: ReportCommune | null = null;
  let allCommunes: Array<ReportCommune & { population_ok: boolean }> = [];
  if (params.commune !== undefined) {
    allCommunes = (
      await db
        .selectFrom("ref.commune")
        .select(["code", "full_name as name", "unit_type", "population", "population_quality"])
        .where("province_code", "=", provinceCode)
        .execute()
    ).map((row) => ({
      code: row.code,
      name: row.name,
      unit_type: row.unit_type,
      population: row.population,
      population_ok: populationOk(row),
    }));
    const found = allCommunes.find((row) => row.code === params.commune);
    if (!found) {
      return {
        ok: false,
        reason: "bad_filter",
        issues: [
          {
            param: "commune",
            message_key: "filter.error.commune_unknown",
            value: params.commune,
            params: { code: params.commune },
          },
        ],
      };
    }
    if (!canViewCommuneDetail(viewer, found.code)) return { ok: false, reason: "forbidden" };
    commune = {
      code: found.code,
      name: found.name,
      unit_type: found.unit_type,
      population: found.population,
    };
  }
  if (!coverage) return { ok: true, report: null, province };

  // By default the latest complete month: the running month is a few days of data, and set
  // against a whole month it reads as a collapse that did not happen (issue 12, ADR 020).
  const month = params.month ?? coverage.calendar.complete_through ?? coverage.last_month;
  if (month < coverage.first_month || month > coverage.last_month) {
    return {
      ok: false,
      reason: "bad_filter",
      issues: [
        {
          param: "month",
          message_key: "filter.error.outside_coverage",
          value: month,
          params: { first: coverage.first_month, last: coverage.last_month },
        },
      ],
    };
  }
  // A month is compared only with a covered month and only when both are complete (equal length,
  // every regular report in): a running month against a whole one is not a fall.
  const complete = (key: string) => monthState(coverage.calendar, key) === "complete";
  const covered = (candidate: string) =>
    candidate >= coverage.first_month && complete(month) && complete(candidate) ? candidate : null;
  const previousMonth = covered(addMonths(month, -1));
  const yearAgoMonth = covered(addMonths(month, -12));
  const trendFrom = maxMonth(addMonths(month, -(REPORT_TREND_MONTHS - 1)), coverage.first_month);
  const fetchFrom = yearAgoMonth ?? trendFrom;
  const suppress = mustSuppressDemographics(viewer);

  const provinceMonths = await getMonthTotals(
    db,
    provinceCode,
    { from: fetchFrom, to: month },
    null,
  );
  const provinceOf = (key: string | null) => {
    const totals = key ? provinceMonths.find((row) => row.month === key) : undefined;
    return totals ?? null;
  };
  const running = coverage.calendar.running_month;
  const calendar: ReportCalendar = {
    running_month: running,
    partial_through: month === running ? coverage.calendar.partial_through : null,
    late: coverage.calendar.late_months.find((late) => late.month === month) ?? null,
    skipped_running:
      params.month === undefined && month < coverage.last_month ? coverage.last_month : null,
  };
  const base = {
    province,
    coverage,
    month,
    previous_month: previousMonth,
    year_ago_month: yearAgoMonth,
    suppressed: suppress,
    calendar,
  };

  if (!commune) {
    // The same "needs attention" rule as the overview, whose 30-day activity window needs dates.
    const [communes, activity] = await Promise.all([
      getCommuneSummaries(db, provinceCode, { from: month, to: month }, null),
      getVolunteerActivity(db, provinceCode, month, null),
    ]);
    const kpisOf = (key: string | null) => {
      const totals = provinceOf(key);
      return totals ? monthKpis(totals, communes.length, suppress) : null;
    };
    return {
      ok: true,
      province,
      report: {
        ...base,
        commune: null,
        peers: [],
        kpis: kpiRows(KPI_IDS, kpisOf(month)!, kpisOf(previousMonth), kpisOf(yearAgoMonth), {
          province: null,
          peers: [],
        }),
        trend: provinceMonths.filter((row) => row.month >= trendFrom),
        province_sections: provinceSections(communes, month, activity),
        month_figures: null,
      },
    };
  }

  const target = allCommunes.find((row) => row.code === commune.code)!;
  const peers = selectPeerCommunes(target, allCommunes);
  const rows = await getCommuneMonthRows(db, [commune.code, ...peers.map((peer) => peer.code)], {
    from: fetchFrom,
    to: month,
  });
  const own = rows.get(commune.code);
  const kpisOf = (key: string | null) =>
    key ? monthKpis(monthTotalsOf(own, key), 1, suppress) : null;
  const provinceTotals = provinceOf(month)!;
  const monthRow = own?.get(month);
  const show = (count: number): SuppressedCount => (suppress ? suppressCount(count) : count);
  return {
    ok: true,
    province,
    report: {
      ...base,
      commune,
      peers,
      kpis: kpiRows(
        COMMUNE_REPORT_KPIS,
        kpisOf(month)!,
        kpisOf(previousMonth),
        kpisOf(yearAgoMonth),
        {
          province: monthKpis(provinceTotals, allCommunes.length, suppress),
          peers: peers.map((peer) =>
            monthKpis(monthTotalsOf(rows.get(peer.code), month), 1, suppress),
          ),
        },
      ),
      trend: listMonths(trendFrom, month).map((key) => monthTotalsOf(own, key)),
      province_sections: null,
      month_figures: {
        cases: monthRow?.cases ?? 0,
        cases_online: monthRow?.cases_online ?? 0,
        cases_completed: monthRow?.cases_completed ?? 0,
        cases_not_completed: monthRow?.cases_not_completed ?? 0,
        cases_vneid: monthRow?.cases_vneid ?? 0,
        cases_minority: show(monthRow?.cases_minority ?? 0),
        cases_elderly: show(monthRow?.cases_elderly ?? 0),
        cases_female: show(monthRow?.cases_female ?? 0),
        dossiers_total: monthRow?.dossiers_total ?? 0,
        dossiers_online: monthRow?.dossiers_online ?? 0,
        volunteer_hours: monthRow?.volunteer_hours ?? 0,
        volunteers_active: monthRow?.volunteers_active ?? 0,
      },
    },
  };
}

/** The units the report chooser offers the viewer (a secretary: only their own), by name. */
export async function getReportCommuneOptions(
  db: Kysely<DB>,
  provinceCode: string,
  viewer: Viewer,
): Promise<ReportCommune[]> {
  const rows = await db
    .selectFrom("ref.commune")
    .select(["code", "full_name as name", "unit_type", "population"])
    .where("province_code", "=", provinceCode)
    .execute();
  return sortByVietnameseName(
    rows
      .filter((row) => canViewCommuneDetail(viewer, row.code))
      .map((row) => ({
        code: row.code,
        name: row.name,
        unit_type: row.unit_type,
        population: row.population,
      })),
    (row) => row.name,
  );
}

/** The report with the communes its chooser lists: everything the page reads from the database. */
export async function loadReportPage(
  db: Kysely<DB>,
  provinceCode: string,
  params: ReportParams,
  viewer: Viewer,
) {
  const result = await getMonthlyReport(db, provinceCode, params, viewer);
  if (!result.ok) return result;
  return { ...result, options: await getReportCommuneOptions(db, provinceCode, viewer) };
}
