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

/** The URL parameters the overview filter reads; anything else (e.g. `lang`) is left alone. */
export const OVERVIEW_FILTER_PARAMS = ["period", "from", "to", "unit_type", "metric"] as const;
