import { describe, expect, it } from "vitest";
import {
  normalizeCount,
  normalizeHours,
  normalizeMinutes,
  normalizeYear,
} from "~/lib/etl/normalize/numbers";
import { normalizeTimeOfDay } from "~/lib/etl/normalize/time-of-day";

describe("normalizeCount", () => {
  it.each([
    ["1234", 1234],
    ["1.234", 1234],
    ["1,234", 1234],
    ["1 234", 1234],
    ["12.345.678", 12345678],
    ["0", 0],
    [1234, 1234],
  ] as const)("%j → %i", (input, expected) => {
    expect(normalizeCount(input, "received_total")).toEqual({ ok: true, value: expected });
  });

  it.each(["1.5", "1,5", "-3", "1.23", "1.234,5", "abc", 1.5, -1])("rejects %j", (input) => {
    expect(normalizeCount(input, "received_total")).toMatchObject({
      ok: false,
      error: { reason_code: "integer_invalid", column: "received_total" },
    });
  });
});

describe("normalizeMinutes", () => {
  it.each([
    ["15", 15],
    [15, 15],
    ["1", 1],
    ["480", 480],
    ["20 phút", 20],
  ] as const)("%j → %i", (input, expected) => {
    expect(normalizeMinutes(input, "minutes")).toEqual({ ok: true, value: expected });
  });

  it.each(["0", "481", 0, 500, "-5", "12.5"])("%j is minutes_out_of_range", (input) => {
    expect(normalizeMinutes(input, "minutes")).toMatchObject({
      ok: false,
      error: { reason_code: "minutes_out_of_range" },
    });
  });

  it("rejects text as integer_invalid", () => {
    expect(normalizeMinutes("mười lăm", "minutes")).toMatchObject({
      ok: false,
      error: { reason_code: "integer_invalid" },
    });
  });
});

describe("normalizeHours", () => {
  it.each([
    ["4", 4],
    ["3,5", 3.5],
    ["3.5", 3.5],
    [2.333333, 2.33],
    ["24", 24],
    ["4 giờ", 4],
    ["4h", 4],
    ["4 tiếng", 4],
    ["3h30", 3.5],
    ["2 giờ 30 phút", 2.5],
    ["1 giờ 20", 1.33],
  ] as const)("%j → %d", (input, expected) => {
    expect(normalizeHours(input, "hours")).toEqual({ ok: true, value: expected });
  });

  it.each(["0", "25", "-1", 0])("%j is hours_out_of_range", (input) => {
    expect(normalizeHours(input, "hours")).toMatchObject({
      ok: false,
      error: { reason_code: "hours_out_of_range" },
    });
  });

  it("rejects text as number_invalid", () => {
    expect(normalizeHours("cả ngày", "hours")).toMatchObject({
      ok: false,
      error: { reason_code: "number_invalid" },
    });
  });
});

describe("normalizeYear", () => {
  it("accepts a year within the range, from text, number or date", () => {
    expect(normalizeYear("2025", "year", { min: 2000, max: 2027 })).toEqual({
      ok: true,
      value: 2025,
    });
    expect(normalizeYear(2025, "year", { min: 2000, max: 2027 })).toEqual({
      ok: true,
      value: 2025,
    });
    expect(normalizeYear(new Date(Date.UTC(2025, 0, 1)), "year", { min: 2000, max: 2027 })).toEqual(
      {
        ok: true,
        value: 2025,
      },
    );
    expect(normalizeYear("1999", "year", { min: 2000, max: 2027 })).toMatchObject({
      ok: false,
      error: { reason_code: "year_invalid" },
    });
  });
});

describe("normalizeTimeOfDay", () => {
  it.each([
    ["08:30", "08:30:00", 30600],
    ["8:30", "08:30:00", 30600],
    ["8h30", "08:30:00", 30600],
    ["08h30", "08:30:00", 30600],
    ["8h", "08:00:00", 28800],
    ["7 giờ 30", "07:30:00", 27000],
    ["14 giờ", "14:00:00", 50400],
    ["7 giờ 30 phút", "07:30:00", 27000],
    ["7.30", "07:30:00", 27000],
    ["1:30 CH", "13:30:00", 48600],
    ["7:00 SA", "07:00:00", 25200],
    ["12:00 CH", "12:00:00", 43200],
    ["12:15 SA", "00:15:00", 900],
    ["5 giờ chiều", "17:00:00", 61200],
    ["17:45:10", "17:45:10", 63910],
    ["0:00", "00:00:00", 0],
    [0.5, "12:00:00", 43200],
    [0.3541666666666667, "08:30:00", 30600],
  ] as const)("%j → %s", (input, text, seconds) => {
    expect(normalizeTimeOfDay(input, "start")).toEqual({ ok: true, value: { seconds, text } });
  });

  it("reads an exceljs time cell (a Date on 1899-12-30, UTC fields)", () => {
    expect(normalizeTimeOfDay(new Date(Date.UTC(1899, 11, 30, 13, 15)), "end")).toEqual({
      ok: true,
      value: { seconds: 47700, text: "13:15:00" },
    });
  });

  it.each(["24:00", "8:60", "8.3", "sáng", 1.2, "830", "13:00 CH", "0:30 SA"])(
    "rejects %j",
    (input) => {
      expect(normalizeTimeOfDay(input, "start")).toMatchObject({
        ok: false,
        error: { reason_code: "time_invalid", column: "start" },
      });
    },
  );
});
