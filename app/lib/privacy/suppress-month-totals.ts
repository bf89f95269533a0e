// Month totals (MonthTotals of app/lib/metrics/kpis.ts) as a page may send them to the browser:
// the overview's and the monthly report's trends carry the month's minority and elderly counts,
// which must be small-cell suppressed for leader and secretary viewers like every other
// demographic count — in the loader's JSON too, which `?_data=` requests read directly.
import type { MonthTotals } from "~/lib/metrics/kpis";
import { suppressCount, type SuppressedCount } from "./suppress";

export type ShownMonthTotals = Omit<MonthTotals, "cases_minority" | "cases_elderly"> & {
  cases_minority: SuppressedCount;
  cases_elderly: SuppressedCount;
};

export function showMonthTotals(
  trend: readonly MonthTotals[],
  suppress: boolean,
): ShownMonthTotals[] {
  if (!suppress) return [...trend];
  return trend.map((month) => ({
    ...month,
    cases_minority: suppressCount(month.cases_minority),
    cases_elderly: suppressCount(month.cases_elderly),
  }));
}
