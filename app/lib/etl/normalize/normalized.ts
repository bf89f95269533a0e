// What every normalizer takes and returns: one cell in, a typed value or one row issue out.
import type { RowIssue } from "~/lib/etl/reasons";

/** A cell as the file reader yields it: NFC-trimmed text ("" already null), a number or a Date. */
export type CellValue = string | number | Date | null | undefined;

/** A value, possibly with a warning that keeps the row (a checkbox answer counted once). */
export type Normalized<T> =
  { ok: true; value: T; warning?: RowIssue } | { ok: false; error: RowIssue };

export function isBlank(value: CellValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

// Testing first is cheaper than replacing: most cells have no whitespace to collapse.
const UNUSUAL_WHITESPACE = /\s\s|[^\S ]/;

/** Text for an id or name column; numbers keep their digits (Excel turns "0123" into 123). */
export function cellText(value: CellValue): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = String(value).normalize("NFC");
  return (UNUSUAL_WHITESPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim() || null;
}
