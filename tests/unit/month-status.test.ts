// The calendar rule behind every partial-month label (issue 12): a month is complete once its last
// day is over in Vietnam (UTC+7), whatever the server's time zone.
import { describe, expect, it } from "vitest";
import {
  asOfDate,
  buildDataCalendar,
  isMonthComplete,
  lastCompleteMonth,
  lateMonths,
  monthState,
  REPORTING_GRACE_DAYS,
  vietnamDate,
  type MonthReporting,
} from "~/lib/calendar/month-status";

describe("month status", () => {
  it("reads today's date in Vietnam, not in UTC", () => {
    expect(vietnamDate(new Date("2026-11-30T16:59:59Z"))).toBe("2026-11-30");
    expect(vietnamDate(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
  });

  it.each([
    ["the 1st", "2026-12-01"],
    ["the 4th", "2026-12-04"],
    ["the last day", "2026-12-31"],
  ])(
    "on %s of December, December is running and November is the last complete month",
    (_, today) => {
      expect(isMonthComplete("2026-12", today)).toBe(false);
      expect(isMonthComplete("2026-11", today)).toBe(true);
      expect(lastCompleteMonth("2026-12", today)).toBe("2026-11");
    },
  );

  it("keeps a last month that is over, and steps back from one in the future", () => {
    expect(lastCompleteMonth("2026-08", "2026-12-04")).toBe("2026-08");
    expect(lastCompleteMonth("2026-11", "2026-12-01")).toBe("2026-11");
    expect(lastCompleteMonth("2027-01", "2026-12-04")).toBe("2026-11");
    expect(isMonthComplete("2026-12", "2027-01-01")).toBe(true);
  });
});

/** Every month from July to `last` with the same ten communes reporting, then `overrides`. */
function reporting(last: string, overrides: Record<string, string[]> = {}): MonthReporting[] {
  const all = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const months: MonthReporting[] = [];
  for (let month = 7; month <= Number(last.slice(5)); month += 1) {
    const key = `2026-${String(month).padStart(2, "0")}`;
    months.push({ month: key, communes: overrides[key] ?? all });
  }
  return months;
}

const coverage = { first_month: "2026-07", last_month: "2026-12" };

describe("data calendar", () => {
  it("takes the day of the latest import as the as-of date when it is earlier than today", () => {
    expect(asOfDate("2026-12-07", "2026-11-28")).toBe("2026-11-28");
    expect(asOfDate("2026-12-07", "2026-12-07")).toBe("2026-12-07");
    expect(asOfDate("2026-12-07", null)).toBe("2026-12-07");
  });

  it.each([
    ["the 1st", "2026-12-01"],
    ["the 4th", "2026-12-04"],
    ["the last day", "2026-12-31"],
  ])("as of %s of December, December is running and the periods end in November", (_, asOf) => {
    const calendar = buildDataCalendar({
      asOf,
      coverage,
      partialThrough: asOf,
      reporting: reporting("2026-11"),
    });
    expect(calendar).toEqual({
      as_of: asOf,
      running_month: "2026-12",
      partial_through: asOf,
      late_months: [],
      complete_through: "2026-11",
    });
    expect(monthState(calendar, "2026-12")).toBe("running");
    expect(monthState(calendar, "2026-11")).toBe("complete");
  });

  it("reads a month as running when the data was imported before the month ended", () => {
    // Exported on 28 November, read on 7 December: November is not over in this data.
    const calendar = buildDataCalendar({
      asOf: asOfDate("2026-12-07", "2026-11-28"),
      coverage: { first_month: "2026-07", last_month: "2026-11" },
      partialThrough: "2026-11-27",
      reporting: reporting("2026-10"),
    });
    expect(calendar.running_month).toBe("2026-11");
    expect(calendar.complete_through).toBe("2026-10");
  });

  it("marks a month late while communes that always report have sent nothing for it", () => {
    const late = { "2026-11": ["a", "b", "c", "d", "e", "f", "g"] };
    const calendar = buildDataCalendar({
      asOf: "2026-12-04",
      coverage,
      partialThrough: "2026-12-03",
      reporting: reporting("2026-11", late),
    });
    expect(calendar.late_months).toEqual([{ month: "2026-11", missing: 3, expected: 10 }]);
    expect(calendar.complete_through).toBe("2026-10");
    expect(monthState(calendar, "2026-11")).toBe("late");
  });

  it("does not call a month late for a commune that does not report every month", () => {
    // "j" skipped September, so it is not expected in November; "i" is.
    const gaps = {
      "2026-09": ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
      "2026-11": ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    };
    expect(lateMonths(reporting("2026-11", gaps), "2026-12", "2026-12-04")).toEqual([]);
    // Only a, b and c sent data in both September and October; c is missing in November.
    const few = { "2026-09": ["a", "b", "c"], "2026-11": ["a", "b"] };
    expect(lateMonths(reporting("2026-11", few), "2026-12", "2026-12-04")).toEqual([
      { month: "2026-11", missing: 1, expected: 3 },
    ]);
  });

  it("expects a month's reports only within the grace after it ends", () => {
    const late = { "2026-11": ["a", "b"] };
    const on = (asOf: string) => lateMonths(reporting("2026-11", late), "2026-12", asOf);
    expect(on(`2026-12-${String(REPORTING_GRACE_DAYS).padStart(2, "0")}`)).toHaveLength(1);
    // After the 15th a commune still silent is a gap in the data, not a report to come.
    expect(on(`2026-12-${String(REPORTING_GRACE_DAYS + 1).padStart(2, "0")}`)).toEqual([]);
    // Data that stops in November, read in January: November is long over.
    expect(lateMonths(reporting("2026-11", late), null, "2027-01-03")).toEqual([]);
    // A gap further back is not a late report either.
    const middle = { "2026-09": ["a"] };
    expect(lateMonths(reporting("2026-11", middle), "2026-12", "2026-12-04")).toEqual([]);
  });

  it("has no complete month when the data holds only the running one", () => {
    const calendar = buildDataCalendar({
      asOf: "2026-12-04",
      coverage: { first_month: "2026-12", last_month: "2026-12" },
      partialThrough: "2026-12-04",
      reporting: [],
    });
    expect(calendar.complete_through).toBeNull();
    expect(calendar.running_month).toBe("2026-12");
  });
});
