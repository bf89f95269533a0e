// Where one commune stands among the province's units and its peers on the commune page's key
// indicators: its value, the province and peer medians, and its rank in each group ("hạng 12/124").
// Pure, from one row of period sums per commune, so the page and the unit tests apply one rule.
import { median } from "./commune-peers";
import { ratioOf, type MetricId } from "./registry";

/** The commune page's tiles, in order. */
export const COMMUNE_TILE_IDS = [
  "cases",
  "online_uptake",
  "assisted_online_share",
  "volunteer_hours",
] as const satisfies readonly MetricId[];
export type CommuneTileId = (typeof COMMUNE_TILE_IDS)[number];

/** One commune's sums over the period (cases in the procedure group when one is chosen). */
export interface CommunePeriodTotals {
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
}

export interface Rank {
  /** Competition rank, highest value first (1, 2, 2, 4 …). */
  rank: number;
  /** Units of the group with a value (a ratio without a denominator is not ranked). */
  of: number;
}

export interface CommuneStanding {
  value: number | null;
  /** Median over the province's units (those with a value). */
  province_median: number | null;
  /** Median over the peers (those with a value); null without peers. */
  peer_median: number | null;
  /** Rank among all the province's units; null when the commune has no value. */
  province_rank: Rank | null;
  /** Rank among the commune and its peers; null without peers or value. */
  peer_rank: Rank | null;
}

export type CommuneStandings = Record<CommuneTileId, CommuneStanding>;

function tileValue(id: CommuneTileId, totals: CommunePeriodTotals): number | null {
  switch (id) {
    case "cases":
      return totals.cases;
    case "volunteer_hours":
      return totals.volunteer_hours;
    case "online_uptake":
      return ratioOf("online_uptake", totals);
    case "assisted_online_share":
      return ratioOf("assisted_online_share", totals);
  }
}

function rankAmong(own: number | null, values: readonly (number | null)[]): Rank | null {
  if (own === null) return null;
  const known = values.filter((value): value is number => value !== null);
  return { rank: 1 + known.filter((value) => value > own).length, of: known.length };
}

const NO_ACTIVITY: CommunePeriodTotals = {
  cases: 0,
  cases_online: 0,
  dossiers_total: 0,
  dossiers_online: 0,
  volunteer_hours: 0,
};

/**
 * The standing of `code` on every tile. `totals` holds the period sums by commune; a unit of
 * `provinceCodes` missing from it had nothing recorded (zeros, as in the mart).
 */
export function computeCommuneStandings(
  code: string,
  provinceCodes: readonly string[],
  peerCodes: readonly string[],
  totals: ReadonlyMap<string, CommunePeriodTotals>,
): CommuneStandings {
  const totalsOf = (commune: string) => totals.get(commune) ?? NO_ACTIVITY;
  const standing = (id: CommuneTileId): CommuneStanding => {
    const valueOf = (commune: string) => tileValue(id, totalsOf(commune));
    const value = valueOf(code);
    const province = provinceCodes.map(valueOf);
    const peers = peerCodes.map(valueOf);
    const hasPeers = peerCodes.length > 0;
    return {
      value,
      province_median: median(province),
      peer_median: hasPeers ? median(peers) : null,
      province_rank: rankAmong(value, province),
      peer_rank: hasPeers ? rankAmong(value, [value, ...peers]) : null,
    };
  };
  return Object.fromEntries(COMMUNE_TILE_IDS.map((id) => [id, standing(id)])) as CommuneStandings;
}

/** Period sums by commune from commune × month cells and the hours by commune. */
export function sumCommuneTotals(
  cells: ReadonlyArray<Omit<CommunePeriodTotals, "volunteer_hours"> & { commune_code: string }>,
  hours: ReadonlyMap<string, number>,
): Map<string, CommunePeriodTotals> {
  const sums = new Map<string, CommunePeriodTotals>();
  const sumOf = (commune: string) => {
    let sum = sums.get(commune);
    if (!sum) {
      sum = { ...NO_ACTIVITY, volunteer_hours: hours.get(commune) ?? 0 };
      sums.set(commune, sum);
    }
    return sum;
  };
  for (const cell of cells) {
    const sum = sumOf(cell.commune_code);
    sum.cases += cell.cases;
    sum.cases_online += cell.cases_online;
    sum.dossiers_total += cell.dossiers_total;
    sum.dossiers_online += cell.dossiers_online;
  }
  for (const commune of hours.keys()) sumOf(commune);
  return sums;
}
