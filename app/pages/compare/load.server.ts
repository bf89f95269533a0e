// The compare page's data: up to six communes side by side over one period, with the province as
// the reference column. Reads only mart.commune_month and ref.commune (what the overview and its
// ranking already show), so every role that sees the dashboard may see it; the page and its
// downloads both come from getCompareData.
import type { Kysely } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import { mustSuppressDemographics } from "~/lib/auth/policy";
import type { DB, UnitType } from "~/lib/db/types";
import { sortByVietnameseName } from "~/lib/format/collation";
import { suppressCount, type SuppressedCount } from "~/lib/privacy/suppress";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { OverviewFilter, ResolvedPeriod } from "~/lib/filters/filters";
import { listMonths } from "~/lib/calendar/months";
import {
  getCommunePeriodSums,
  getCoveredPeriod,
  getProvinceInfo,
  type CoverageInfo,
  type ProvinceInfo,
} from "~/lib/metrics/province.server";
import { ratioOf } from "~/lib/metrics/registry";

/** A commune the chooser offers. */
export interface CommuneOption {
  code: string;
  name: string;
  unit_type: UnitType;
}

/** Raw period sums of one commune (or of the province), before any suppression. */
export interface PeriodSums {
  cases: number;
  cases_online: number;
  cases_not_completed: number;
  cases_minority: number;
  cases_elderly: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  /** In the period's last month (a count of people is not summed over months). */
  volunteers_active: number;
  /** Population used for cases per 1,000; null when flagged or missing in ref.commune. */
  population: number | null;
  /** Cases of the units whose population is usable (the numerator of cases per 1,000). */
  cases_with_population: number;
}

/** One column of the side-by-side table, as it may be shown to the viewer. */
export interface CompareKeyFigures {
  /** Null for the province reference column. */
  code: string | null;
  name: string;
  unit_type: UnitType | null;
  cases: number;
  dossiers_total: number;
  dossiers_online: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
  completion_rate: number | null;
  volunteer_hours: number;
  volunteers_active: number;
  /** Suppressed (0, "<8", multiple of 5) when the viewer's role requires it. */
  cases_minority: SuppressedCount;
  minority_share: number | null;
  cases_elderly: SuppressedCount;
  elderly_share: number | null;
  population: number | null;
  cases_per_1000: number | null;
}

/** One commune × month of the small multiples and the monthly download. */
export interface CompareMonthRow {
  commune_code: string;
  commune_name: string;
  month: string;
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
  online_uptake: number | null;
  volunteer_hours: number;
  volunteers_active: number;
}

export interface CompareData {
  province: ProvinceInfo;
  coverage: CoverageInfo | null;
  period: ResolvedPeriod | null;
  /** Every commune of the province, in Vietnamese name order. */
  options: CommuneOption[];
  /** The chosen communes in the order of the URL. */
  communes: CompareKeyFigures[];
  /** The whole province over the same period; null without coverage. */
  province_figures: CompareKeyFigures | null;
  /** Chosen communes × every month of the period, zeros where the mart has no row. */
  monthly: CompareMonthRow[];
  /** Whether demographic counts were suppressed for this viewer. */
  suppressed: boolean;
}

export type CompareResult = { ok: true; data: CompareData } | { ok: false; issues: FilterIssue[] };

interface CommuneSumsRow extends PeriodSums, CommuneOption {}

async function getCompareSums(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string } | null,
): Promise<CommuneSumsRow[]> {
  // Without coverage the join matches nothing and every sum is zero: the chooser still lists all.
  const rows = await getCommunePeriodSums(
    db,
    provinceCode,
    period ?? { from: "9999-12", to: "0000-01" },
    null,
  );
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    unit_type: row.unit_type,
    cases: row.cases,
    cases_online: row.cases_online,
    cases_not_completed: row.cases_not_completed,
    cases_minority: row.cases_minority,
    cases_elderly: row.cases_elderly,
    dossiers_total: row.dossiers_total,
    dossiers_online: row.dossiers_online,
    volunteer_hours: row.volunteer_hours,
    volunteers_active: row.last_month_volunteers_active,
    population: row.population_ok ? row.population : null,
    cases_with_population: row.population_ok ? row.cases : 0,
  }));
}

/** The province's sums: plain totals; cases per 1,000 only over units with a usable population. */
export function sumPeriodSums(rows: readonly PeriodSums[]): PeriodSums {
  const total: PeriodSums = {
    cases: 0,
    cases_online: 0,
    cases_not_completed: 0,
    cases_minority: 0,
    cases_elderly: 0,
    dossiers_total: 0,
    dossiers_online: 0,
    volunteer_hours: 0,
    volunteers_active: 0,
    population: 0,
    cases_with_population: 0,
  };
  for (const row of rows) {
    total.cases += row.cases;
    total.cases_online += row.cases_online;
    total.cases_not_completed += row.cases_not_completed;
    total.cases_minority += row.cases_minority;
    total.cases_elderly += row.cases_elderly;
    total.dossiers_total += row.dossiers_total;
    total.dossiers_online += row.dossiers_online;
    total.volunteer_hours += row.volunteer_hours;
    total.volunteers_active += row.volunteers_active;
    total.cases_with_population += row.cases_with_population;
    if (row.population !== null) total.population = (total.population ?? 0) + row.population;
  }
  return total;
}

