// Disclosure control on the whole view (issue 12, item 2; ADR 009): from every number a viewer
// receives for one view — the page's JSON and its downloads together — can a demographic count
// of 1–7 be worked out? Three rules an attacker would use, each with the worst case that the
// exact totals are known (they are: case counts are published unsuppressed):
// - share × total: a group's share of cases times the cases;
// - rate × denominator: a reach index times the population share times the cases;
// - total − visible parts: a partition's total minus its other parts, with each shown part read
//   as the interval of raw counts it may stand for ("<8" → 1–7, 10 → 8–12, 0 → 0).
// A derived value is a leak when it pins a count to one integer from 1 to 7.
import { SMALL_CELL_LIMIT, SUPPRESSED_LABEL } from "~/lib/privacy/suppress";

export type ShownCount = number | typeof SUPPRESSED_LABEL;

/** A published share of an exactly known total. */
export interface ShareFact {
  where: string;
  share: number | null;
  total: number;
}

/** A published rate whose product with a published base share and the total is a count. */
export interface RateFact {
  where: string;
  rate: number | null;
  base: number | null;
  total: number;
}

/** Shown parts that add up to an exactly known total. */
export interface PartitionFact {
  where: string;
  total: number;
  parts: ShownCount[];
}

export interface ViewFacts {
  shares: ShareFact[];
  rates: RateFact[];
  partitions: PartitionFact[];
}

export interface Leak {
  where: string;
  rule: "share × total" | "rate × denominator" | "total − visible parts";
  derived: number;
}

export const noFacts = (): ViewFacts => ({ shares: [], rates: [], partitions: [] });

export function mergeFacts(...all: ViewFacts[]): ViewFacts {
  return {
    shares: all.flatMap((facts) => facts.shares),
    rates: all.flatMap((facts) => facts.rates),
    partitions: all.flatMap((facts) => facts.partitions),
  };
}

/** The raw counts a shown count may stand for, as [low, high]. */
export function rawInterval(shown: ShownCount): [number, number] {
  if (shown === SUPPRESSED_LABEL) return [1, SMALL_CELL_LIMIT - 1];
  if (shown === 0) return [0, 0];
  return [Math.max(SMALL_CELL_LIMIT, shown - 2), shown + 2];
}

function smallInteger(value: number): number | null {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-6 && nearest >= 1 && nearest < SMALL_CELL_LIMIT
    ? nearest
    : null;
}

export function findLeaks(facts: ViewFacts): Leak[] {
  const leaks: Leak[] = [];
  for (const fact of facts.shares) {
    if (fact.share === null) continue;
    const derived = smallInteger(fact.share * fact.total);
    if (derived !== null) leaks.push({ where: fact.where, rule: "share × total", derived });
  }
  for (const fact of facts.rates) {
    if (fact.rate === null || fact.base === null) continue;
    const derived = smallInteger(fact.rate * fact.base * fact.total);
    if (derived !== null) leaks.push({ where: fact.where, rule: "rate × denominator", derived });
  }
  for (const fact of facts.partitions) {
    const intervals = fact.parts.map(rawInterval);
    fact.parts.forEach((_, index) => {
      const others = intervals.filter((__, other) => other !== index);
      const low = fact.total - others.reduce((sum, [, high]) => sum + high, 0);
      const high = fact.total - others.reduce((sum, [lowest]) => sum + lowest, 0);
      if (low === high && smallInteger(low) !== null) {
        leaks.push({
          where: `${fact.where}[${index}]`,
          rule: "total − visible parts",
          derived: low,
        });
      }
    });
  }
  return leaks;
}

// ---- Where the shares, rates and partitions sit in what the routes answer ----

type Json = Record<string, unknown>;
const asNumber = (value: unknown): number | null => {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && value !== SUPPRESSED_LABEL) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
};
const asShown = (value: unknown): ShownCount =>
  value === SUPPRESSED_LABEL ? SUPPRESSED_LABEL : (asNumber(value) ?? 0);
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Facts of a commune page's reach section; `total` is the period's exact case count. */
export function communePageFacts(data: unknown, total: number): ViewFacts {
  const reach = (data as { reach?: Json } | null)?.reach;
  if (!reach || reach.too_few === true) return noFacts();
  return reachRowsFacts(
    "commune page",
    [
      ...list(reach.rows).map((row) => ({ breakdown: "reach", ...row })),
      ...list(reach.ethnic_groups).map((row) => ({ breakdown: "ethnic_group", ...row })),
      ...list(reach.age_bands).map((row) => ({ breakdown: "age_band", ...row })),
    ],
    total,
  );
}

/** Facts of the commune reach download (one row per group, ethnic group and age band). */
export function reachRowsFacts(label: string, rows: readonly Json[], total: number): ViewFacts {
  const facts = noFacts();
  rows.forEach((row, index) => {
    const where = `${label} ${String(row.breakdown)}[${index}]`;
    facts.shares.push({ where, share: asNumber(row.share_helped), total });
    facts.rates.push({
      where,
      rate: asNumber(row.reach_index),
      base: asNumber(row.population_share),
      total,
    });
  });
  for (const breakdown of ["ethnic_group", "age_band"]) {
    const parts = rows
      .filter((row) => row.breakdown === breakdown)
      .map((row) => asShown(row.cases));
    if (parts.length > 0) facts.partitions.push({ where: `${label} ${breakdown}`, total, parts });
  }
  return facts;
}

/** Facts of rows that carry their exact `cases` beside demographic shares (compare, API). */
export function sharesBesideCases(
  label: string,
  rows: readonly Json[],
  shareFields: readonly string[],
): ViewFacts {
  const facts = noFacts();
  rows.forEach((row, index) => {
    const total = asNumber(row.cases);
    if (total === null) return;
    for (const field of shareFields) {
      facts.shares.push({
        where: `${label}[${index}].${field}`,
        share: asNumber(row[field]),
        total,
      });
    }
  });
  return facts;
}

/** Facts of the overview's KPI tiles (this period's and the previous one's). */
export function overviewFacts(data: unknown): ViewFacts {
  const page = data as { kpis?: Json | null; previous_kpis?: Json | null } | null;
  const rows = [page?.kpis, page?.previous_kpis].filter((row): row is Json => !!row);
  return sharesBesideCases("overview kpis", rows, ["minority_reach", "elderly_reach"]);
}

/** Facts of the monthly report's KPI table: each column's reach shares against its case count. */
export function reportFacts(data: unknown): ViewFacts {
  const rows = list((data as { report?: { kpis?: unknown } } | null)?.report?.kpis);
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  const cases = byId.get("cases");
  if (!cases) return noFacts();
  const facts = noFacts();
  for (const column of ["value", "previous", "year_ago", "province"]) {
    const total = asNumber(cases[column]);
    if (total === null) continue;
    for (const id of ["minority_reach", "elderly_reach"]) {
      const share = asNumber(byId.get(id)?.[column]);
      facts.shares.push({ where: `report kpis ${id}.${column}`, share, total });
    }
  }
  return facts;
}
