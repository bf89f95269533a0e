// Dates and date-times as Vietnamese offices write them, always day-first, to local wall-clock
// time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
//
// Assumptions:
// - A JS Date cell comes from exceljs, which encodes the cell's wall-clock value as if it were UTC
//   (a cell showing 13/02/2026 08:30 arrives as 2026-02-13T08:30:00Z). Its UTC fields are
//   therefore read as local time, never shifted.
// - A number is an Excel serial date in the 1900 date system, including Excel's fictitious
//   1900-02-29 (serial 60), which is rejected.
// - Text with an explicit offset or Z is an instant and is converted to UTC+7; text without one
//   is already local time.
import { makeIssue } from "~/lib/etl/reasons";
import type { CellValue, Normalized } from "./normalized";

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
export const MIN_DATE = "2025-01-01";

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[T ,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[T ,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const DMY_SHORT_YEAR =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?:[T ,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;
const WEEKDAY = /^(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,:-]?\s*/iu;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function fromUtcFields(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validWallClock(w: WallClock): WallClock | null {
  const ok =
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 59;
  return ok ? w : null;
}

/** Excel 1900 date system; serial 60 is the non-existent 1900-02-29. */
export function excelSerialToWallClock(serial: number): WallClock | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const days = Math.floor(serial);
  if (days === 60) return null;
  // Serials before the fictitious leap day count from 1899-12-31, later ones from 1899-12-30.
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const seconds = Math.round((serial - days) * 86_400);
  return fromUtcFields(epoch + days * DAY_MS + seconds * 1000);
}

function parseOffsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return Number.NaN;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

function fromFields(parts: (string | undefined)[], offset?: string): WallClock | null {
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? 0));
  const w = validWallClock({
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  });
  if (!w || !offset) return w;
  const offsetMinutes = parseOffsetMinutes(offset);
  if (Number.isNaN(offsetMinutes)) return null;
  const utc =
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - offsetMinutes * 60_000;
  return fromUtcFields(utc + LOCAL_OFFSET_MS);
}

/** Reads a cell as local wall-clock time, or null if it is not a date (mm/dd is not a date). */
export function readWallClock(value: CellValue): WallClock | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : fromUtcFields(Math.round(ms / 1000) * 1000);
  }
  if (typeof value === "number") return excelSerialToWallClock(value);
  // "Thứ Năm, 09/10/2025", "CN 12/10/2025": the weekday adds nothing to the date.
  const text = value.normalize("NFC").trim().replace(WEEKDAY, "");
  const iso = ISO.exec(text);
  if (iso) return fromFields(iso.slice(1, 7), iso[7]);
  const ymd = YMD_SLASH.exec(text);
  if (ymd) return fromFields(ymd.slice(1, 7));
  const dmy = DMY.exec(text);
  if (dmy) return fromFields([dmy[4], dmy[3], dmy[1], dmy[5], dmy[6], dmy[7]]);
  // Two-digit years are this century's: "09/10/25" is 9 October 2025.
  const short = DMY_SHORT_YEAR.exec(text);
  if (short) return fromFields([`20${short[4]}`, short[3], short[1], short[5], short[6], short[7]]);
  if (SERIAL_TEXT.test(text)) return excelSerialToWallClock(Number(text));
  return null;
}

export function formatDate(w: WallClock): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

export function formatDateTime(w: WallClock): string {
  return `${formatDate(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

let latest = { now: Number.NaN, value: "" };
/** now + 1 day in local wall-clock time: the latest date a row may carry. */
function latestAllowed(now: Date): string {
  if (latest.now !== now.getTime()) {
    const value = formatDateTime(fromUtcFields(now.getTime() + LOCAL_OFFSET_MS + DAY_MS));
    latest = { now: now.getTime(), value };
  }
  return latest.value;
}

interface RangeOptions {
  now: Date;
  column: string;
  min?: string;
}

function checkRange(
  value: CellValue,
  normalized: string,
  options: RangeOptions,
): Normalized<string> {
  const min = options.min ?? MIN_DATE;
  if (normalized > latestAllowed(options.now)) {
    return { ok: false, error: makeIssue("date_future", options.column, { value, normalized }) };
  }
  if (normalized < min) {
    return {
      ok: false,
      error: makeIssue("date_too_old", options.column, { value, normalized, min }),
    };
  }
  return { ok: true, value: normalized };
}

/** → 'YYYY-MM-DD HH:MM:SS', local time, within [min, now + 1 day]. */
export function normalizeDateTime(value: CellValue, options: RangeOptions): Normalized<string> {
  const w = readWallClock(value);
  if (!w) return { ok: false, error: makeIssue("date_invalid", options.column, { value }) };
  return checkRange(value, formatDateTime(w), options);
}

/** → 'YYYY-MM-DD'; a time of day in the cell is ignored. */
export function normalizeDate(value: CellValue, options: RangeOptions): Normalized<string> {
  const w = readWallClock(value);
  if (!w) return { ok: false, error: makeIssue("date_invalid", options.column, { value }) };
  return checkRange(value, formatDate(w), options);
}

const MONTH_YM = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_MY =
  /^(?:tháng|thang|th\.?|t)?\s*(\d{1,2})\s*(?:[-/.]|\s+năm\s+|\s+nam\s+)\s*(\d{4})$/iu;

/** A month as 'YYYY-MM-01': YYYY-MM, MM/YYYY, M/YYYY, "Tháng 7/2025", or any date in it. */
export function normalizeMonth(value: CellValue, options: RangeOptions): Normalized<string> {
  let year: number | null = null;
  let month: number | null = null;
  if (typeof value === "string") {
    const text = value.normalize("NFC").trim();
    const ym = MONTH_YM.exec(text);
    const my = ym ? null : MONTH_MY.exec(text);
    if (ym) [year, month] = [Number(ym[1]), Number(ym[2])];
    else if (my) [year, month] = [Number(my[2]), Number(my[1])];
  }
  if (year === null) {
    const w = readWallClock(value);
    if (w) [year, month] = [w.year, w.month];
  }
  if (year === null || month === null || month < 1 || month > 12) {
    return { ok: false, error: makeIssue("month_invalid", options.column, { value }) };
  }
  return checkRange(value, `${pad(year, 4)}-${pad(month)}-01`, {
    ...options,
    min: (options.min ?? MIN_DATE).slice(0, 8) + "01",
  });
}
