// The report's indicator table: the month, the previous month and the same month a year earlier
// (each with its change in words), and for a commune the province and the peer median.
import { describeChange } from "~/components/kpi-tiles";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { KpiChange } from "~/lib/metrics/kpis";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import type { ReportKpiRow } from "~/pages/report/load.server";

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
  return (
    <table className="report__kpis">
      <caption>{t("report.kpiCaption", { month: fmt.monthLong(month) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("report.indicator")}</th>
          <th scope="col" className="num">
            {t("report.thisMonth")}
          </th>
          <th scope="col" className="num">
            {previousMonth
              ? t("report.previousMonth", { month: fmt.monthNumeric(previousMonth) })
              : t("report.previousMonth", { month: "—" })}
          </th>
          <th scope="col" className="num">
            {yearAgoMonth
              ? t("report.yearAgo", { month: fmt.monthNumeric(yearAgoMonth) })
              : t("report.yearAgo", { month: "—" })}
          </th>
          {withReferences ? (
            <>
              <th scope="col" className="num">
                {t("report.province")}
              </th>
              <th scope="col" className="num">
                {t("report.peers")}
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{t(METRICS[row.id].name)}</th>
            <td className="num">
              <strong>{formatMetric(row.id, row.value, fmt)}</strong>
            </td>
            <td className="num">
              {previousMonth
                ? compared(row, row.previous, row.change_previous)
                : t("report.notCovered")}
            </td>
            <td className="num">
              {yearAgoMonth ? compared(row, row.year_ago, row.change_year) : t("report.notCovered")}
            </td>
            {withReferences ? (
              <>
                <td className="num">{formatMetric(row.id, row.province, fmt)}</td>
                <td className="num">{formatMetric(row.id, row.peer_median, fmt)}</td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
