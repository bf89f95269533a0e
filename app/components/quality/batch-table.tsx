// Recent import batches: kind, file, status, who, the row counts and how long each took, linking
// to the batch's own page.
import { TableScroll } from "~/components/table-scroll";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { BatchRow } from "~/pages/quality/load.server";
import { DataTable } from "../data-table";
import { useBatchColumns } from "./batch-columns";

export function BatchTable({ batches, limit }: { batches: BatchRow[]; limit: number }) {
  const { t, fmt } = useI18n();
  const columns = useBatchColumns("quality-batches__file");
  if (batches.length === 0) return <p className="notice">{t("quality.batches.empty")}</p>;
  return (
    <TableScroll label={t("quality.batches.heading")}>
      <DataTable
        className="quality-batches"
        caption={t("quality.batches.caption", {
          count: fmt.integer(batches.length),
          limit: fmt.integer(limit),
        })}
        rows={batches}
        rowKey={(batch) => String(batch.batch_id)}
        columns={[
          ...columns,
          {
            header: t("quality.col.duration"),
            numeric: true,
            cell: (batch) =>
              batch.duration_ms === null
                ? "—"
                : t("quality.duration.seconds", {
                    value: fmt.decimal(batch.duration_ms / 1000, 1),
                  }),
          },
        ]}
      />
    </TableScroll>
  );
}
