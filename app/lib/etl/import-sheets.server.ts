// A file in, one batch per sheet out. A CSV is one batch; a workbook is read as a person reads it:
// every visible sheet that holds a table of this kind (an instructions tab, an empty "Sheet1" or a
// chart are passed over), each sheet its own batch with its own ledger row and idempotency key,
// so one tab per month loads month by month and a tab added later loads on the next import.
// `--sheet` (options.sheet) reads that sheet only.
import type { SqlEngine } from "~/lib/db/engine";
import type { ImportSummary } from "./batch-summary";
import type { ImportFileOptions } from "./import-file.server";
import { importFile } from "./import-file.server";
import { FileRejectedError } from "./read/file-errors";
import { openSource, readableFormat } from "./read/open-source.server";
import { listXlsxSheets } from "./read/xlsx-source.server";

/** Sheets of the workbook that hold a header of this kind; null for anything but a readable workbook. */
export async function tableSheets(options: ImportFileOptions): Promise<string[] | null> {
  if ((await readableFormat(options.path)) !== "xlsx") return null;
  let sheets;
  try {
    sheets = await listXlsxSheets(options.path);
  } catch {
    return null;
  }
  const found: string[] = [];
  for (const sheet of sheets) {
    if (sheet.state !== "visible") continue;
    try {
      // Opening reads up to the header and no further.
      await openSource(options.path, {
        kind: options.kind,
        sheet: sheet.name,
        deriveIds: options.deriveIds,
      });
      found.push(sheet.name);
    } catch (error) {
      if (!(error instanceof FileRejectedError)) throw error;
      // A sheet with a recognisable header that misses a column is a table with a problem: it is
      // imported so that the problem is reported. Sheets without a header are not tables.
      if (error.code !== "no_header" && error.code !== "empty_file") found.push(sheet.name);
    }
  }
  return found;
}

export async function importSheets(
  engine: SqlEngine,
  options: ImportFileOptions,
): Promise<ImportSummary[]> {
  if (options.sheet !== undefined) return [await importFile(engine, options)];
  const sheets = await tableSheets(options);
  // A CSV, or a workbook without any table: one import, which reports the file as it is.
  if (sheets === null || sheets.length === 0) return [await importFile(engine, options)];
  const summaries: ImportSummary[] = [];
  for (const sheet of sheets) summaries.push(await importFile(engine, { ...options, sheet }));
  return summaries;
}
