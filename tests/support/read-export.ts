// Reads downloaded files back with tools independent of the writers: csv-parse for CSV,
// apache-arrow's reader for Arrow IPC, DuckDB for Parquet, exceljs for XLSX.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC, type Table } from "apache-arrow";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export async function responseBytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

export interface ParsedCsv {
  hasBom: boolean;
  header: string[];
  rows: string[][];
}

export function readCsv(bytes: Buffer): ParsedCsv {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const records = parse(bytes.subarray(hasBom ? 3 : 0).toString("utf8"), {
    relax_column_count: false,
  }) as string[][];
  return { hasBom, header: records[0] ?? [], rows: records.slice(1) };
}

export function readArrow(bytes: Buffer): Table {
  return tableFromIPC(new Uint8Array(bytes));
}

/** Arrow rows as plain objects (dictionary values decoded, Int64 as bigint). */
export function arrowRows(table: Table): Array<Record<string, unknown>> {
  return table.toArray().map((row) => ({ ...(row.toJSON() as Record<string, unknown>) }));
}

export interface ParquetContents {
  rows: Array<Record<string, unknown>>;
  /** Column name → DuckDB type name, from DESCRIBE. */
  types: Record<string, string>;
  metadata: Record<string, string>;
}

export async function readParquet(bytes: Buffer): Promise<ParquetContents> {
  const dir = mkdtempSync(path.join(tmpdir(), "cns-parquet-"));
  const file = path.join(dir, "file.parquet");
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${file.replaceAll("'", "''")}')`;
    const rows = (await connection.runAndReadAll(`select * from ${source}`)).getRowObjectsJS();
    const described = (await connection.runAndReadAll(`describe select * from ${source}`))
      .getRowObjectsJS()
      .map((row) => [String(row.column_name), String(row.column_type)]);
    const kv = (
      await connection.runAndReadAll(
        `select decode(key) as key, decode(value) as value from parquet_kv_metadata('${file.replaceAll("'", "''")}')`,
      )
    ).getRowObjectsJS();
    return {
      rows: rows as Array<Record<string, unknown>>,
      types: Object.fromEntries(described),
      metadata: Object.fromEntries(kv.map((row) => [String(row.key), String(row.value)])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (index 0 = column A). */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    // row.values is 1-based and sparse: an empty cell is a hole, read here as null.
    const values = row.values as unknown[];
    rows.push(Array.from({ length: width }, (_, index) => values[index + 1] ?? null));
  });
  return rows;
}