/**
 * The figures shown for one set of sums. Rates come from the raw counts; when `suppress` is set
 * the demographic counts are rounded (suppressCount) and their shares come from the rounded counts
 * (none for "<8", and none under 8 cases; ADR 009).
 */
export function toKeyFigures(
  sums: PeriodSums,
  identity: { code: string | null; name: string; unit_type: UnitType | null },
  suppress: boolean,
): CompareKeyFigures {
  return {
    ...identity,
    cases: sums.cases,
    dossiers_total: sums.dossiers_total,
    dossiers_online: sums.dossiers_online,
    online_uptake: ratioOf("online_uptake", sums),
    assisted_online_share: ratioOf("assisted_online_share", sums),
    completion_rate: ratioOf("completion_rate", sums),
    volunteer_hours: sums.volunteer_hours,
    volunteers_active: sums.volunteers_active,
    cases_minority: suppress ? suppressCount(sums.cases_minority) : sums.cases_minority,
    minority_share: ratioOf("minority_reach", sums, { suppress }),
    cases_elderly: suppress ? suppressCount(sums.cases_elderly) : sums.cases_elderly,
    elderly_share: ratioOf("elderly_reach", sums, { suppress }),
    population: sums.population,
    // Over the units with a usable population only: their cases ÷ their population.
    cases_per_1000: ratioOf("cases_per_1000", {
      cases: sums.cases_with_population,
      population: sums.population,
    }),
  };
}

async function getCompareMonths(
  db: Kysely<DB>,
  communes: readonly CommuneOption[],
  period: { from: string; to: string },
): Promise<CompareMonthRow[]> {
  if (communes.length === 0) return [];
  const rows = await db
    .selectFrom("mart.commune_month")
    .select([
      "commune_code",
      "month",
      "cases",
      "cases_online",
      "dossiers_total",
      "dossiers_online",
      "volunteer_hours",
      "volunteers_active",
    ])
    .where(
      "commune_code",
      "in",
      communes.map((commune) => commune.code),
    )
    .where("month", ">=", period.from)
    .where("month", "<=", period.to)
    .execute();
  const byKey = new Map(rows.map((row) => [`${row.commune_code}|${row.month}`, row]));
  const months = listMonths(period.from, period.to);
  return communes.flatMap((commune) =>
    months.map((month) => {
      const row = byKey.get(`${commune.code}|${month}`);
      const dossiersTotal = row?.dossiers_total ?? 0;
      const dossiersOnline = row?.dossiers_online ?? 0;
      return {
        commune_code: commune.code,
        commune_name: commune.name,
        month,
        cases: row?.cases ?? 0,
        cases_online: row?.cases_online ?? 0,
        dossiers_total: dossiersTotal,
        dossiers_online: dossiersOnline,
        online_uptake: ratioOf("online_uptake", {
          dossiers_online: dossiersOnline,
          dossiers_total: dossiersTotal,
        }),
        volunteer_hours: row?.volunteer_hours ?? 0,
        volunteers_active: row?.volunteers_active ?? 0,
      };
    }),
  );
}

/**
 * Everything the compare page and its downloads show for one filter (period and `commune`; the
 * other filter fields do not apply here). Codes not in the province, or a period outside the
 * covered months, come back as filter issues (400).
 */
export async function getCompareData(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  viewer: Viewer,
): Promise<CompareResult> {
  const [province, covered] = await Promise.all([
    getProvinceInfo(db, provinceCode),
    getCoveredPeriod(db, provinceCode, filter),
  ]);
  if (!covered.ok) return { ok: false, issues: [covered.issue] };
  const { coverage, period } = covered;
  const sums = await getCompareSums(db, provinceCode, period);
  const byCode = new Map(sums.map((row) => [row.code, row]));
  const unknown = filter.commune.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    return {
      ok: false,
      issues: unknown.map((code) => ({
        param: "commune",
        message_key: "filter.error.commune_unknown",
        value: code,
        params: { code },
      })),
    };
  }
  const suppress = mustSuppressDemographics(viewer);
  const chosen = filter.commune.map((code) => byCode.get(code)!);
  const options = sortByVietnameseName(
    sums.map(({ code, name, unit_type }) => ({ code, name, unit_type })),
    (option) => option.name,
  );
  return {
    ok: true,
    data: {
      province,
      coverage,
      period,
      options,
      communes: period
        ? chosen.map((row) =>
            toKeyFigures(
              row,
              { code: row.code, name: row.name, unit_type: row.unit_type },
              suppress,
            ),
          )
        : [],
      province_figures: period
        ? toKeyFigures(
            sumPeriodSums(sums),
            { code: null, name: province.full_name, unit_type: null },
            suppress,
          )
        : null,
      monthly: period ? await getCompareMonths(db, chosen, period) : [],
      suppressed: suppress,
    },
  };
}
