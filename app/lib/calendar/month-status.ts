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

/**
 * The data's as-of date: today, or the day of the latest import of activity data when that is
 * earlier — a file exported on 28 November leaves November partial even when it is read in
 * December.
 */
export function asOfDate(today: string, lastImportDay: string | null): string {
  return lastImportDay !== null && lastImportDay < today ? lastImportDay : today;
}

/** A month the data covers, as a reader must take it. */
export type MonthState = "complete" | "running" | "late";

/** A month that is over, but for which communes that report every month have sent nothing yet. */
export interface LateMonth {
  month: string;
  /** Communes that sent data in each of the two months before and nothing in this one. */
  missing: number;
  /** Communes that sent data in each of the two months before. */
  expected: number;
}

/** Which communes sent anything (records or shifts) in a month. */
export interface MonthReporting {
  month: string;
  communes: readonly string[];
}

/** How far the covered months can be trusted on the as-of date (issue 12; ADR 020). */
export interface DataCalendar {
  as_of: string;
  /** The covered month the as-of date falls in, or null when the data stops before it. */
  running_month: string | null;
  /** Last day with data in the running month (YYYY-MM-DD), null without one. */
  partial_through: string | null;
  /** The late month at the end of the data, if any (a list of at most one). */
  late_months: LateMonth[];
  /** The latest covered month that is neither running nor late; null when there is none. */
  complete_through: string | null;
}

/**
 * Days after a month ends within which its reports are still expected (a commune sends its month
 * by the 15th). Within them a month whose regular reporters have not all sent data is late; after
 * them a silent commune is a gap the quality page shows, not a report still to come.
 */
export const REPORTING_GRACE_DAYS = 15;

/**
 * The late month, if any, as a list of at most one: the month before the as-of date's month, while
 * the as-of date is within its reporting grace and some commune that sent data in each of the two
 * months before it has sent nothing for it. `reporting` lists covered months in order, oldest
 * first; months at or after `runningMonth` are not over and not looked at.
 */
export function lateMonths(
  reporting: readonly MonthReporting[],
  runningMonth: string | null,
  asOf: string,
): LateMonth[] {
  const over = reporting.filter((row) => runningMonth === null || row.month < runningMonth);
  const index = over.length - 1;
  const candidate = over[index];
  if (!candidate || index < 2) return [];
  const withinGrace =
    asOf.slice(0, 7) === addMonths(candidate.month, 1) &&
    Number(asOf.slice(8, 10)) <= REPORTING_GRACE_DAYS;
  if (!withinGrace) return [];
  const sent = new Set(candidate.communes);
  const before = new Set(over[index - 1]!.communes);
  const regular = over[index - 2]!.communes.filter((code) => before.has(code));
  const missing = regular.filter((code) => !sent.has(code)).length;
  return missing > 0 ? [{ month: candidate.month, missing, expected: regular.length }] : [];
}

export function buildDataCalendar(input: {
  asOf: string;
  coverage: { first_month: string; last_month: string };
  partialThrough: string | null;
  reporting: readonly MonthReporting[];
}): DataCalendar {
  const { asOf, coverage } = input;
  const asOfMonth = asOf.slice(0, 7);
  const running =
    asOfMonth >= coverage.first_month && asOfMonth <= coverage.last_month ? asOfMonth : null;
  const late = lateMonths(input.reporting, running, asOf);
  const lastOver = lastCompleteMonth(coverage.last_month, asOf);
  const beforeLate = late[0] ? addMonths(late[0].month, -1) : lastOver;
  const completeThrough = beforeLate < lastOver ? beforeLate : lastOver;
  return {
    as_of: asOf,
    running_month: running,
    partial_through: running ? input.partialThrough : null,
    late_months: late,
    complete_through: completeThrough >= coverage.first_month ? completeThrough : null,
  };
}

/** The state of a covered month under `calendar`. */
export function monthState(calendar: DataCalendar, month: string): MonthState {
  if (calendar.running_month !== null && month >= calendar.running_month) return "running";
  if (calendar.late_months.some((late) => late.month === month)) return "late";
  return "complete";
}
