// Which months are over (issue 12): a month still running must not read as a full one — on 4
// December the December bar is a few days of cases, and set against November it reads as a
// collapse. A month is complete once its last day is over in Vietnam's time; the running month
// is the one today falls in. Pure, with "now" passed in, so the rules are pinned by tests.
import { addMonths } from "./months";

const VIETNAM = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Vietnam, YYYY-MM-DD. */
export function vietnamDate(now: Date): string {
  return VIETNAM.format(now);
}

/** Whether `month` (YYYY-MM) was over by `today` (YYYY-MM-DD). */
export function isMonthComplete(month: string, today: string): boolean {
  return today.slice(0, 7) > month;
}

/**
 * The latest complete month at or before `lastMonth`: `lastMonth` itself unless it is still
 * running (or in the future), then the month before it.
 */
export function lastCompleteMonth(lastMonth: string, today: string): string {
  const running = today.slice(0, 7);
  return lastMonth < running ? lastMonth : addMonths(running, -1);
}
