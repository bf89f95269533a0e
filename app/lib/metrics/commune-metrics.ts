// Per-commune indicators for the map, the ranking and the "needs attention" list, computed from
// one row of period sums per commune.
import type { PopulationQuality, UnitType } from "~/lib/db/types";
import { compareVietnamese } from "~/lib/format/collation";
import type { MapMetric } from "~/lib/filters/filter-options";
import { ratioOf } from "./registry";

/**
 * Whether a commune's population may divide a count (per-capita values, peer selection): only a
 * population ref.commune has and does not flag as suspect or missing (docs/metrics.md).
 */
export function populationOk(commune: {
  population: unknown;
  population_quality: PopulationQuality;
}): boolean {
  return commune.population_quality === "ok" && commune.population !== null;
}

/** One commune's sums of mart.commune_month over the period, plus its latest month. */
export interface CommuneSummary {
  code: string;
  name: string;
  unit_type: UnitType;
  population: number | null;
  /** False when ref.commune flags the population as suspect or missing: no per-capita value. */
  population_ok: boolean;
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  last_month_cases: number;
  last_month_dossiers_total: number;
  last_month_volunteer_hours: number;
  last_month_volunteers_active: number;
}

export function computeCommuneMetric(commune: CommuneSummary, metric: MapMetric): number | null {
  switch (metric) {
    case "online_uptake":
      return ratioOf("online_uptake", commune);
    case "assisted_online_share":
      return ratioOf("assisted_online_share", commune);
    case "cases_per_1000":
      return ratioOf("cases_per_1000", {
        cases: commune.cases,
        population: commune.population_ok ? commune.population : null,
      });
    case "volunteer_hours":
      return commune.volunteer_hours;
  }
}

export interface RankedCommune {
  /** Competition rank (1, 2, 2, 4 …) by the chosen metric; null when the value is missing. */
  rank: number | null;
  code: string;
  name: string;
  unit_type: UnitType;
  value: number | null;
  cases: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
  cases_per_1000: number | null;
  volunteer_hours: number;
}

/** Highest value first, ties and missing values in Vietnamese name order, missing values last. */
export function rankCommunes(
  communes: readonly CommuneSummary[],
  metric: MapMetric,
): RankedCommune[] {
  const rows = communes.map((commune) => ({
    rank: null as number | null,
    code: commune.code,
    name: commune.name,
    unit_type: commune.unit_type,
    value: computeCommuneMetric(commune, metric),
    cases: commune.cases,
    online_uptake: computeCommuneMetric(commune, "online_uptake"),
    assisted_online_share: computeCommuneMetric(commune, "assisted_online_share"),
    cases_per_1000: computeCommuneMetric(commune, "cases_per_1000"),
    volunteer_hours: commune.volunteer_hours,
  }));
  rows.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) {
      return b.value - a.value;
    }
    return compareVietnamese(a.name, b.name);
  });
  rows.forEach((row, index) => {
    if (row.value === null) return;
    const previous = rows[index - 1];
    row.rank = previous && previous.value === row.value ? previous.rank : index + 1;
  });
  return rows;
}

export interface CommuneRef {
  code: string;
  name: string;
}

export interface NeedsAttention {
  /** The month the "no data received" list refers to (the period's last month). */
  month: string;
  lowest_uptake: Array<CommuneRef & { value: number }>;
  /** The date the 30-day window ends on (latest activity in the data), or null without any. */
  activity_as_of: string | null;
  /** No shift and no assistance record in the 30 days up to activity_as_of. */
  no_volunteer_activity: Array<CommuneRef & { last_activity: string | null }>;
  /** Nothing at all recorded in the latest month: no case, shift or dossier. */
  no_data: CommuneRef[];
}

export const LOWEST_UPTAKE_COUNT = 5;
export const VOLUNTEER_ACTIVITY_DAYS = 30;

/** The first day of the `days`-day window ending on `asOf` (both YYYY-MM-DD, window inclusive). */
export function activityWindowStart(asOf: string, days = VOLUNTEER_ACTIVITY_DAYS): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - (days - 1));
  return date.toISOString().slice(0, 10);
}

export interface ActivityDates {
  as_of: string | null;
  last_activity: Readonly<Record<string, string | null>>;
}

export function findNeedsAttention(
  communes: readonly CommuneSummary[],
  month: string,
  activity: ActivityDates = { as_of: null, last_activity: {} },
): NeedsAttention {
  const byName = (a: CommuneRef, b: CommuneRef) => compareVietnamese(a.name, b.name);
  const lowest_uptake = communes
    .map((commune) => ({
      code: commune.code,
      name: commune.name,
      value: computeCommuneMetric(commune, "online_uptake"),
    }))
    .filter((row): row is CommuneRef & { value: number } => row.value !== null)
    .sort((a, b) => a.value - b.value || byName(a, b))
    .slice(0, LOWEST_UPTAKE_COUNT);
  // Without any activity date in the data there is no window to judge: the list stays empty.
  const windowStart = activity.as_of ? activityWindowStart(activity.as_of) : null;
  const idle = windowStart
    ? communes
        .map((commune) => ({
          code: commune.code,
          name: commune.name,
          last_activity: activity.last_activity[commune.code] ?? null,
        }))
        .filter((row) => row.last_activity === null || row.last_activity < windowStart)
    : [];
  const silent = communes.filter(
    (commune) =>
      commune.last_month_volunteers_active === 0 &&
      commune.last_month_volunteer_hours === 0 &&
      commune.last_month_cases === 0 &&
      commune.last_month_dossiers_total === 0,
  );
  return {
    month,
    lowest_uptake,
    activity_as_of: activity.as_of,
    no_volunteer_activity: idle.sort(byName),
    no_data: silent.map((commune) => ({ code: commune.code, name: commune.name })).sort(byName),
  };
}
