// The commune page's downloads, one per table, built from the same CommunePage the page renders,
// so a file and the page can never disagree. Suppressed demographic counts ("<8") make their
// columns text for leader and secretary viewers.
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
import { metricColumn, ONLINE_RATE_COLUMNS } from "~/lib/export/metric-column";
import type { CommunePage } from "~/pages/commune/load.server";

export const COMMUNE_TABLES = [
  "trend",
  "procedures",
  "help_types",
  "reach",
  "teams",
  "heatmap",
] as const;
export type CommuneTable = (typeof COMMUNE_TABLES)[number];

export function isCommuneTable(value: string): value is CommuneTable {
  return (COMMUNE_TABLES as readonly string[]).includes(value);
}

export interface CommuneDatasetContext {
  /** ISO 8601 time the file is produced. */
  generatedAt: string;
}

interface TableSpec {
  columns: readonly ExportColumn[];
  rows: ExportRow[];
}

const COMMUNE_COLUMNS: readonly ExportColumn[] = [
  { name: "commune_code", type: "string", dictionary: true },
  { name: "commune_name", type: "string", dictionary: true },
];

function trendTable(page: CommunePage): TableSpec {
  return {
    columns: [
      { name: "month", type: "month" },
      ...ONLINE_RATE_COLUMNS,
      {
        name: "peer_median_online_uptake",
        type: "float",
        nullable: true,
        description: "Median online uptake of the peer communes that month",
      },
      {
        name: "province_median_online_uptake",
        type: "float",
        nullable: true,
        description: "Median online uptake of the province's communes with dossiers that month",
      },
      { name: "peer_median_cases", type: "float", nullable: true },
      { name: "province_median_cases", type: "float", nullable: true },
    ],
    rows: page.trend.map((row) => ({
      month: row.month,
      cases: row.cases,
      cases_online: row.cases_online,
      dossiers_total: row.dossiers_total,
      dossiers_online: row.dossiers_online,
      online_uptake: row.online_uptake,
      assisted_online_share: row.assisted_online_share,
      peer_median_online_uptake: row.peer_median_online_uptake,
      province_median_online_uptake: row.province_median_online_uptake,
      peer_median_cases: row.peer_median_cases,
      province_median_cases: row.province_median_cases,
    })),
  };
}

function proceduresTable(page: CommunePage): TableSpec {
  return {
    columns: [
      { name: "procedure_code", type: "string" },
      { name: "procedure_group", type: "string", dictionary: true },
      { name: "label_vi", type: "string" },
      { name: "label_en", type: "string" },
      metricColumn("cases"),
      metricColumn("cases_online"),
      metricColumn("assisted_online_share"),
      { name: "share_of_cases", type: "float", nullable: true },
    ],
    rows: page.procedures.map((row) => ({
      procedure_code: row.procedure_code,
      procedure_group: row.procedure_group,
      label_vi: row.label_vi,
      label_en: row.label_en,
      cases: row.cases,
      cases_online: row.cases_online,
      assisted_online_share: row.assisted_online_share,
      share_of_cases: row.share_of_cases,
    })),
  };
}

function helpTypesTable(page: CommunePage): TableSpec {
  return {
    columns: [
      { name: "help_type", type: "string", dictionary: true },
      metricColumn("cases"),
      metricColumn("cases_online"),
      { name: "share_of_cases", type: "float", nullable: true },
    ],
    rows: page.help_types.map((row) => ({ ...row })),
  };
}

/**
 * One row per reach group, ethnic group and age band (`breakdown` says which), so one file holds
 * the whole section. A selection too small to break down has no rows.
 */
