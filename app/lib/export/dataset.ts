// The shape every download is built from: a named table with typed columns, its rows (an array or
// a stream), and the stamp that says which filters, data and batch produced it. Pages and the API
// build one ExportDataset from the same query they render, and export-response.server.ts turns it
// into CSV, XLSX, Arrow IPC, Parquet or JSON.
import type { VectorBatch } from "~/lib/db/copy-binary-vectors";

export const EXPORT_FORMATS = ["csv", "xlsx", "arrow", "parquet", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Column types the writers map to: Arrow/Parquet types, Excel number formats, JSON values. */
export type ExportColumnType = "string" | "int" | "float" | "month" | "date" | "timestamp";

export interface ExportColumn {
  /** Machine name (the documented column name; header of CSV/XLSX, field of Arrow/Parquet). */
  name: string;
  type: ExportColumnType;
  /** Whether the column may hold null (rates without a denominator, unknown ethnicity…). */
  nullable?: boolean;
  /**
   * The header a spreadsheet reader sees instead of the name (XLSX for leaders and secretaries,
   * column-labels.ts); the name stays the machine name everywhere else.
   */
  label?: string;
  /** What the column holds, in English (XLSX "About" sheet, Arrow field metadata, JSON meta). */
  description?: string;
  /**
   * Few distinct values (codes, names, unit types): Arrow writes it dictionary-encoded. Only for
   * "string" columns.
   */
  dictionary?: boolean;
  /**
   * "int" values may exceed 2^31 − 1 (sums over many months): Arrow Int64 / Parquet INT64.
   * Without it an "int" column is 32-bit (PostgreSQL `integer`) and a larger value fails the file.
   */
  int64?: boolean;
}

/**
 * One row, keyed by column name. A "string" column may also hold numbers (a suppressed count is 15
 * or "<8"): CSV, XLSX and JSON write each value as it is, Arrow and Parquet write its text.
 */
export type ExportRow = Record<string, string | number | null>;

export interface ExportStamp {
  /** The dataset's name, e.g. "commune-month" or "commune-procedures". */
  dataset: string;
  /** The filters as applied (resolved period, codes…), in URL-parameter form. */
  filters: Record<string, string | string[]>;
  /** ISO 8601 time of the last mart refresh (the data's as-of time), or null with no data. */
  as_of: string | null;
  last_batch_id: number | null;
  /** ISO 8601 time the file was produced. */
  generated_at: string;
}

/** CSV data lines as the database wrote them (after the header), and how many rows they hold. */
export interface CsvLineChunk {
  bytes: Uint8Array;
  rows: number;
}

/** Rows as columns: `columns[i]` holds the values of column i for `length` rows (ADR 019). */
export interface ColumnBatch {
  length: number;
  columns: (string | number | null)[][];
}

export interface ExportDataset {
  /** The file name without extension, e.g. "cau-noi-so_commune-month_2025-07_2026-06". */
  file_base_name: string;
  columns: readonly ExportColumn[];
  /** Rows in column order keys; a stream for large extracts so memory stays flat. */
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>;
  stamp: ExportStamp;
  /**
   * The CSV file's data lines, formatted by the database exactly as the CSV writer would format
   * `rows` (formula neutralization, quoting, CRLF): a CSV download sends these after the BOM and
   * header instead of formatting rows one by one (ADR 019). Large extracts only.
   */
  csvLines?: AsyncIterable<CsvLineChunk>;
  /**
   * The rows already in columns, a batch at a time: Arrow and Parquet build each batch's vectors
   * from them instead of transposing `rows` (ADR 019). Large extracts only.
   */
  columnBatches?: AsyncIterable<ColumnBatch>;
  /**
   * The rows as columnar buffers laid out as Arrow lays them (no value per cell): the Arrow writer
   * wraps them as they are (ADR 019). The record-level extract on PostgreSQL only.
   */
  vectorBatches?: AsyncIterable<VectorBatch>;
  /**
   * Bounded in size (e.g. communes × months), so the written file may be kept per data version
   * and sent again to the next viewer of the same role asking for the same filters (ADR 010).
   */
  keep?: boolean;
}
