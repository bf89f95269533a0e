// XLSX records streamed with exceljs's WorkbookReader: one sheet (the first visible one unless a
// name is given), one record per sheet row, cells typed as Excel holds them (a date cell is a
// Date, a date computed by a formula its serial number).
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import {
  emptyFileError,
  FileRejectedError,
  malformedXlsxError,
  sheetNotFoundError,
} from "./file-errors";
import type { CellValue, SourceRecord } from "./types";
import { assertXlsxWithinLimits } from "./zip-limits.server";

interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

interface SheetEntry {
  name: string;
  state?: string;
}

const READER_OPTIONS = {
  worksheets: "emit",
  sharedStrings: "cache",
  // Styles carry the number formats that tell a date cell from a number.
  styles: "cache",
  hyperlinks: "ignore",
  entries: "ignore",
} as const;

/** A cell as the reader passes it on: formulas by their result, rich text as plain text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return toCellValue(value.result);
  if ("text" in value) return toCellValue(value.text);
  return null;
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  // values[0] is unused (columns count from 1) and empty cells are holes.
  return Array.from(values.slice(1), (v) => toCellValue(v));
}

const sheetKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

function workbookSheets(reader: ExcelJS.stream.xlsx.WorkbookReader): SheetEntry[] {
  const model = (reader as unknown as { model?: { sheets?: SheetEntry[] } }).model;
  return model?.sheets?.filter((s): s is SheetEntry => Boolean(s)) ?? [];
}

function pickSheet(
  sheets: readonly SheetEntry[],
  requested: string | undefined,
): string | undefined {
  if (requested !== undefined)
    return sheets.find((s) => sheetKey(s.name) === sheetKey(requested))?.name;
  return (sheets.find((s) => s.state === undefined || s.state === "visible") ?? sheets[0])?.name;
}

// exceljs 4 copies each sheet that precedes the shared strings in the zip (Excel's usual order)
// to a temp file and reads it from there. A sheet left unread must have that stream closed, and
// the reader must be run to its end, or the temp files and their descriptors stay open.
// exceljs unlinks the temp file as soon as it moves past the sheet, possibly before the stream it
// opened on it has finished opening: an abandoned stream's ENOENT is expected, not a failure.
function releaseWorksheet(worksheet: unknown): void {
  const source = (worksheet as { iterator?: unknown }).iterator;
  if (!(source instanceof Readable)) return;
  source.on("error", () => undefined);
  source.destroy();
}

async function drainWorksheets(worksheets: AsyncIterator<unknown>): Promise<void> {
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      releaseWorksheet(next.value);
    }
  } catch {
    // The workbook's own error (if any) has already been reported.
  }
}

/** The rows of one sheet. Throws FileRejectedError when the sheet is absent or the file unreadable. */
export async function* readXlsxRecords(path: string, sheet?: string): AsyncGenerator<SourceRecord> {
  // Zip-bomb bounds before exceljs inflates anything (ADR 012); throws FileRejectedError.
  await assertXlsxWithinLimits(path);
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, READER_OPTIONS);
  const worksheets = reader[Symbol.asyncIterator]();
  let current: unknown;
  try {
    let target: string | undefined;
    let found = false;
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      const worksheet = next.value as unknown as StreamedWorksheet;
      target ??= pickSheet(workbookSheets(reader), sheet);
      if (found || target === undefined || worksheet.name !== target) {
        releaseWorksheet(worksheet);
        continue;
      }
      found = true;
      current = worksheet;
      for await (const row of worksheet) yield { line: row.number, cells: rowCells(row) };
      current = undefined;
    }
    if (found) return;
    if (sheet === undefined) throw emptyFileError();
    throw sheetNotFoundError(
      sheet,
      workbookSheets(reader).map((s) => s.name),
    );
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw malformedXlsxError(error instanceof Error ? error.message : String(error));
  } finally {
    // A consumer that stops early (e.g. a rejected file) leaves the sheet half read.
    if (current !== undefined) releaseWorksheet(current);
    await drainWorksheets(worksheets);
    input.destroy();
  }
}