function reachTable(page: CommunePage): TableSpec {
  const { reach } = page;
  const count: ExportColumn["type"] = reach.suppressed ? "string" : "int";
  const profileYear = reach.profile?.year ?? null;
  const rows: ExportRow[] = [
    ...reach.rows.map((row) => ({
      breakdown: "reach",
      category: row.group,
      category_name: null,
      cases: row.cases,
      share_helped: row.share_helped,
      population_share: row.population_share,
      reach_index: row.reach_index,
      profile_year: profileYear,
    })),
    ...reach.ethnic_groups.map((row) => ({
      breakdown: "ethnic_group",
      category: row.ethnic_code,
      category_name: row.name_vi,
      cases: row.cases,
      share_helped: row.share_helped,
      population_share: null,
      reach_index: null,
      profile_year: null,
    })),
    ...reach.age_bands.map((row) => ({
      breakdown: "age_band",
      category: row.age_band,
      category_name: null,
      cases: row.cases,
      share_helped: row.share_helped,
      population_share: null,
      reach_index: null,
      profile_year: null,
    })),
  ];
  return {
    columns: [
      {
        name: "breakdown",
        type: "string",
        dictionary: true,
        description: "reach (minority/elderly/female), ethnic_group or age_band",
      },
      {
        name: "category",
        type: "string",
        nullable: true,
        description: "Group, GSO ethnic code (null = unknown) or age band",
      },
      { name: "category_name", type: "string", nullable: true },
      {
        name: "cases",
        type: count,
        description: reach.suppressed
          ? "Cases, small-cell suppressed: 0, <8, or rounded to the nearest 5"
          : "Cases",
      },
      { name: "share_helped", type: "float", nullable: true },
      { name: "population_share", type: "float", nullable: true },
      { name: "reach_index", type: "float", nullable: true },
      { name: "profile_year", type: "int", nullable: true },
    ],
    rows,
  };
}

function teamsTable(page: CommunePage): TableSpec {
  return {
    columns: [
      { name: "team", type: "string" },
      { name: "shifts", type: "int" },
      { name: "volunteers", type: "int" },
      metricColumn("volunteer_hours"),
      metricColumn("cases"),
      { name: "cases_per_hour", type: "float", nullable: true },
    ],
    rows: page.teams.map((row) => ({ ...row })),
  };
}

function heatmapTable(page: CommunePage): TableSpec {
  return {
    columns: [
      { name: "weekday", type: "int", description: "ISO weekday, 1 = Monday … 7 = Sunday" },
      { name: "hour", type: "int", description: "Hour slot [hour, hour + 1), local time" },
      metricColumn("cases"),
      metricColumn("volunteer_hours"),
    ],
    rows: page.heatmap.cells.map((cell) => ({ ...cell })),
  };
}

const TABLES: Record<CommuneTable, (page: CommunePage) => TableSpec> = {
  trend: trendTable,
  procedures: proceduresTable,
  help_types: helpTypesTable,
  reach: reachTable,
  teams: teamsTable,
  heatmap: heatmapTable,
};

export function buildCommuneDataset(
  table: CommuneTable,
  page: CommunePage,
  context: CommuneDatasetContext,
): ExportDataset {
  const spec = TABLES[table];
  const { columns, rows } = spec(page);
  const name = `commune-${table.replace("_", "-")}`;
  const filters: Record<string, string | string[]> = { commune: page.commune.code };
  if (page.period) {
    filters.from = page.period.from;
    filters.to = page.period.to;
  }
  if (page.procedure_group) filters.procedure_group = page.procedure_group;
  const range = page.period ? `_${page.period.from}_${page.period.to}` : "";
  return {
    file_base_name: `cau-noi-so_${name}_${page.commune.code}${range}`,
    columns: [...COMMUNE_COLUMNS, ...columns],
    rows: rows.map((row) => ({
      commune_code: page.commune.code,
      commune_name: page.commune.full_name,
      ...row,
    })),
    stamp: {
      dataset: name,
      filters,
      as_of: page.coverage?.refreshed_at ?? null,
      last_batch_id: page.coverage?.last_batch_id ?? null,
      generated_at: context.generatedAt,
    },
  };
}
