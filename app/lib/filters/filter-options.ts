// The values the overview filters accept. Free of zod, so components can list the options
// without shipping the schema library to the browser; filters.ts validates against them.
export const PERIOD_PRESETS = ["3m", "6m", "12m", "ytd", "since_merger"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PERIOD: PeriodPreset = "12m";

export const UNIT_TYPES = ["phuong", "xa", "dac_khu"] as const;
export type UnitTypeFilter = (typeof UNIT_TYPES)[number];

/** Metrics the commune map and ranking can show; names match mart columns where one exists. */
export const MAP_METRICS = [
  "online_uptake",
  "assisted_online_share",
  "cases_per_1000",
  "volunteer_hours",
] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const DEFAULT_MAP_METRIC: MapMetric = "online_uptake";

/** Procedure groups of ref.procedure.procedure_group (the catalogue's fields, grouped). */
export const PROCEDURE_GROUPS = [
  "ho_tich",
  "cu_tru",
  "dinh_danh",
  "chung_thuc",
  "ly_lich_tu_phap",
  "dat_dai",
  "bhxh_bhyt",
  "kinh_doanh",
  "phuong_tien",
  "other",
] as const;
export type ProcedureGroup = (typeof PROCEDURE_GROUPS)[number];

/** At most this many communes in one `commune` filter (the compare page's small multiples). */
export const MAX_FILTER_COMMUNES = 6;
export const COMMUNE_CODE_PATTERN = /^[0-9]{5}$/;

/** The URL parameters the filter reads; anything else (e.g. `lang`) is left alone. */
export const OVERVIEW_FILTER_PARAMS = [
  "period",
  "from",
  "to",
  "unit_type",
  "procedure_group",
  "commune",
  "metric",
] as const;
/** Parameters that may repeat (`?commune=68001&commune=68004`); the others must appear once. */
export const REPEATABLE_FILTER_PARAMS: ReadonlySet<string> = new Set(["commune"]);
