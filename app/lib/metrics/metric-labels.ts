// Catalog keys naming and defining each indicator, in one place for tiles, map and tables.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { MapMetric } from "./filter-options";
import type { KpiId } from "./kpis";

export const METRIC_NAME_KEY: Record<MapMetric, MessageKey> = {
  online_uptake: "metric.online_uptake.name",
  assisted_online_share: "metric.assisted_online_share.name",
  cases_per_1000: "metric.cases_per_1000.name",
  volunteer_hours: "metric.volunteer_hours.name",
};

export const KPI_LABEL_KEYS: Record<KpiId, { name: MessageKey; definition: MessageKey }> = {
  cases: { name: "metric.cases.name", definition: "metric.cases.definition" },
  online_uptake: {
    name: "metric.online_uptake.name",
    definition: "metric.online_uptake.definition",
  },
  assisted_online_share: {
    name: "metric.assisted_online_share.name",
    definition: "metric.assisted_online_share.definition",
  },
  volunteer_hours: {
    name: "metric.volunteer_hours.name",
    definition: "metric.volunteer_hours.definition",
  },
  volunteers_active: {
    name: "metric.volunteers_active.name",
    definition: "metric.volunteers_active.definition",
  },
  minority_reach: {
    name: "metric.minority_reach.name",
    definition: "metric.minority_reach.definition",
  },
  elderly_reach: {
    name: "metric.elderly_reach.name",
    definition: "metric.elderly_reach.definition",
  },
  communes_reporting: {
    name: "metric.communes_reporting.name",
    definition: "metric.communes_reporting.definition",
  },
};
