// What the reader hands the normalizer and the loader: rows keyed by canonical field, in file order.
import type { Delimiter } from "./detect-delimiter";
import type { SkipReason } from "./detect-layout";

export type { SkipReason } from "./detect-layout";

export type CellValue = string | number | Date | null;

/** One record as the file holds it, before headers are applied. */
export interface SourceRecord {
  /** 1-based file line where the record starts (CSV) or the sheet's row number (XLSX). */
  line: number;
  cells: CellValue[];
}

export type RowProblemCode = "ragged_row" | "field_too_long";

export interface RowProblem {
  reason_code: RowProblemCode;
  /** The canonical field concerned, or null when the problem is the row's shape. */
  column: string | null;
  message_vi: string;
  message_en: string;
}

export interface SourceRow {
  /** 1-based file line (CSV) or sheet row (XLSX). */
  line: number;
  /** Canonical field → cell; strings NFC-normalized and trimmed; "" → null. */
  values: Partial<Record<string, string | number | Date | null>>;
  /**
   * Canonical field → original text (NFC, masked with maskPersonalValue) or number, for the
   * rejected-row copy that `etl replay` parses again.
   */
  raw: Record<string, string | number>;
  problem?: RowProblem;
  /** Not a record (a totals row, the signature block): counted, never stored; values are empty. */
  skip?: SkipReason;
}

export interface SourceColumn {
  header: string;
  field: string | null;
}

export interface DroppedColumn {
  name: string;
  personalData: boolean;
}

export interface OpenedSource {
  format: "csv" | "xlsx";
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "xlsx";
  delimiter: Delimiter | null;
  /** In file order. */
  columns: SourceColumn[];
  droppedColumns: DroppedColumn[];
  missingOptional: string[];
  /** The sheet row (or file line) where the header starts. */
  headerLine: number;
  /** Text of the rows above the header: a report's title may give the month or the unit. */
  titles: string[];
  /** Fields no column holds that the title gives for every row ("THÁNG 08/2025" → month). */
  fromTitle: Record<string, string | number>;
  /** Streamed: each iteration reads the file afresh, and memory does not grow with its size. */
  rows: AsyncIterable<SourceRow>;
}
