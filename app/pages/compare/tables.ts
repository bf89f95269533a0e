// The compare page's downloads, built from the same CompareData the page renders: the side-by-side
// table (one row per commune plus the province) and the monthly series behind the small multiples.
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
import { metricColumn } from "~/lib/export/metric-column";
import type { CompareData, CompareKeyFigures } from "~/pages/compare/load.server";

export const COMPARE_DATASETS = ["table", "monthly"] as const;
export type CompareDatasetName = (typeof COMPARE_DATASETS)[number];

export function isCompareDataset(value: string): value is CompareDatasetName {
  return (COMPARE_DATASETS as readonly string[]).includes(value);
}

export interface DatasetContext {
  /** ISO 8601 time the file is produced. */
  generatedAt: string;
}

function stampOf(data: CompareData, dataset: string, context: DatasetContext) {
  const filters: Record<string, string | string[]> = {
    commune: data.communes.map((commune) => commune.code!),
  };
  if (data.period) {
    filters.from = data.period.from;
    filters.to = data.period.to;
  }
  return {
    dataset,
    filters,
    as_of: data.coverage?.refreshed_at ?? null,
    last_batch_id: data.coverage?.last_batch_id ?? null,
    generated_at: context.generatedAt,
  };
}

function fileBaseName(data: CompareData, dataset: string): string {
  const range = data.period ? `_${data.period.from}_${data.period.to}` : "";
  return `cau-noi-so_${dataset}${range}`;
}

export function compareTableColumns(suppressed: boolean): ExportColumn[] {
  // Suppressed demographic counts carry "<8", so they are text for leader and secretary roles.
  const demographicCount = suppressed ? "string" : "int";
  const note = "summed over the period";
  return [
    { name: "commune_code", type: "string", nullable: true },
    { name: "commune_name", type: "string" },
    { name: "unit_type", type: "string", nullable: true },
    { name: "from_month", type: "month" },
    { name: "to_month", type: "month" },
    metricColumn("cases", { note }),
    metricColumn("dossiers_total", { note }),
    metricColumn("dossiers_online", { note }),
    metricColumn("online_uptake"),
    metricColumn("assisted_online_share"),
    metricColumn("completion_rate"),
    metricColumn("volunteer_hours", { note }),
    metricColumn("volunteers_active", { note: "in to_month, the last month of the period" }),
    metricColumn("cases_minority", { type: demographicCount, note }),
    metricColumn("minority_reach", { name: "minority_share" }),
    metricColumn("cases_elderly", { type: demographicCount, note }),
    metricColumn("elderly_reach", { name: "elderly_share" }),
    { name: "population", type: "int", nullable: true },
    metricColumn("cases_per_1000"),
  ];
}

function tableRow(figures: CompareKeyFigures, data: CompareData): ExportRow {
  return {
    commune_code: figures.code,
    commune_name: figures.name,
    unit_type: figures.unit_type,
    from_month: data.period!.from,
    to_month: data.period!.to,
    cases: figures.cases,
    dossiers_total: figures.dossiers_total,
    dossiers_online: figures.dossiers_online,
    online_uptake: figures.online_uptake,
    assisted_online_share: figures.assisted_online_share,
    completion_rate: figures.completion_rate,
    volunteer_hours: figures.volunteer_hours,
    volunteers_active: figures.volunteers_active,
    cases_minority: figures.cases_minority,
    minority_share: figures.minority_share,
    cases_elderly: figures.cases_elderly,
    elderly_share: figures.elderly_share,
    population: figures.population,
    cases_per_1000: figures.cases_per_1000,
  };
}

/** The side-by-side table: the chosen communes in URL order, then the province (code empty). */
export function buildCompareTableDataset(
  data: CompareData,
  context: DatasetContext,
): ExportDataset {
  const columns = compareTableColumns(data.suppressed);
  const rows =
    data.period && data.province_figures
      ? [...data.communes, data.province_figures].map((figures) => tableRow(figures, data))
      : [];
  return {
    file_base_name: fileBaseName(data, "compare-table"),
    columns,
    rows,
    stamp: stampOf(data, "compare-table", context),
  };
}

export const COMPARE_MONTHLY_COLUMNS: readonly ExportColumn[] = [
  { name: "commune_code", type: "string" },
  { name: "commune_name", type: "string" },
  { name: "month", type: "month" },
  metricColumn("cases"),
  metricColumn("cases_online"),
  metricColumn("dossiers_total"),
  metricColumn("dossiers_online"),
  metricColumn("online_uptake"),
  metricColumn("volunteer_hours"),
  metricColumn("volunteers_active"),
];

/** The small multiples' numbers: chosen communes × months of the period. */
export function buildCompareMonthlyDataset(
  data: CompareData,
  context: DatasetContext,
): ExportDataset {
  return {
    file_base_name: fileBaseName(data, "compare-monthly"),
    columns: COMPARE_MONTHLY_COLUMNS,
    rows: data.monthly.map((row) => ({ ...row })),
    stamp: stampOf(data, "compare-monthly", context),
  };
}

export function buildCompareDataset(
  name: CompareDatasetName,
  data: CompareData,
  context: DatasetContext,
): ExportDataset {
  return name === "table"
    ? buildCompareTableDataset(data, context)
    : buildCompareMonthlyDataset(data, context);
}
