// Small-cell suppression for demographic counts (ethnicity, age band, gender) shown to leader and
// secretary roles, after NHS Digital's disclosure control for HES: 0 stays 0, 1–7 is shown as
// "<8", 8 and above is rounded to the nearest 5. Rounding blunts differencing, so no secondary
// suppression is needed. Totals and rates are computed from raw counts first and rounded after;
// never add up suppressed cells.
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
 * A rate (share, reach index…) from raw counts, or null when the records behind it are too few
 * to publish (fewer than 8 in the denominator).
 */
export function suppressedRate(numerator: number, denominator: number): number | null {
  if (denominator < SMALL_CELL_LIMIT) return null;
  return numerator / denominator;
}

/** Whether a filter selects so few records that a breakdown must not be shown at all. */
export function isTooFewToBreakDown(totalRecords: number): boolean {
  return totalRecords > 0 && totalRecords < SMALL_CELL_LIMIT;
}
