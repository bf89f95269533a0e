// The report's indicator table: the month, the previous month and the same month a year earlier
// (each with its change in words), and for a commune the province and the peer median.
import type { ReactNode } from "react";
import { describeChange } from "~/components/kpi-tiles";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { KpiChange } from "~/lib/metrics/kpis";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import type { ReportKpiRow } from "~/pages/report/load.server";
import { DataTable, type DataColumn } from "../data-table";

export interface ReportKpiTableProps {
  rows: ReportKpiRow[];
  month: string;
  previousMonth: string | null;
  yearAgoMonth: string | null;
  withReferences: boolean;
}

export function ReportKpiTable({
  rows,
  month,
  previousMonth,
  yearAgoMonth,
  withReferences,
}: ReportKpiTableProps) {
  const { t, fmt } = useI18n();
  const compared = (row: ReportKpiRow, value: number | null, change: KpiChange | null) => (
    <>
      {formatMetric(row.id, value, fmt)}
      {change ? <span className="report__change"> ({describeChange(change, t, fmt)})</span> : null}
    </>
  );
  const numeric = (header: ReactNode, cell: (row: ReportKpiRow) => ReactNode) => ({
    header,
    numeric: true,
    cell,
  });
  const references: DataColumn<ReportKpiRow>[] = [
    numeric(t("report.province"), (row) => formatMetric(row.id, row.province, fmt)),
    numeric(t("report.peers"), (row) => formatMetric(row.id, row.peer_median, fmt)),
  ];
  return (
    <DataTable
      className="report__kpis"
      caption={t("report.kpiCaption", { month: fmt.monthLong(month) })}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: t("report.indicator"), rowHeader: true, cell: (row) => t(METRICS[row.id].name) },
        numeric(t("report.thisMonth"), (row) => (
          <strong>{formatMetric(row.id, row.value, fmt)}</strong>
        )),
        numeric(
          t("report.previousMonth", {
            month: previousMonth ? fmt.monthNumeric(previousMonth) : "—",
          }),
          (row) =>
            previousMonth
              ? compared(row, row.previous, row.change_previous)
              : t("report.notCovered"),
        ),
        numeric(
          t("report.yearAgo", { month: yearAgoMonth ? fmt.monthNumeric(yearAgoMonth) : "—" }),
          (row) =>
            yearAgoMonth ? compared(row, row.year_ago, row.change_year) : t("report.notCovered"),
        ),
        ...(withReferences ? references : []),
      ]}
    />
  );
}
