// A download column holding a registered metric: its type follows the metric's kind and its
// description is the registry's column text in English, so every file describes a metric the
// same way (app/lib/metrics/registry.ts).
import { createTranslator } from "~/lib/i18n/translate";
import { metricOf, type MetricDefinition, type MetricId } from "~/lib/metrics/registry";
import type { ExportColumn } from "./dataset";

const COLUMN_TYPES: Record<MetricDefinition["kind"], ExportColumn["type"]> = {
  count: "int",
  sum: "float",
  ratio: "float",
};

const english = createTranslator("en");

/**
 * `name` keeps a download's documented column name where it differs from the metric's id
 * (compare's `minority_share`); `type` overrides the kind's type (a suppressed count is text).
 */
export function metricColumn(
  id: MetricId,
  { name = id as string, type }: { name?: string; type?: ExportColumn["type"] } = {},
): ExportColumn {
  const definition = metricOf(id);
  return {
    name,
    type: type ?? COLUMN_TYPES[definition.kind],
    ...(definition.kind === "ratio" ? { nullable: true } : {}),
    description: english(definition.column),
  };
}

/**
 * The two online rates with the counts they are formed from, in the order the monthly tables
 * list them (the commune page's and the report's trend).
 */
export const ONLINE_RATE_COLUMNS: readonly ExportColumn[] = (
  [
    "cases",
    "cases_online",
    "dossiers_total",
    "dossiers_online",
    "online_uptake",
    "assisted_online_share",
  ] as const
).map((id) => metricColumn(id));
