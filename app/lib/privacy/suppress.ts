// Small-cell suppression for demographic counts (ethnicity, age band, gender) shown to leader and
// secretary roles, after NHS Digital's disclosure control for HES: 0 stays 0, 1–7 is shown as
// "<8", 8 and above is rounded to the nearest 5. Rounding blunts differencing of counts. A share or
// rate of such a count is published beside exact totals, so it is computed from the count as
// shown, never from the raw one: share × total then gives back only what is already shown, and a
// "<8" count has no share at all (secondary suppression; ADR 009). Never add up suppressed cells.
export const SMALL_CELL_LIMIT = 8;
export const SUPPRESSED_LABEL = "<8";

/** A count as it may be shown: a number (0 or a multiple of 5) or the "<8" marker. */
export type SuppressedCount = number | typeof SUPPRESSED_LABEL;

export function suppressCount(count: number): SuppressedCount {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  if (count === 0) return 0;
  if (count < SMALL_CELL_LIMIT) return SUPPRESSED_LABEL;
  return Math.round(count / 5) * 5;
}

/**
 * A share of a demographic count in an exact total, safe to publish beside both: null when the
 * total is under 8 records or the count is shown as "<8" (else share × total would recover it),
 * otherwise the shown (rounded) count over the total, at most 100 %.
 */
export function suppressedRate(count: number, total: number): number | null {
  if (total < SMALL_CELL_LIMIT) return null;
  const shown = suppressCount(count);
  if (shown === SUPPRESSED_LABEL) return null;
  return Math.min(shown, total) / total;
}

/** A demographic count's share of `total`: raw for roles that see raw counts, else suppressedRate. */
export function shareOfTotal(count: number, total: number, suppress: boolean): number | null {
  if (suppress) return suppressedRate(count, total);
  return total > 0 ? count / total : null;
}

/** Whether a filter selects so few records that a breakdown must not be shown at all. */
export function isTooFewToBreakDown(totalRecords: number): boolean {
  return totalRecords > 0 && totalRecords < SMALL_CELL_LIMIT;
}
