// The calendar rule behind every partial-month label (issue 12): a month is complete once its last
// day is over in Vietnam (UTC+7), whatever the server's time zone.
import { describe, expect, it } from "vitest";
import { isMonthComplete, lastCompleteMonth, vietnamDate } from "~/lib/calendar/month-status";

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
