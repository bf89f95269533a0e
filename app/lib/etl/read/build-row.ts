// From one record to a SourceRow: canonical fields only, strings NFC and trimmed, and the row's
// shape checked against the header (a ragged row or an oversized cell is a row problem, never a
// file failure).
import type { HeaderLayout } from "./map-headers";
import { looksLikeName, MASK, maskPersonalValue } from "./pii";
import type { CellValue, RowProblem, SourceRecord, SourceRow } from "./types";

export const MAX_FIELD_CHARS = 4_000;

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function normalizeCell(cell: CellValue | undefined): string | number | Date | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string") return cell.normalize("NFC").trim() || null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell;
  return Number.isFinite(cell) ? cell : null;
}

// A number stays a number, so a replayed row (etl replay) reads exactly what the import read.
function rawText(cell: CellValue | undefined): string | number {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  const text = maskPersonalValue(String(cell).normalize("NFC"));
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text;
}

function raggedProblem(cells: number, width: number): RowProblem {
  const fewer = cells < width;
  return {
    reason_code: "ragged_row",
    column: null,
    message_vi: fewer
      ? `Dòng có ${cells} ô nhưng dòng tiêu đề có ${width} cột; các giá trị có thể bị lệch cột. Kiểm tra dấu phân cách trên dòng này.`
      : `Dòng có dữ liệu ngoài ${width} cột của dòng tiêu đề (${cells} ô); thường do một giá trị chứa dấu phân cách mà không nằm trong dấu ngoặc kép.`,
    message_en: fewer
      ? `The row has ${cells} cells but the header has ${width} columns; values may be shifted. Check the delimiters on this line.`
      : `The row has data beyond the header's ${width} columns (${cells} cells); usually a value containing the delimiter without double quotes around it.`,
  };
}

function tooLongProblem(field: string, header: string, length: number): RowProblem {
  return {
    reason_code: "field_too_long",
    column: field,
    message_vi: `Giá trị ở cột "${header}" dài ${length.toLocaleString("vi-VN")} ký tự, vượt giới hạn ${MAX_FIELD_CHARS.toLocaleString("vi-VN")} ký tự.`,
    message_en: `The value in column "${header}" is ${length.toLocaleString("en-US")} characters long, over the ${MAX_FIELD_CHARS.toLocaleString("en-US")}-character limit.`,
  };
}

/**
 * The row for `record`, or null when all its cells are empty. In a CSV a row with fewer cells
 * than the header is ragged (`shortRowsAreRagged`); in a sheet, trailing empty cells just do not
 * exist. A row with data beyond the header is ragged in both.
 */
export function buildSourceRow(
  record: SourceRecord,
  layout: HeaderLayout,
  options: { shortRowsAreRagged: boolean },
): SourceRow | null {
  const { cells } = record;
  if (cells.every(isEmptyCell)) return null;

  const values: SourceRow["values"] = {};
  let problem: RowProblem | undefined;
  const spill = cells.slice(layout.width).some((c) => !isEmptyCell(c));
  if (spill || (options.shortRowsAreRagged && cells.length < layout.width)) {
    problem = raggedProblem(cells.length, layout.width);
  }

  layout.columns.forEach(({ header, field }, i) => {
    if (field === null) return;
    const value = normalizeCell(cells[i]);
    if (typeof value === "string" && value.length > MAX_FIELD_CHARS) {
      values[field] = null;
      problem ??= tooLongProblem(field, header, value.length);
    } else {
      values[field] = value;
    }
  });
  for (const [field, value] of Object.entries(layout.fromTitle)) values[field] = value;

  // The masked copy is needed only for a rejected row: built when first read (issue 13's profile:
  // ~12 % of an import's JavaScript went to masking the cells of rows that loaded).
  let raw: SourceRow["raw"] | undefined;
  const row = { line: record.line, values, ...(problem ? { problem } : {}) } as SourceRow;
  Object.defineProperty(row, "raw", {
    enumerable: true,
    get: () => (raw ??= maskedCopy(cells, layout)),
  });
  return row;
}

/** Canonical field → the cell as written, masked; a volunteer name never copied. */
function maskedCopy(cells: SourceRecord["cells"], layout: HeaderLayout): SourceRow["raw"] {
  const raw: SourceRow["raw"] = {};
  layout.columns.forEach(({ field }, i) => {
    if (field === null) return;
    const value = normalizeCell(cells[i]);
    // A volunteer column may hold names (it is pseudonymised when parsed): never copied.
    raw[field] =
      field === "volunteer_id" && typeof value === "string" && looksLikeName(value)
        ? MASK
        : rawText(cells[i]);
  });
  for (const [field, value] of Object.entries(layout.fromTitle)) raw[field] = String(value);
  return raw;
}
