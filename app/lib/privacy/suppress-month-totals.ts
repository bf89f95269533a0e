// Month totals (MonthTotals of app/lib/metrics/kpis.ts) as a page may send them to the browser:
// the overview's and the monthly report's trends carry the month's minority and elderly counts,
// which must be small-cell suppressed for leader and secretary viewers like every other
// demographic count — in the loader's JSON too, which `?_data=` requests read directly.
import { suppressCount, type SuppressedCount } from "./suppress";

/** The demographic counts of a month's totals; privacy sits below metrics, so it names only these. */
interface DemographicCounts {
  cases_minority: number;
  cases_elderly: number;
}

export type ShownMonthTotals<T extends DemographicCounts> = Omit<
  T,
  "cases_minority" | "cases_elderly"
> & {
  cases_minority: SuppressedCount;
  cases_elderly: SuppressedCount;
};

export function showMonthTotals<T extends DemographicCounts>(
  trend: readonly T[],
  suppress: boolean,
): ShownMonthTotals<T>[] {
  if (!suppress) return [...trend];
  return trend.map((month) => ({
    ...month,
    cases_minority: suppressCount(month.cases_minority),
    cases_elderly: suppressCount(month.cases_elderly),
  }));
}
