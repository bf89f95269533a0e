// Small-cell suppression applied to a dataset's demographic count columns (privacy/suppress.ts):
// each count becomes 0, "<8" or a multiple of 5, so the column turns into a "string" column (Arrow
// and Parquet carry its text; CSV, XLSX and JSON carry numbers and "<8" as they are). Rates must
// already have been computed from the raw counts.
import { suppressCount } from "~/lib/privacy/suppress";
import type { ExportColumn, ExportDataset, ExportRow } from "./dataset";

async function* mapRows(
  rows: ExportDataset["rows"],
  map: (row: ExportRow) => ExportRow,
): AsyncGenerator<ExportRow> {
  for await (const row of rows) yield map(row);
}

export function suppressColumns(dataset: ExportDataset, names: readonly string[]): ExportDataset {
  const suppressed = new Set(names);
  const columns: ExportColumn[] = dataset.columns.map((column) =>
    suppressed.has(column.name)
      ? {
          ...column,
          type: "string",
          description: `${column.description ?? column.name} (small-cell suppressed: 0, "<8" or rounded to 5)`,
        }
      : column,
  );
  const suppress = (row: ExportRow): ExportRow => {
    const copy = { ...row };
    for (const name of suppressed) {
      const value = copy[name];
      if (typeof value === "number") copy[name] = suppressCount(value);
    }
    return copy;
  };
  return { ...dataset, columns, rows: mapRows(dataset.rows, suppress) };
}
