import { describe, expect, it } from "vitest";
import {
  excelSerialToWallClock,
  formatDateTime,
  normalizeDate,
  normalizeDateTime,
  normalizeMonth,
} from "~/lib/etl/normalize/date-time";

// 2026-03-01 12:00 in Ho Chi Minh City.
const now = new Date("2026-03-01T05:00:00Z");
const opts = { now, column: "assisted_at" };

describe("normalizeDateTime", () => {
  it.each([
    ["2026-02-13", "2026-02-13 00:00:00"],
    ["2026-02-13T08:30", "2026-02-13 08:30:00"],
    ["2026-02-13 08:30:15", "2026-02-13 08:30:15"],
    ["2026-02-13T08:30:15.250", "2026-02-13 08:30:15"],
    ["13/02/2026", "2026-02-13 00:00:00"],
    ["13/02/2026 08:30", "2026-02-13 08:30:00"],
    ["13/02/2026 8:30:05", "2026-02-13 08:30:05"],
    ["3/2/2026", "2026-02-03 00:00:00"],
    ["13-02-2026", "2026-02-13 00:00:00"],
    ["13.02.2026", "2026-02-13 00:00:00"],
    ["2026/02/13", "2026-02-13 00:00:00"],
    ["29/02/2028".replace("2028", "2024"), null],
    ["2026-02-13T01:30:00Z", "2026-02-13 08:30:00"],
    ["2026-02-13T08:30:00+07:00", "2026-02-13 08:30:00"],
    ["2026-02-12T20:00:00-05:00", "2026-02-13 08:00:00"],
    ["2026-02-13T10:30+0900", "2026-02-13 08:30:00"],
    ["2025-12-31T20:00:00Z", "2026-01-01 03:00:00"],
  ])("%s → %s", (input, expected) => {
    const result = normalizeDateTime(input, opts);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it("reads Excel serial numbers in the 1900 system", () => {
    expect(normalizeDateTime(46066, opts)).toEqual({ ok: true, value: "2026-02-13 00:00:00" });
    expect(normalizeDateTime(46066.354166666664, opts)).toEqual({
      ok: true,
      value: "2026-02-13 08:30:00",
    });
    expect(normalizeDateTime("46066.5", opts)).toEqual({ ok: true, value: "2026-02-13 12:00:00" });
    expect(formatDateTime(excelSerialToWallClock(45658)!)).toBe("2025-01-01 00:00:00");
    expect(formatDateTime(excelSerialToWallClock(1)!)).toBe("1900-01-01 00:00:00");
    expect(formatDateTime(excelSerialToWallClock(59)!)).toBe("1900-02-28 00:00:00");
    expect(excelSerialToWallClock(60)).toBeNull();
    expect(formatDateTime(excelSerialToWallClock(61)!)).toBe("1900-03-01 00:00:00");
    expect(excelSerialToWallClock(0)).toBeNull();
  });

  it("reads a JS Date cell's UTC fields as local wall-clock time (exceljs)", () => {
    expect(normalizeDateTime(new Date(Date.UTC(2026, 1, 13, 8, 30)), opts)).toEqual({
      ok: true,
      value: "2026-02-13 08:30:00",
    });
    expect(normalizeDateTime(new Date(Date.UTC(2026, 1, 13, 8, 29, 59, 999)), opts)).toEqual({
      ok: true,
      value: "2026-02-13 08:30:00",
    });
    expect(normalizeDateTime(new Date(Number.NaN), opts)).toMatchObject({ ok: false });
  });

  it.each([
    ["13/02/26", "2026-02-13 00:00:00"],
    ["13/02/26 08:30", "2026-02-13 08:30:00"],
    ["Thứ Sáu, 13/02/2026 08:30", "2026-02-13 08:30:00"],
    ["thứ 6, 13/02/2026", "2026-02-13 00:00:00"],
    ["CN 15/02/2026", "2026-02-15 00:00:00"],
  ])("reads %s (2-digit years, weekday prefixes) as %s", (input, value) => {
    expect(normalizeDateTime(input, opts)).toEqual({ ok: true, value });
  });

  it.each([
    "02/13/2026",
    "13/13/2026",
    "31/04/2026",
    "2026-02-30",
    "02/13/26",
    "hôm qua",
    "13/02/2026 25:00",
    "2026-02-13T08:30:00+7",
  ])("rejects %s as date_invalid (never mm/dd)", (input) => {
    expect(normalizeDateTime(input, opts)).toMatchObject({
      ok: false,
      error: { reason_code: "date_invalid", column: "assisted_at" },
    });
  });

  it("rejects dates after now + 1 day and before 2025", () => {
    expect(normalizeDateTime("02/03/2026 11:59", opts)).toEqual({
      ok: true,
      value: "2026-03-02 11:59:00",
    });
    expect(normalizeDateTime("02/03/2026 12:01", opts)).toMatchObject({
      ok: false,
      error: { reason_code: "date_future" },
    });
    expect(normalizeDateTime("01/01/2025", opts)).toEqual({
      ok: true,
      value: "2025-01-01 00:00:00",
    });
    const old = normalizeDateTime("31/12/2024 23:59", opts);
    expect(old).toMatchObject({ ok: false, error: { reason_code: "date_too_old" } });
    expect(old.ok ? "" : old.error.message_en).toContain("2025-01-01");
  });
});

describe("normalizeDate", () => {
  it("drops the time of day", () => {
    expect(normalizeDate("13/02/2026 08:30", { now, column: "date" })).toEqual({
      ok: true,
      value: "2026-02-13",
    });
    expect(normalizeDate(46066.75, { now, column: "date" })).toEqual({
      ok: true,
      value: "2026-02-13",
    });
  });
});

describe("normalizeMonth", () => {
  const m = (value: string | number | Date) => normalizeMonth(value, { now, column: "month" });
  it.each([
    ["2026-02", "2026-02-01"],
    ["2026/2", "2026-02-01"],
    ["02/2026", "2026-02-01"],
    ["2/2026", "2026-02-01"],
    ["02-2026", "2026-02-01"],
    ["Tháng 2/2026", "2026-02-01"],
    ["tháng 2 năm 2026", "2026-02-01"],
    ["T2/2026", "2026-02-01"],
    ["13/02/2026", "2026-02-01"],
    ["2026-02-13", "2026-02-01"],
  ])("%s → %s", (input, expected) => {
    expect(m(input)).toEqual({ ok: true, value: expected });
  });

  it("reads date cells and serials", () => {
    expect(m(new Date(Date.UTC(2026, 1, 1)))).toEqual({ ok: true, value: "2026-02-01" });
    expect(m(46066)).toEqual({ ok: true, value: "2026-02-01" });
  });

  it.each(["13/2026", "2026-13", "0/2026", "2026", "Q1/2026"])("rejects %s", (input) => {
    expect(m(input)).toMatchObject({
      ok: false,
      error: { reason_code: "month_invalid", column: "month" },
    });
  });

  it("rejects future months and months before 2025", () => {
    expect(m("03/2026")).toEqual({ ok: true, value: "2026-03-01" });
    expect(m("04/2026")).toMatchObject({ ok: false, error: { reason_code: "date_future" } });
    expect(m("12/2024")).toMatchObject({ ok: false, error: { reason_code: "date_too_old" } });
  });
});
