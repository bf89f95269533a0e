// The Vietnamese header of a download column, for the XLSX files leaders and secretaries open in
// a spreadsheet (issue 12, item 7): a registered metric by the registry's name, another column by
// its "column.<name>" message, and the documented name itself when neither exists. Analysts'
// files keep the stable English names (ADR 006).
import { createTranslator, isMessageKey } from "~/lib/i18n/translate";
import { isMetricId, METRICS } from "~/lib/metrics/registry";
import type { ExportColumn, ExportDataset } from "./dataset";

const vietnamese = createTranslator("vi");

export function vietnameseColumnLabel(name: string): string {
  if (isMetricId(name)) return vietnamese(METRICS[name].name);
  const key = `column.${name}`;
  return isMessageKey(key) ? vietnamese(key) : name;
}

/** The dataset with a Vietnamese label on every column (the XLSX header row shows it). */
export function withVietnameseLabels(dataset: ExportDataset): ExportDataset {
  const columns: ExportColumn[] = dataset.columns.map((column) => ({
    ...column,
    label: vietnameseColumnLabel(column.name),
  }));
  return { ...dataset, columns };
}
