// Arithmetic on 'YYYY-MM' month keys, the mart's month format. Plain strings compare in
// calendar order, so ranges are simple string comparisons.
export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The month the 2025 commune merger took effect; "since the merger" starts here. */
export const MERGER_MONTH = "2025-07";

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

function toIndex(month: string): number {
  if (!isMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function fromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: string, count: number): string {
  return fromIndex(toIndex(month) + count);
}

/** Number of months from `from` to `to`, both included (0 when `to` is before `from`). */
export function countMonths(from: string, to: string): number {
  return Math.max(0, toIndex(to) - toIndex(from) + 1);
}

/** Every month from `from` to `to`, both included. */
export function listMonths(from: string, to: string): string[] {
  const months: string[] = [];
  for (let index = toIndex(from); index <= toIndex(to); index += 1) months.push(fromIndex(index));
  return months;
}

export function maxMonth(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minMonth(a: string, b: string): string {
  return a <= b ? a : b;
}
