// The reader's entry point: a file on disk → its column layout and a stream of rows keyed by
// canonical field. Everything that makes the whole file unusable is found here, before any row
// is read, except an encoding or CSV defect further into the file, which `rows` throws when it
// reaches it (as FileRejectedError too).
import { open } from "node:fs/promises";
import { extname } from "node:path";
import type { ImportKind } from "../fields";
import { buildSourceRow, isEmptyCell } from "./build-row";
import {
  detectHeader,
  HEADER_SCAN_ROWS,
  isColumnNumberRow,
  skipReason,
  valuesFromTitles,
} from "./detect-layout";
import { prepareCsvSource } from "./csv-source.server";
import type { Delimiter } from "./detect-delimiter";
import type { UnsupportedFormat } from "./file-errors";
import { emptyFileError, unsupportedFormatError } from "./file-errors";
import type { HeaderLayout } from "./map-headers";
import { resolveHeaders } from "./map-headers";
import type { OpenedSource, SourceRecord, SourceRow } from "./types";
import { listXlsxSheets, pickSheet, readXlsxRecords } from "./xlsx-source.server";

export type { OpenedSource, SourceRow, RowProblem, SourceColumn, DroppedColumn } from "./types";

export interface OpenSourceOptions {
  kind: ImportKind;
  /** XLSX only: the sheet to read; the first visible sheet by default. */
  sheet?: string;
  /** assistance: a file without record_id is accepted (ids are derived downstream). */
  deriveIds?: boolean;
  /** An admin's header aliases (ref.vocabulary), keyed by toHeaderKey. */
  headerAliases?: ReadonlyMap<string, string>;
}

const HEAD_BYTES = 64 * 1024;

interface RecordSource {
  format: OpenedSource["format"];
  encoding: OpenedSource["encoding"];
  delimiter: Delimiter | null;
  records(): AsyncGenerator<SourceRecord>;
}

async function readHead(path: string): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), complete: bytesRead >= size };
  } finally {
    await handle.close();
  }
}

const SIGNATURES: readonly { bytes: readonly number[]; format: "xlsx" | UnsupportedFormat }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: "xlsx" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: "xls" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: "pdf" },
];
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls"]);

/** CSV or XLSX, by content first (a renamed file is read as what it is), then by extension. */
export function sniffFormat(head: Uint8Array, path: string): "csv" | "xlsx" {
  const ext = extname(path).toLowerCase();
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  if (signature?.format === "xlsx") {
    if (ext === ".zip") throw unsupportedFormatError("zip");
    return "xlsx";
  }
  if (signature) throw unsupportedFormatError(signature.format);
  // Many "Excel" exports of web systems are HTML or text with an .xls name.
  if (WORKBOOK_EXTENSIONS.has(ext)) throw unsupportedFormatError("not_a_workbook");
  return "csv";
}

/** The first non-empty records, up to the number that may hold the header. */
async function headRecords(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const head: SourceRecord[] = [];
  for await (const record of records) {
    if (record.cells.every(isEmptyCell)) continue;
    head.push(record);
    if (head.length >= HEADER_SCAN_ROWS) break;
  }
  return head;
}

async function* readRows(
  source: RecordSource,
  layout: HeaderLayout,
  headerLine: number,
): AsyncGenerator<SourceRow> {
  const shortRowsAreRagged = source.format === "csv";
  const state = { signature: false };
  let firstAfterHeader = true;
  for await (const record of source.records()) {
    if (record.line <= headerLine || record.cells.every(isEmptyCell)) continue;
    // A row numbering the columns right under the header belongs to the header.
    if (firstAfterHeader) {
      firstAfterHeader = false;
      if (isColumnNumberRow(record.cells)) continue;
    }
    // Totals and signatures are not records; nothing of them (names) is kept, only the count.
    const skip = skipReason(record.cells, state);
    if (skip) {
      yield { line: record.line, values: {}, raw: {}, skip };
      continue;
    }
    const row = buildSourceRow(record, layout, { shortRowsAreRagged });
    if (row) yield row;
  }
}

/**
 * The sheet a read of this file uses: the one asked for (as the workbook spells it), else the
 * first visible one; null for a CSV. A workbook that cannot be listed or lacks the sheet gives the
 * request back unchanged: openSource reports why.
 */
export async function sheetToRead(path: string, requested?: string): Promise<string | null> {
  const format = await readableFormat(path);
  if (format === null) return requested ?? null;
  if (format === "csv") return null;
  try {
    return pickSheet(await listXlsxSheets(path), requested)?.name ?? requested ?? null;
  } catch {
    return requested ?? null;
  }
}

/** What the file would be read as, or null when its format is refused. */
export async function readableFormat(path: string): Promise<"csv" | "xlsx" | null> {
  const head = await readHead(path);
  try {
    return sniffFormat(head.bytes, path);
  } catch {
    return null;
  }
}

/** Opens a CSV or XLSX file of the given kind. Throws FileRejectedError when it cannot be loaded. */
export async function openSource(path: string, opts: OpenSourceOptions): Promise<OpenedSource> {
  const head = await readHead(path);
  if (head.bytes.length === 0) throw emptyFileError();
  let source: RecordSource;
  if (sniffFormat(head.bytes, path) === "xlsx") {
    source = {
      format: "xlsx",
      encoding: "xlsx",
      delimiter: null,
      records: () => readXlsxRecords(path, opts.sheet),
    };
  } else {
    source = { format: "csv", ...prepareCsvSource(path, head.bytes, head.complete) };
  }

  const top = await headRecords(source.records());
  if (top.length === 0) throw emptyFileError(source.format === "xlsx" ? opts.sheet : undefined);
  // The table may start below a title block; without a recognisable header the first row is
  // reported as the header that was not understood.
  const detected = detectHeader(opts.kind, top, opts.headerAliases);
  const header = detected
    ? { cells: detected.cells, line: detected.firstLine, lastLine: detected.lastLine }
    : { cells: top[0]!.cells, line: top[0]!.line, lastLine: top[0]!.line };
  const layout = resolveHeaders(opts.kind, header.cells, {
    line: header.line,
    deriveIds: opts.deriveIds,
    titleValues: valuesFromTitles(detected?.titles ?? []),
    headerAliases: opts.headerAliases,
  });

  return {
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    columns: layout.columns,
    droppedColumns: layout.droppedColumns,
    missingOptional: layout.missingOptional,
    headerLine: header.line,
    titles: detected?.titles ?? [],
    fromTitle: layout.fromTitle,
    rows: { [Symbol.asyncIterator]: () => readRows(source, layout, header.lastLine) },
  };
}
