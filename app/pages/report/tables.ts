// The monthly report's tables as downloads, built from the same MonthlyReport the page prints:
// indicators (month, previous month, a year earlier, province and peers), the 12-month trend, and
// either every commune's month (province report) or the commune's month figures.
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
import { metricColumn, ONLINE_RATE_COLUMNS } from "~/lib/export/metric-column";
import { ratioOf } from "~/lib/metrics/registry";
import type { MonthlyReport } from "~/pages/report/load.server";

export const REPORT_DATASETS = ["kpis", "trend", "communes", "figures"] as const;
export type ReportDatasetName = (typeof REPORT_DATASETS)[number];

/** The tables a report has: "communes" for the province, "figures" for one commune. */
export function reportDatasetsOf(report: Pick<MonthlyReport, "commune">): ReportDatasetName[] {
  return report.commune ? ["kpis", "trend", "figures"] : ["kpis", "trend", "communes"];
}

function stampOf(report: MonthlyReport, dataset: string, generatedAt: string) {
  const filters: Record<string, string | string[]> = { month: report.month };
  if (report.commune) filters.commune = report.commune.code;
  return {
    dataset,
    filters,
    as_of: report.coverage.refreshed_at,
    last_batch_id: report.coverage.last_batch_id,
    generated_at: generatedAt,
  };
}

const KPI_COLUMNS: readonly ExportColumn[] = [
  { name: "indicator", type: "string" },
  { name: "month", type: "month" },
  { name: "value", type: "float", nullable: true },
  { name: "previous_month", type: "month", nullable: true },
  { name: "previous_value", type: "float", nullable: true },
  { name: "year_ago_month", type: "month", nullable: true },
  { name: "year_ago_value", type: "float", nullable: true },
  { name: "province_value", type: "float", nullable: true },
  { name: "peer_median", type: "float", nullable: true },
];

const TREND_COLUMNS: readonly ExportColumn[] = [
  { name: "month", type: "month" },
  ...ONLINE_RATE_COLUMNS,
  metricColumn("volunteer_hours"),
  metricColumn("volunteers_active"),
];

const COMMUNE_COLUMNS: readonly ExportColumn[] = [
  { name: "rank_online_uptake", type: "int", nullable: true },
  { name: "commune_code", type: "string" },
  { name: "commune_name", type: "string" },
  { name: "unit_type", type: "string" },
  { name: "month", type: "month" },
  metricColumn("cases"),
  metricColumn("online_uptake"),
  metricColumn("assisted_online_share"),
  metricColumn("cases_per_1000"),
  metricColumn("volunteer_hours"),
];

function figureColumns(suppressed: boolean): ExportColumn[] {
  const demographic = suppressed ? "string" : "int";
  return [
    { name: "commune_code", type: "string" },
    { name: "commune_name", type: "string" },
    { name: "month", type: "month" },
    metricColumn("cases"),
    metricColumn("cases_online"),
    metricColumn("cases_completed"),
    metricColumn("cases_not_completed"),
    metricColumn("cases_vneid"),
    metricColumn("cases_minority", { type: demographic }),
    metricColumn("cases_elderly", { type: demographic }),
    metricColumn("cases_female", { type: demographic }),
    metricColumn("dossiers_total"),
    metricColumn("dossiers_online"),
    metricColumn("volunteer_hours"),
    metricColumn("volunteers_active"),
  ];
}

function rowsOf(report: MonthlyReport, name: ReportDatasetName): ExportRow[] {
  switch (name) {
    case "kpis":
      return report.kpis.map((row) => ({
        indicator: row.id,
        month: report.month,
        value: row.value,
        previous_month: report.previous_month,
        previous_value: row.previous,
        year_ago_month: report.year_ago_month,
        year_ago_value: row.year_ago,
        province_value: row.province,
        peer_median: row.peer_median,
      }));
    case "trend":
      return report.trend.map((month) => ({
        month: month.month,
        cases: month.cases,
        cases_online: month.cases_online,
        dossiers_total: month.dossiers_total,
        dossiers_online: month.dossiers_online,
        online_uptake: ratioOf("online_uptake", month),
        assisted_online_share: ratioOf("assisted_online_share", month),
        volunteer_hours: month.volunteer_hours,
        volunteers_active: month.volunteers_active,
      }));
    case "communes":
      return (report.province_sections?.communes ?? []).map((row) => ({
        rank_online_uptake: row.rank,
        commune_code: row.code,
        commune_name: row.name,
        unit_type: row.unit_type,
        month: report.month,
        cases: row.cases,
        online_uptake: row.online_uptake,
        assisted_online_share: row.assisted_online_share,
        cases_per_1000: row.cases_per_1000,
        volunteer_hours: row.volunteer_hours,
      }));
    case "figures":
      return report.commune && report.month_figures
        ? [
            {
              commune_code: report.commune.code,
              commune_name: report.commune.name,
              month: report.month,
              ...report.month_figures,
            },
          ]
        : [];
  }
}

function columnsOf(report: MonthlyReport, name: ReportDatasetName): readonly ExportColumn[] {
  switch (name) {
    case "kpis":
      return KPI_COLUMNS;
    case "trend":
      return TREND_COLUMNS;
    case "communes":
      return COMMUNE_COLUMNS;
    case "figures":
      return figureColumns(report.suppressed);
  }
}

export function buildReportDataset(
  name: ReportDatasetName,
  report: MonthlyReport,
  generatedAt: string,
): ExportDataset {
  const scope = report.commune ? `_${report.commune.code}` : "";
  const dataset = `report-${name}`;
  return {
    file_base_name: `cau-noi-so_${dataset}_${report.month}${scope}`,
    columns: columnsOf(report, name),
    rows: rowsOf(report, name),
    stamp: stampOf(report, dataset, generatedAt),
  };
}
