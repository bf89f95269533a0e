// The province overview's tables as downloads, built from the same getOverview() result the page
// renders: the monthly trend (province sums per month and the two online rates) and the commune
// ranking for the chosen metric. Demographic counts are suppressed for roles that must not see
// small cells.
import { mustSuppressDemographics, type Viewer } from "~/lib/auth/policy";
import { rankCommunes } from "~/lib/metrics/commune-metrics";
import type { Overview } from "./load.server";
import { isMetricId, METRICS, ratioOf } from "~/lib/metrics/registry";
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
import { metricColumn } from "~/lib/export/metric-column";
import { suppressColumns } from "~/lib/export/suppress-columns";

export const OVERVIEW_TABLES = ["trend", "communes"] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

export function isOverviewTable(value: string): value is OverviewTable {
  return (OVERVIEW_TABLES as readonly string[]).includes(value);
}

const overCommunes = { note: "summed over the communes in the filter" };
const overPeriod = { note: "summed over the period" };

export const OVERVIEW_TREND_COLUMNS: readonly ExportColumn[] = [
  { name: "month", type: "month", description: "calendar month YYYY-MM" },
  ...(
    [
      "cases",
      "cases_online",
      "cases_minority",
      "cases_elderly",
      "dossiers_total",
      "dossiers_online",
      "volunteer_hours",
      "volunteers_active",
    ] as const
  ).map((id) => metricColumn(id, overCommunes)),
  metricColumn("communes_reporting", { name: "communes_with_cases" }),
  metricColumn("online_uptake"),
  metricColumn("assisted_online_share"),
];
const TREND_DEMOGRAPHIC_COLUMNS = OVERVIEW_TREND_COLUMNS.map((column) => column.name).filter(
  (name) => isMetricId(name) && METRICS[name].suppressible,
);

export const OVERVIEW_COMMUNE_COLUMNS: readonly ExportColumn[] = [
  { name: "rank", type: "int", nullable: true, description: "rank by the stamp's metric" },
  { name: "commune_code", type: "string", description: "GSO 5-digit commune code" },
  { name: "commune_full_name", type: "string", description: "name with its type prefix" },
  { name: "unit_type", type: "string", dictionary: true, description: "phuong, xa or dac_khu" },
  metricColumn("cases", overPeriod),
  metricColumn("online_uptake"),
  metricColumn("assisted_online_share"),
  metricColumn("cases_per_1000"),
  metricColumn("volunteer_hours", overPeriod),
];

export interface OverviewDatasetOptions {
  viewer: Viewer;
  /** When the file is produced (ISO 8601). */
  generatedAt: string;
}

/** The overview table as a dataset (no rows when the mart holds nothing yet). */
export function buildOverviewDataset(
  table: OverviewTable,
  overview: Overview,
  { viewer, generatedAt }: OverviewDatasetOptions,
): ExportDataset {
  const period = overview.period;
  const filters: Record<string, string> = period ? { from: period.from, to: period.to } : {};
  if (overview.unit_type) filters.unit_type = overview.unit_type;
  if (overview.procedure_group) filters.procedure_group = overview.procedure_group;
  if (table === "communes") filters.metric = overview.metric;
  const stamp = {
    dataset: `overview-${table}`,
    filters,
    as_of: overview.coverage?.refreshed_at ?? null,
    last_batch_id: overview.coverage?.last_batch_id ?? null,
    generated_at: generatedAt,
  };
  const file_base_name = period
    ? `cau-noi-so_overview-${table}_${period.from}_${period.to}`
    : `cau-noi-so_overview-${table}`;

  if (table === "trend") {
    const rows: ExportRow[] = overview.trend.map((month) => ({
      ...month,
      online_uptake: ratioOf("online_uptake", month),
      assisted_online_share: ratioOf("assisted_online_share", month),
    }));
    const dataset: ExportDataset = { file_base_name, columns: OVERVIEW_TREND_COLUMNS, rows, stamp };
    return mustSuppressDemographics(viewer)
      ? suppressColumns(dataset, TREND_DEMOGRAPHIC_COLUMNS)
      : dataset;
  }
  const rows: ExportRow[] = rankCommunes(overview.communes, overview.metric).map((row) => ({
    rank: row.rank,
    commune_code: row.code,
    commune_full_name: row.name,
    unit_type: row.unit_type,
    cases: row.cases,
    online_uptake: row.online_uptake,
    assisted_online_share: row.assisted_online_share,
    cases_per_1000: row.cases_per_1000,
    volunteer_hours: row.volunteer_hours,
  }));
  return { file_base_name, columns: OVERVIEW_COMMUNE_COLUMNS, rows, stamp };
}
