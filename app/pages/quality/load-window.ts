// Which import batches a period selects. Batches have no data month, only the time they were
// loaded, and a month's files usually arrive in the following days: so a period ending at the
// latest complete month (or later) keeps everything loaded since its start, and an earlier period
// ends where it ends.
import type { ResolvedPeriod } from "~/lib/filters/filters";
import { addMonths } from "~/lib/calendar/months";

export interface LoadWindow {
  /** First local month (YYYY-MM) whose loads count. */
  from: string;
  /** First local month (YYYY-MM) no longer counted, or null for "up to now". */
  before: string | null;
}

export function loadWindowOf(
  period: Pick<ResolvedPeriod, "from" | "to">,
  lastCompleteMonth: string,
): LoadWindow {
  return {
    from: period.from,
    before: period.to >= lastCompleteMonth ? null : addMonths(period.to, 1),
  };
}
