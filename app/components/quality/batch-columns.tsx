// The columns the batch ledger (/imports) and the quality page's recent batches share: the batch
// with its link (for those who may open it), kind, file, status, who loaded it, its row counts and when it started.
import { hrefWithLang } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { BatchRow } from "~/pages/quality/load.server";
import type { DataColumn } from "../data-table";
import { PageLink } from "../page-link";

export type BatchListRow = Omit<BatchRow, "finished_at" | "duration_ms" | "error">;

const COUNTS = [
  ["rows_read", "imports.col.rows"],
  ["rows_inserted", "imports.col.inserted"],
  ["rows_updated", "imports.col.updated"],
  ["rows_unchanged", "imports.col.unchanged"],
  ["rows_rejected", "imports.col.rejected"],
] as const;

/** `fileClassName` styles the file cell, which heads its row. */
export function useBatchColumns(fileClassName?: string): DataColumn<BatchListRow>[] {
  const { lang, t, fmt } = useI18n();
  return [
    {
      header: t("imports.col.batch"),
      numeric: true,
      cell: (batch) => (
        <PageLink to={hrefWithLang(`/imports/${batch.batch_id}`, lang)}>#{batch.batch_id}</PageLink>
      ),
    },
    { header: t("imports.col.kind"), cell: (batch) => t(`importKind.${batch.kind}`) },
    {
      header: t("imports.col.file"),
      rowHeader: true,
      cellClassName: fileClassName,
      cell: (batch) => batch.file_name,
    },
    { header: t("imports.col.status"), cell: (batch) => t(`batchStatus.${batch.status}`) },
    { header: t("imports.col.loadedBy"), cell: (batch) => batch.loaded_by },
    ...COUNTS.map(([key, label]): DataColumn<BatchListRow> => ({
      header: t(label),
      numeric: true,
      cell: (batch) => fmt.integer(batch[key]),
    })),
    { header: t("imports.col.startedAt"), cell: (batch) => fmt.dateTime(batch.started_at) },
  ];
}
