import { describe, expect, it } from "vitest";
import { compareVietnamese, sortByVietnameseName } from "~/lib/format/collation";
import { MISSING_VALUE, getFormatter } from "~/lib/i18n/formatter";
import { formatMetric } from "~/lib/metrics/registry";

const vi = getFormatter("vi");
const en = getFormatter("en");

describe("number formats", () => {
  it("groups thousands the Vietnamese way in vi and the British way in en", () => {
    expect(vi.integer(1234567.4)).toBe("1.234.567");
    expect(en.integer(1234567.4)).toBe("1,234,567");
    expect(vi.decimal(1234.56, 1)).toBe("1.234,6");
    expect(en.decimal(1234.56, 1)).toBe("1,234.6");
  });

  it("prints ratios as percents with a decimal comma in vi", () => {
    expect(vi.percent(0.385, 1)).toBe("38,5%");
    expect(en.percent(0.385, 1)).toBe("38.5%");
    expect(vi.percent(0.714)).toBe("71%");
    // Same decimals for every value of a column: never "70%" next to "69,3%".
    expect(vi.percent(0.7, 1)).toBe("70,0%");
    expect(en.percent(0.693, 1)).toBe("69.3%");
  });

  it("prints a ratio difference as unsigned percentage points", () => {
    expect(vi.percentPoints(-0.041)).toBe("4,1");
    expect(en.percentPoints(0.0415)).toBe("4.2");
  });

  it("shows a dash instead of a number it cannot compute", () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(vi.percent(value)).toBe(MISSING_VALUE);
      expect(en.integer(value)).toBe(MISSING_VALUE);
    }
  });
});

describe("month labels", () => {
  it("names months in each language's style", () => {
    expect(vi.monthShort("2025-07")).toBe("Th7 2025");
    expect(vi.monthLong("2025-07")).toBe("tháng 7/2025");
    expect(vi.monthNumeric("2026-11")).toBe("11/2026");
    expect(vi.monthAbbrev("2026-01")).toBe("T1");
    expect(en.monthShort("2025-07")).toBe("Jul 2025");
    expect(en.monthLong("2025-07")).toBe("July 2025");
    expect(en.monthAbbrev("2026-01")).toBe("Jan");
    expect(en.monthNumeric("2026-09")).toBe("Sep 2026");
  });

  it("refuses something that is not a YYYY-MM month", () => {
    expect(() => vi.monthLong("2025-7")).toThrow(RangeError);
  });
});

describe("timestamps", () => {
  it("shows the time in Vietnam whatever the server's time zone", () => {
    // 10:00 UTC is 17:00 in Asia/Ho_Chi_Minh (UTC+7).
    expect(vi.dateTime("2026-11-30T10:00:00Z")).toBe("17:00 30/11/2026");
    expect(en.dateTime(new Date("2026-11-30T10:00:00Z"))).toBe("30 Nov 2026, 17:00");
    // 20:00 UTC on the 31st is already the next day (and year) in Vietnam.
    expect(vi.dateTime("2026-12-31T20:00:00Z")).toBe("03:00 01/01/2027");
    expect(vi.dateTime(null)).toBe(MISSING_VALUE);
    expect(vi.dateTime("not a date")).toBe(MISSING_VALUE);
  });
});

describe("metric values", () => {
  it("formats each map metric in its registry unit", () => {
    expect(formatMetric("online_uptake", 0.5, vi)).toBe("50,0%");
    expect(formatMetric("cases_per_1000", 12.345, vi)).toBe("12,3");
    expect(formatMetric("volunteer_hours", 1500.4, en)).toBe("1,500");
    expect(formatMetric("assisted_online_share", null, en)).toBe(MISSING_VALUE);
  });
});

describe("Vietnamese collation", () => {
  it("sorts names by the Vietnamese alphabet, not by code point", () => {
    const names = ["Đà Lạt", "Xuân Hương", "Ân Thịnh", "Di Linh", "An Nhơn", "Bảo Lộc", "Ea Tling"];
    expect(sortByVietnameseName(names, (name) => name)).toEqual([
      "An Nhơn",
      "Ân Thịnh",
      "Bảo Lộc",
      "Di Linh",
      "Đà Lạt",
      "Ea Tling",
      "Xuân Hương",
    ]);
    // A code-point sort would put "Đ" (U+0110) after "X".
    expect(compareVietnamese("Đà Lạt", "Xuân Hương")).toBeLessThan(0);
  });
});
