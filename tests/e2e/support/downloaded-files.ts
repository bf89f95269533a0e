// Files the browser downloaded, read back as plain rows with readers independent of the app's
// writers (tests/support/read-export.ts: csv-parse, apache-arrow, DuckDB, exceljs), so a journey
// can compare a file's numbers with the page's.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { ExportFormat } from "~/lib/export/dataset";
import {
  arrowRows,
  readArrow,
  readCsv,
  readParquet,
  readXlsx,
  sheetRows,
} from "../../support/read-export";

export type FileRow = Record<string, unknown>;

export interface ReadBack {
  format: ExportFormat;
  columns: string[];
  rows: FileRow[];
  /** CSV only: whether the file opens with the UTF-8 byte-order mark. */
  hasBom?: boolean;
}

/** Reads a downloaded file of `format` into rows keyed by column name. */
export async function readDownloaded(format: ExportFormat, bytes: Buffer): Promise<ReadBack> {
  switch (format) {
    case "csv": {
      const csv = readCsv(bytes);
      const rows = csv.rows.map((row) =>
        Object.fromEntries(csv.header.map((name, index) => [name, row[index]])),
      );
      return { format, columns: csv.header, rows, hasBom: csv.hasBom };
    }
    case "xlsx": {
      const workbook = await readXlsx(bytes);
      const [header, ...body] = sheetRows(workbook.worksheets[0]!);
      const columns = (header ?? []).map(String);
      const rows = body.map((row) =>
        Object.fromEntries(columns.map((name, index) => [name, row[index]])),
      );
      return { format, columns, rows };
    }
    case "arrow": {
      const table = readArrow(bytes);
      return {
        format,
        columns: table.schema.fields.map((field) => field.name),
        rows: arrowRows(table),
      };
    }
    case "parquet": {
      const parquet = await readParquet(bytes);
      return { format, columns: Object.keys(parquet.types), rows: parquet.rows };
    }
    case "json": {
      const body = JSON.parse(bytes.toString("utf8")) as {
        columns: { name: string }[];
        rows: FileRow[];
      };
      return { format, columns: body.columns.map((column) => column.name), rows: body.rows };
    }
  }
}

/** A cell as a number whatever the reader made of it (text, bigint, number). */
export function cellNumber(value: unknown): number {
  const number = typeof value === "bigint" ? Number(value) : Number(value);
  if (value === null || value === undefined || value === "" || !Number.isFinite(number)) {
    throw new Error(`not a number: ${String(value)}`);
  }
  return number;
}

/** Clicks a download link and returns the file the browser saved, with its suggested name. */
export async function clickDownload(
  page: Page,
  link: Locator,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(await download.failure(), `download of ${download.url()}`).toBeNull();
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

/** GETs a download with the page's cookies (signed in) and checks it is a 200 file. */
export async function fetchDownload(page: Page, url: string): Promise<Buffer> {
  const response = await page.request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  expect(response.headers()["content-disposition"] ?? "", `${url} is an attachment`).toMatch(
    /^attachment;/,
  );
  return response.body();
}

/** "2025-07" → "7/2025", the way the Vietnamese pages write a month in tables. */
export function viMonthLabel(month: string): string {
  const [year, monthNumber] = month.split("-");
  return `${Number(monthNumber)}/${year}`;
}
