// Peer communes: units of the same type whose population is closest on a log scale, so a ward of
// 20,000 is compared with wards of 15,000–27,000 rather than with the province's largest. Pure,
// so the page, its downloads and the unit tests apply one rule.
import type { UnitType } from "~/lib/db/types";
import { compareVietnamese } from "~/lib/format/collation";

/** How many peers a commune is compared with. */
export const PEER_COUNT = 8;

export interface PeerCandidate {
  code: string;
  name: string;
  unit_type: UnitType;
  population: number | null;
  /** False when the reference population is flagged suspect or missing: never used. */
  population_ok: boolean;
}

export interface PeerCommune {
  code: string;
  name: string;
  population: number;
  /** |ln(peer population) − ln(own population)|: 0.1 ≈ 10 % larger or smaller. */
  distance: number;
}

/**
 * The `count` communes nearest to `target` by |log(population)| among those of the same unit type
 * with a usable population, nearest first (ties in Vietnamese name order). Empty when the target's
 * own population is unusable: "similar population" then has no meaning.
 */
export function selectPeerCommunes(
  target: PeerCandidate,
  candidates: readonly PeerCandidate[],
  count: number = PEER_COUNT,
): PeerCommune[] {
  if (!target.population_ok || target.population === null || target.population <= 0) return [];
  const own = Math.log(target.population);
  return candidates
    .filter(
      (candidate) =>
        candidate.code !== target.code &&
        candidate.unit_type === target.unit_type &&
        candidate.population_ok &&
        candidate.population !== null &&
        candidate.population > 0,
    )
    .map((candidate) => ({
      code: candidate.code,
      name: candidate.name,
      population: candidate.population!,
      distance: Math.abs(Math.log(candidate.population!) - own),
    }))
    .sort((a, b) => a.distance - b.distance || compareVietnamese(a.name, b.name))
    .slice(0, count);
}

/** The median of the values, or null for none (nulls are left out, not counted as zero). */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}
