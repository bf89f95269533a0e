// What the security tests (authorization matrix, suppression property, injection) share: small
// assistance / shift / dossier files written from rows and imported through the real ETL, a way to
// call a route module with a Request and keep thrown Responses, and readers that turn any
// download (CSV, XLSX, Arrow, Parquet, JSON) into plain rows.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ImportKind } from "~/lib/db/types";
import { importFile } from "~/lib/etl/import-file.server";
import type ExcelJS from "exceljs";
import { XLSX_ABOUT_SHEET, XLSX_DATA_SHEET } from "~/lib/export/write-xlsx.server";
import type { TestDatabase } from "../../support/test-db";
import {
  arrowRows,
  readArrow,
  readCsv,
  readParquet,
  readXlsx,
  sheetRows,
} from "../../support/read-export";

export const ASSISTANCE_COLUMNS = [
  "record_id",
  "assisted_at",
  "commune",
  "team",
  "volunteer_id",
  "procedure",
  "help_type",
  "channel",
  "outcome",
  "age_band",
  "gender",
  "ethnicity",
  "minutes",
] as const;
export type AssistanceRow = Record<(typeof ASSISTANCE_COLUMNS)[number], string>;

export const SHIFT_COLUMNS = [
  "shift_id",
  "volunteer_id",
  "team",
  "commune",
  "date",
  "start",
  "end",
] as const;
export type ShiftRow = Record<(typeof SHIFT_COLUMNS)[number], string>;

export const DOSSIER_COLUMNS = [
  "commune",
  "month",
  "procedure",
  "received_total",
  "received_online",
] as const;
export type DossierRow = Record<(typeof DOSSIER_COLUMNS)[number], string>;

/**
 * RFC 4180 text of rows. Plain quoting only (no formula neutralization): the injection test needs
 * the hostile values to reach the ETL exactly as a user's spreadsheet would carry them.
 */
export function toCsvText<K extends string>(
  columns: readonly K[],
  rows: ReadonlyArray<Record<K, string>>,
): string {
  const quote = (value: string) =>
    /[",\r\n\t]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
  const line = (values: readonly string[]) => values.map(quote).join(",") + "\r\n";
  return line(columns) + rows.map((row) => line(columns.map((column) => row[column]))).join("");
}

export interface ImportedFile {
  kind: ImportKind;
  name: string;
  text: string;
}

/** Writes each file to a temporary directory and imports it through the ETL; the batch ids. */
export async function importFiles(
  t: TestDatabase,
  files: readonly ImportedFile[],
  now: Date,
): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "cns-security-"));
  try {
    const ids: number[] = [];
    for (const file of files) {
      const target = path.join(dir, file.name);
      writeFileSync(target, file.text);
      const summary = await importFile(t.engine, {
        path: target,
        kind: file.kind,
        provinceCode: "68",
        loadedBy: "test",
        now,
      });
      if (summary.batch_id === null || summary.error) {
        throw new Error(`import of ${file.name} failed: ${summary.error ?? summary.status}`);
      }
      ids.push(summary.batch_id);
    }
    return ids;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A loader's or action's outcome as a Response, whether returned or thrown. */
export async function settle(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error(`route returned a ${typeof result}, not a Response`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export type TableRow = Record<string, unknown>;

/**
 * The documented column names of an XLSX download, from its "about" sheet's column table: a
 * labelled header (a leader's Vietnamese words) is listed there as "Label (name)".
 */
function xlsxColumnNames(about: ExcelJS.Worksheet | undefined, count: number): string[] {
  if (!about) throw new Error("XLSX without an about sheet");
  const rows = sheetRows(about);
  const start = rows.findIndex((row) => String(row[0]).startsWith("Cột / Column"));
  const names = rows
    .slice(start + 1, start + 1 + count)
    .map((row) => /\(([a-z0-9_]+)\)$/.exec(String(row[0]))?.[1] ?? String(row[0]));
  if (start < 0 || names.length !== count) throw new Error("XLSX about sheet without its columns");
  return names;
}

/** The rows of a download, read back by content type with the independent readers. */
export async function readDownload(response: Response, bytes: Buffer): Promise<TableRow[]> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/csv")) {
    const csv = readCsv(bytes);
    return csv.rows.map((row) => Object.fromEntries(csv.header.map((name, i) => [name, row[i]])));
  }
  if (type.startsWith("application/json")) {
    return (JSON.parse(bytes.toString("utf8")) as { rows: TableRow[] }).rows;
  }
  if (type.startsWith("application/vnd.apache.arrow")) return arrowRows(readArrow(bytes));
  if (type.startsWith("application/vnd.apache.parquet")) return (await readParquet(bytes)).rows;
  if (type.startsWith("application/vnd.openxmlformats")) {
    const workbook = await readXlsx(bytes);
    const sheet = workbook.getWorksheet(XLSX_DATA_SHEET);
    if (!sheet) throw new Error("XLSX without a data sheet");
    const [header, ...rows] = sheetRows(sheet);
    const names = xlsxColumnNames(workbook.getWorksheet(XLSX_ABOUT_SHEET), header!.length);
    return rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
  }
  throw new Error(`not a download: ${type}`);
}
