// Counts, minutes, hours and years. Vietnamese files write thousands with a point ("1.234"),
// English ones with a comma ("1,234"); a count is never fractional, so both read as 1234.
import { makeIssue } from "~/lib/etl/reasons";
import type { CellValue, Normalized } from "./normalized";

const MAX_INT = 2_147_483_647;
const SPACES = /[\s\u00a0\u202f]/g;
const GROUPED = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;

/** A whole number ≥ 0, or null. */
export function readCount(value: CellValue): number | null {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= MAX_INT ? value : null;
  }
  if (typeof value !== "string") return null;
  const text = value.replace(SPACES, "");
  const digits = /^\d+$/.test(text) ? text : GROUPED.test(text) ? text.replace(/[.,]/g, "") : null;
  if (digits === null) return null;
  const n = Number(digits);
  return n <= MAX_INT ? n : null;
}

export function normalizeCount(value: CellValue, column: string): Normalized<number> {
  const n = readCount(value);
  return n === null
    ? { ok: false, error: makeIssue("integer_invalid", column, { value }) }
    : { ok: true, value: n };
}

/** A decimal number with a point or a comma ("1,5" and "1.5" are 1.5), or null. */
export function readDecimal(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.replace(SPACES, "");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

const MINUTES_SUFFIX = /\s*(?:phút|ph|p|min|mins|minutes)$/iu;

/** Minutes spent helping: a whole number from 1 to 480. */
export function normalizeMinutes(value: CellValue, column: string): Normalized<number> {
  const text = typeof value === "string" ? value.replace(MINUTES_SUFFIX, "") : value;
  // Minutes are a count: "1.000" is a thousand (out of range), as in every count, never 1.
  const grouped = typeof text === "string" && GROUPED.test(text.replace(SPACES, ""));
  const n = grouped ? readCount(text) : readDecimal(text ?? null);
  if (n === null) return { ok: false, error: makeIssue("integer_invalid", column, { value }) };
  if (!Number.isInteger(n) || n < 1 || n > 480) {
    return { ok: false, error: makeIssue("minutes_out_of_range", column, { value }) };
  }
  return { ok: true, value: n };
}

const HOURS_SUFFIX = /\s*(?:giờ|gio|h|hours?)$/iu;

/** Hours of a shift: more than 0, at most 24, kept to two decimals (the column is numeric(5,2)). */
// "4 tiếng", "3h30", "2 giờ 30 phút", "1,5 giờ": hours, then perhaps minutes.
const HOURS_AND_MINUTES =
  /^(\d{1,2})\s*(?:giờ|gio|h|tiếng|tieng)\s*(\d{1,2})\s*(?:phút|phut|ph|p)?$/iu;

export function normalizeHours(value: CellValue, column: string): Normalized<number> {
  const compound = typeof value === "string" ? HOURS_AND_MINUTES.exec(value.trim()) : null;
  const text =
    typeof value === "string"
      ? value
          .trim()
          .replace(HOURS_SUFFIX, "")
          .replace(/\s*(?:tiếng|tieng)$/iu, "")
      : value;
  const n = compound ? Number(compound[1]) + Number(compound[2]) / 60 : readDecimal(text ?? null);
  if (n === null) return { ok: false, error: makeIssue("number_invalid", column, { value }) };
  const hours = Math.round(n * 100) / 100;
  if (!(hours > 0 && hours <= 24)) {
    return { ok: false, error: makeIssue("hours_out_of_range", column, { value }) };
  }
  return { ok: true, value: hours };
}

/** A calendar year within [min, max]; a date cell gives its year. */
export function normalizeYear(
  value: CellValue,
  column: string,
  range: { min: number; max: number },
): Normalized<number> {
  const n = value instanceof Date ? value.getUTCFullYear() : readCount(value);
  if (n === null || n < range.min || n > range.max) {
    return { ok: false, error: makeIssue("year_invalid", column, { value, ...range }) };
  }
  return { ok: true, value: n };
}
