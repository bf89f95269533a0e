// The value an "int" column holds, checked the same way by the Arrow and Parquet writers: an
// integer, as a bigint for an int64 column, and within 32 bits otherwise (the file would fail).
import type { ExportColumn } from "./dataset";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function intValue(column: ExportColumn, value: string | number): number | bigint {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new TypeError(`${column.name}: not an integer: ${value}`);
  if (column.int64) return BigInt(number);
  if (number < INT32_MIN || number > INT32_MAX) {
    throw new RangeError(`${column.name}: ${value} does not fit a 32-bit column (set int64)`);
  }
  return number;
}
