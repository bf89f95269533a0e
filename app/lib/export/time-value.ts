// The instant a "date" or "timestamp" column holds, read the same way by the Arrow and Parquet
// writers. Times in this product are Vietnam wall-clock times without a zone (PostgreSQL
// `timestamp`, ADR 020), and Arrow's and Parquet's zone-less timestamps hold a wall-clock time as
// if it were UTC: a text without an offset is therefore read as UTC, never in the server's own
// time zone (Date's default for date-time text), so the file is the same on any server. A number
// is already milliseconds (the record-level extract selects them, ADR 019).

// "2026-01-05T08:30:00" or "2026-01-05 08:30:00.5": a date-time with no zone designator.
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Milliseconds since 1970-01-01 UTC, or NaN when the value is not a date. */
export function timeMillis(value: string | number): number {
  if (typeof value === "number") return value;
  if (ZONELESS_DATE_TIME.test(value)) return Date.parse(`${value.replace(" ", "T")}Z`);
  return new Date(value).getTime();
}
