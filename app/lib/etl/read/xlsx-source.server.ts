// XLSX records, streamed from the sheet's XML: one record per sheet row, cells typed as Excel
// holds them. Our own reader (ADR 013) instead of exceljs's streaming one, which did not follow
// absolute relationship targets (openpyxl, pandas: every such workbook read as empty) and
// buffered sheets in temp files it sometimes removed under its own readers. Memory: the shared
// strings (bounded by zip-limits.server.ts) and one row at a time; nothing is written to disk.
import {
  emptyFileError,
  FileRejectedError,
  malformedXlsxError,
  sheetNotFoundError,
} from "./file-errors";
import type { CellValue, SourceRecord } from "./types";
import type { XlsxPackage, XlsxSheet } from "./xlsx-package.server";
import { openXlsxPackage, xmlFeeder } from "./xlsx-package.server";
import { assertXlsxWithinLimits } from "./zip-limits.server";

export type { XlsxSheet } from "./xlsx-package.server";

const sheetKey = (name: string) => name.normalize("NFC").trim().toLowerCase();

/** The sheet a name asks for (case and Unicode form aside), or the first visible one. */
export function pickSheet(
  sheets: readonly XlsxSheet[],
  requested: string | undefined,
): XlsxSheet | undefined {
  if (requested !== undefined) return sheets.find((s) => sheetKey(s.name) === sheetKey(requested));
  return sheets.find((s) => s.state === "visible") ?? sheets[0];
}

/** Column index (0-based) of a cell reference such as "AB12"; null when there is none. */
export function columnOf(reference: string | undefined): number | null {
  if (!reference) return null;
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? null : column - 1;
}

const MS_PER_DAY = 86_400_000;
// Day 25,569 of the 1900 system is 1970-01-01; the 1904 system starts 1,462 days later.
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A date serial as a Date whose UTC fields are the wall-clock value the cell shows (the
 * normalizer reads them as Vietnam time, date-time.ts). Excel's 1900 leap-year bug only shifts
 * serials before 1 March 1900, which no record of ours has.
 */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? 1_462 : 0) - UNIX_EPOCH_SERIAL;
  return new Date(Math.round(days * MS_PER_DAY));
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string[];
  inline: string[];
}

function cellValue(cell: CellState, pkg: XlsxPackage): CellValue {
  const raw = cell.value.join("");
  switch (cell.type) {
    case "s": {
      const text = pkg.sharedStrings[Number(raw)];
      return text === undefined || raw === "" ? null : text;
    }
    case "inlineStr":
      return cell.inline.length > 0 ? cell.inline.join("") : raw === "" ? null : raw;
    case "str":
    case "e":
      return raw === "" ? null : raw;
    case "b":
      return raw === "" ? null : raw === "1" || raw.toLowerCase() === "true" ? "TRUE" : "FALSE";
    case "d": {
      if (raw === "") return null;
      // ISO 8601 without a zone is a wall-clock value, kept as UTC fields like the serials.
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      if (raw.trim() === "") return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return raw;
      return pkg.dateStyles[cell.style] ? serialToDate(number, pkg.date1904) : number;
    }
  }
}

/** The rows of one sheet of an opened package, streamed. */
async function* sheetRecords(pkg: XlsxPackage, sheet: XlsxSheet): AsyncGenerator<SourceRecord> {
  const ready: SourceRecord[] = [];
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let nextColumn = 0;
  let cell: CellState | null = null;
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;
  const feeder = xmlFeeder({
    open(name, a) {
      if (name === "row") {
        rowNumber = a.r !== undefined ? Number(a.r) : rowNumber + 1;
        cells = [];
        nextColumn = 0;
      } else if (name === "c" && cells) {
        const column = columnOf(a.r) ?? nextColumn;
        nextColumn = column + 1;
        cell = { column, type: a.t ?? "n", style: Number(a.s ?? 0), value: [], inline: [] };
      } else if (name === "v") inValue = cell !== null;
      else if (name === "rPh") phonetic++;
      else if (name === "t") inInlineText = cell !== null && phonetic === 0;
    },
    close(name) {
      if (name === "v") inValue = false;
      else if (name === "t") inInlineText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell && cells) {
        cells[cell.column] = cellValue(cell, pkg);
        cell = null;
      } else if (name === "row" && cells) {
        // Empty cells are holes in the array; a record has a value or null in every position.
        ready.push({ line: rowNumber, cells: Array.from(cells, (v) => v ?? null) });
        cells = null;
      }
    },
    text(text) {
      if (!cell) return;
      if (inValue) cell.value.push(text);
      else if (inInlineText) cell.inline.push(text);
    },
  });
  const stream = await pkg.openPart(sheet.part);
  try {
    for await (const chunk of stream as unknown as AsyncIterable<Buffer>) {
      feeder.write(chunk);
      while (ready.length > 0) yield ready.shift()!;
    }
    feeder.end();
    while (ready.length > 0) yield ready.shift()!;
  } finally {
    stream.destroy();
  }
}

/** The sheets of a workbook, in tab order, with their visibility. */
export async function listXlsxSheets(path: string): Promise<XlsxSheet[]> {
  await assertXlsxWithinLimits(path);
  const pkg = await openOrReject(path);
  await pkg.close();
  return pkg.sheets;
}

async function openOrReject(path: string): Promise<XlsxPackage> {
  try {
    return await openXlsxPackage(path);
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw malformedXlsxError(error instanceof Error ? error.message : String(error));
  }
}

/** The rows of one sheet. Throws FileRejectedError when the sheet is absent or the file unreadable. */
export async function* readXlsxRecords(path: string, sheet?: string): AsyncGenerator<SourceRecord> {
  // Zip-bomb bounds before anything is inflated for real (ADR 012); throws FileRejectedError.
  await assertXlsxWithinLimits(path);
  const pkg = await openOrReject(path);
  try {
    const target = pickSheet(pkg.sheets, sheet);
    if (!target) {
      if (sheet === undefined) throw emptyFileError();
      throw sheetNotFoundError(
        sheet,
        pkg.sheets.map((s) => s.name),
      );
    }
    yield* sheetRecords(pkg, target);
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw malformedXlsxError(error instanceof Error ? error.message : String(error));
  } finally {
    await pkg.close();
  }
}
