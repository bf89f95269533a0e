// The data-quality page's downloads as ExportDatasets, built from the same query results the page
// renders: the rejected rows of one reason (drill-down) and the completeness grid.
import type { ExportColumn, ExportDataset, ExportRow, ExportStamp } from "~/lib/export/dataset";
import type { Completeness } from "~/pages/quality/completeness";
import type { RejectedRowView } from "~/pages/quality/rejects.server";

export const REJECT_COLUMNS: readonly ExportColumn[] = [
  { name: "batch_id", type: "int", description: "Import batch that rejected the row" },
  { name: "kind", type: "string", dictionary: true, description: "Kind of file" },
  { name: "file_name", type: "string", description: "File name as loaded" },
  { name: "line", type: "int", description: "Line (CSV) or row (XLSX) in the file" },
  { name: "column", type: "string", nullable: true, description: "Field concerned, if one" },
  { name: "reason_code", type: "string", dictionary: true, description: "Reason code" },
  { name: "message_vi", type: "string", description: "Message in Vietnamese" },
  { name: "message_en", type: "string", description: "Message in English" },
  {
    name: "raw",
    type: "string",
    description: "The row as read (JSON), personal-data columns removed",
  },
];

/** What a viewer without record-level access gets: where each row is and why, no cell of it. */
export const REJECT_LINE_COLUMNS: readonly ExportColumn[] = REJECT_COLUMNS.filter(
  (column) => !["message_vi", "message_en", "raw"].includes(column.name),
);

export const COMPLETENESS_COLUMNS: readonly ExportColumn[] = [
  { name: "commune_code", type: "string", description: "GSO 5-digit commune code" },
  { name: "commune_name", type: "string", description: "Commune name" },
  { name: "unit_type", type: "string", dictionary: true, description: "phuong, xa or dac_khu" },
  { name: "month", type: "month", description: "Calendar month, YYYY-MM" },
  { name: "assistance", type: "int", description: "1 if any assistance record arrived" },
  { name: "shifts", type: "int", description: "1 if any volunteer shift arrived" },
  { name: "dossiers", type: "int", description: "1 if any dossier statistic arrived" },
  {
    name: "status",
    type: "string",
    dictionary: true,
    description: "complete (all three), partial or nothing",
  },
];

const FILE_PREFIX = "cau-noi-so";

export async function* rejectExportRows(
  rows: AsyncIterable<RejectedRowView> | Iterable<RejectedRowView>,
  recordLevel: boolean,
): AsyncGenerator<ExportRow> {
  for await (const row of rows) {
    const where = {
      batch_id: row.batch_id,
      kind: row.kind,
      file_name: row.file_name,
      line: row.line,
      column: row.column,
      reason_code: row.reason_code,
    };
    yield recordLevel
      ? { ...where, message_vi: row.message_vi, message_en: row.message_en, raw: row.raw }
      : where;
  }
}

/**
 * The rows of one reason. `recordLevel` (canSeeRejectedRecords) adds the messages and the raw
 * record; without it the file holds line numbers and the reason only (ADR 012).
 */
export function buildRejectsDataset(
  reason: string,
  rows: AsyncIterable<RejectedRowView> | Iterable<RejectedRowView>,
  stamp: Omit<ExportStamp, "dataset">,
  recordLevel: boolean,
): ExportDataset {
  return {
    file_base_name: `${FILE_PREFIX}_rejects_${reason}`,
    columns: recordLevel ? REJECT_COLUMNS : REJECT_LINE_COLUMNS,
    rows: rejectExportRows(rows, recordLevel),
    stamp: { ...stamp, dataset: "quality-rejects" },
  };
}

export function completenessExportRows(completeness: Completeness): ExportRow[] {
  return completeness.cells.map((cell) => ({
    commune_code: cell.commune_code,
    commune_name: cell.commune_name,
    unit_type: cell.unit_type,
    month: cell.month,
    assistance: cell.assistance ? 1 : 0,
    shifts: cell.shifts ? 1 : 0,
    dossiers: cell.dossiers ? 1 : 0,
    status: cell.status,
  }));
}

export function buildCompletenessDataset(
  completeness: Completeness,
  stamp: Omit<ExportStamp, "dataset">,
): ExportDataset {
  const first = completeness.months[0] ?? "";
  const last = completeness.months.at(-1) ?? "";
  return {
    file_base_name: `${FILE_PREFIX}_completeness_${first}_${last}`,
    columns: COMPLETENESS_COLUMNS,
    rows: completenessExportRows(completeness),
    stamp: { ...stamp, dataset: "quality-completeness" },
  };
}
