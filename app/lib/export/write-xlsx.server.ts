// XLSX with exceljs's streaming WorkbookWriter: rows are committed as they arrive and zipped
// straight into the response. Numbers stay numbers, months are text "YYYY-MM", the header row is
// bold and frozen. Text goes in as plain string cells (shared strings), never as formulas, so a
// value like "=1+1" is shown, not run. A second sheet, "Thông tin - About", carries the stamp and
// the column definitions. Sheets hold at most 1,048,576 rows; longer extracts continue on
// "Dữ liệu 2 - Data 2" and so on.
import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import { eachRow, waitForDrain } from "./byte-sink.server";
import type { ExportColumn, ExportDataset } from "./dataset";

export const XLSX_DATA_SHEET = "Dữ liệu - Data";
export const XLSX_ABOUT_SHEET = "Thông tin - About";
const MAX_SHEET_ROWS = 1_048_576;
/** Rows between pauses that let the zip stream flush and the client catch up. */
const ROWS_PER_PAUSE = 2_000;

type CellValue = string | number | Date | null;

function toDate(value: string | number): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function xlsxCellValue(column: ExportColumn, value: string | number | null): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "int":
    case "float":
      // A suppressed count ("<8") stays text; everything else is a number.
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      return value;
    case "date":
    case "timestamp":
      return toDate(value) ?? String(value);
    case "month":
    case "string":
      return value;
  }
}

function numberFormat(column: ExportColumn): string | undefined {
  if (column.type === "date") return "yyyy-mm-dd";
  if (column.type === "timestamp") return "yyyy-mm-dd hh:mm:ss";
  return undefined;
}

function addDataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  index: number,
  dataset: ExportDataset,
) {
  const name = index === 1 ? XLSX_DATA_SHEET : `Dữ liệu ${index} - Data ${index}`;
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = dataset.columns.map((column) => ({
    key: column.name,
    width: Math.min(40, Math.max(10, (column.label ?? column.name).length + 2)),
    style: numberFormat(column) ? { numFmt: numberFormat(column) } : {},
  }));
  const header = sheet.addRow(dataset.columns.map((column) => column.label ?? column.name));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

function addAboutSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  dataset: ExportDataset,
  rowCount: number,
): void {
  const sheet = workbook.addWorksheet(XLSX_ABOUT_SHEET);
  sheet.columns = [{ width: 28 }, { width: 16 }, { width: 10 }, { width: 80 }];
  const { stamp } = dataset;
  const bold = (values: CellValue[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  };
  const plain = (values: CellValue[]) => sheet.addRow(values).commit();
  bold(["Cầu Nối Số", stamp.dataset]);
  plain(["Bộ lọc / Filters", JSON.stringify(stamp.filters)]);
  for (const [name, value] of Object.entries(stamp.filters)) {
    plain([`filter: ${name}`, Array.isArray(value) ? value.join(", ") : value]);
  }
  plain(["Dữ liệu đến / Data as of", stamp.as_of ?? "—"]);
  plain(["Lô nhập cuối / Last batch id", stamp.last_batch_id]);
  plain(["Tạo lúc / Generated at", stamp.generated_at]);
  plain(["Số dòng / Rows", rowCount]);
  plain([]);
  bold(["Cột / Column", "Kiểu / Type", "Null", "Định nghĩa / Definition"]);
  for (const column of dataset.columns) {
    // A labelled header is tied back to the documented name the other formats use.
    const name = column.label ? `${column.label} (${column.name})` : column.name;
    plain([name, column.type, column.nullable ? "yes" : "no", column.description ?? ""]);
  }
  sheet.commit();
}

export async function writeXlsx(dataset: ExportDataset, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "Cầu Nối Số";
  workbook.created = new Date(dataset.stamp.generated_at);
  let sheetIndex = 1;
  let sheet = addDataSheet(workbook, sheetIndex, dataset);
  let rowsInSheet = 1;
  let rowCount = 0;
  for await (const row of eachRow(dataset.rows)) {
    if (rowsInSheet === MAX_SHEET_ROWS) {
      sheet.commit();
      sheet = addDataSheet(workbook, ++sheetIndex, dataset);
      rowsInSheet = 1;
    }
    sheet
      .addRow(dataset.columns.map((column) => xlsxCellValue(column, row[column.name] ?? null)))
      .commit();
    rowsInSheet += 1;
    rowCount += 1;
    if (rowCount % ROWS_PER_PAUSE === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await waitForDrain(out);
    }
  }
  sheet.commit();
  addAboutSheet(workbook, dataset, rowCount);
  await workbook.commit();
}
