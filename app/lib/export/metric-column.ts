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

export interface MetricColumnOptions {
  /** A download's documented column name where it differs from the id (`minority_share`). */
  name?: string;
  /** Instead of the kind's type: a suppressed count is text. */
  type?: ExportColumn["type"];
  /** How this table aggregates the metric, after its definition ("summed over the period"). */
  note?: string;
}

export function metricColumn(
  id: MetricId,
  { name = id as string, type, note }: MetricColumnOptions = {},
): ExportColumn {
  const definition = metricOf(id);
  const text = english(definition.column);
  return {
    name,
    type: type ?? COLUMN_TYPES[definition.kind],
    ...(definition.kind === "ratio" ? { nullable: true } : {}),
    description: note ? `${text}; ${note}` : text,
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
