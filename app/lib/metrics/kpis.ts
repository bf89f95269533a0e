// The overview's key indicators, computed from province totals per month, and their change
// against the previous period of the same length.
import { METRICS, ratioOf, type MetricChange } from "./registry";

/** Province (or filtered) sums of mart.commune_month for one month. */
export interface MonthTotals {
  month: string;
  cases: number;
  cases_online: number;
  cases_minority: number;
  cases_elderly: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  volunteers_active: number;
  /** Communes with at least one assisted case in the month. */
  communes_with_cases: number;
}

export const KPI_IDS = [
  "cases",
  "online_uptake",
  "assisted_online_share",
  "volunteer_hours",
  "volunteers_active",
  "minority_reach",
  "elderly_reach",
  "communes_reporting",
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** How a change is expressed: counts in percent, ratios in percentage points, units in units. */
export type KpiChangeKind = MetricChange;
export const KPI_CHANGE_KIND = Object.fromEntries(
  KPI_IDS.map((id) => [id, METRICS[id].change]),
) as Record<KpiId, KpiChangeKind>;

export type KpiValues = Record<KpiId, number | null> & {
  /** Month the latest-month indicators (volunteers_active, communes_reporting) refer to. */
  latest_month: string;
  communes_total: number;
};

export function emptyMonthTotals(month: string): MonthTotals {
  return {
    month,
    cases: 0,
    cases_online: 0,
    cases_minority: 0,
    cases_elderly: 0,
    dossiers_total: 0,
    dossiers_online: 0,
    volunteer_hours: 0,
    volunteers_active: 0,
    communes_with_cases: 0,
  };
}

/**
 * KPIs over `months` (sorted, non-empty); `communesTotal` is the number of units in the filter.
 * With `suppress`, the demographic reach shares are computed from suppressed counts (ADR 009).
 */
export function computeKpis(
  months: readonly MonthTotals[],
  communesTotal: number,
  { suppress = false }: { suppress?: boolean } = {},
): KpiValues {
  const latest = months[months.length - 1];
  if (!latest) throw new RangeError("computeKpis needs at least one month");
  const sum = (pick: (month: MonthTotals) => number) =>
    months.reduce((total, month) => total + pick(month), 0);
  const totals = {
    cases: sum((m) => m.cases),
    cases_online: sum((m) => m.cases_online),
    cases_minority: sum((m) => m.cases_minority),
    cases_elderly: sum((m) => m.cases_elderly),
    dossiers_total: sum((m) => m.dossiers_total),
    dossiers_online: sum((m) => m.dossiers_online),
  };
  return {
    cases: totals.cases,
    online_uptake: ratioOf("online_uptake", totals),
    assisted_online_share: ratioOf("assisted_online_share", totals),
    volunteer_hours: sum((m) => m.volunteer_hours),
    volunteers_active: latest.volunteers_active,
    minority_reach: ratioOf("minority_reach", totals, { suppress }),
    elderly_reach: ratioOf("elderly_reach", totals, { suppress }),
    communes_reporting: latest.communes_with_cases,
    latest_month: latest.month,
    communes_total: communesTotal,
  };
}

export interface KpiChange {
  kind: KpiChangeKind;
  direction: "up" | "down" | "flat";
  /** Relative change (0.12 = +12 %), ratio difference (0.041 = 4.1 points) or unit difference. */
  amount: number;
  /** The previous value was 0, so a relative change has no meaning. */
  from_zero: boolean;
}

// Changes smaller than what the tiles print (0.1 % or 0.1 point) read as "unchanged".
const FLAT_THRESHOLD = 0.0005;

/** Change of one KPI, or null when either side is missing (no denominator). */
export function compareKpi(
  id: KpiId,
  current: number | null,
  previous: number | null,
): KpiChange | null {
  if (current === null || previous === null) return null;
  const kind = KPI_CHANGE_KIND[id];
  if (kind === "relative" && previous === 0) {
    return current === 0
      ? { kind, direction: "flat", amount: 0, from_zero: false }
      : { kind, direction: "up", amount: current, from_zero: true };
  }
  const amount = kind === "relative" ? (current - previous) / previous : current - previous;
  const threshold = kind === "units" ? 0 : FLAT_THRESHOLD;
  const direction = Math.abs(amount) <= threshold ? "flat" : amount > 0 ? "up" : "down";
  return { kind, direction, amount, from_zero: false };
}
