// Every metric the dashboard shows or a download holds, defined once: what it adds up, how a
// ratio is formed, how it is printed and how its change reads, whether small-cell suppression
// applies, where /methodology explains it and which catalog strings name it. Pages, charts,
// downloads and tiles read this table; tests/unit/metric-registry.test.ts checks it against the
// mart's columns, docs/metrics*.md and both message catalogs.
import type { Formatter } from "~/lib/i18n/formatter";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { suppressedRate } from "~/lib/privacy/suppress";

/** How a change between two periods is expressed: counts in percent, ratios in points. */
export type MetricChange = "relative" | "points" | "units";
export type MetricFormat = "integer" | "decimal" | "percent";

interface MetricCommon {
  /** "mart": a column of mart.commune_month; "derived": computed from mart columns and ref data. */
  source: "mart" | "derived";
  change: MetricChange;
  format: MetricFormat;
  /** Decimals printed in tables and tiles. */
  precision: number;
  /** A demographic figure: leader and secretary roles see it small-cell suppressed. */
  suppressible: boolean;
  /** Heading id in docs/metrics.md and docs/metrics.vi.md (both use the same explicit ids). */
  anchor: string;
  name: MessageKey;
  /** The tile's "?" text, for metrics shown as a key indicator. */
  definition?: MessageKey;
  /** The download column's description (files carry the English text). */
  column: MessageKey;
}

interface CountMetric extends MetricCommon {
  kind: "count" | "sum";
}

/** `(numerator − minus) × scale ÷ denominator`, from summed counts; null without a denominator. */
interface RatioMetric extends MetricCommon {
  kind: "ratio";
  numerator: string;
  minus?: string;
  denominator: string;
  scale?: number;
}

export type MetricDefinition = CountMetric | RatioMetric;

const DEMOGRAPHIC_ANCHOR = "minority-elderly-female-shares";

/** One row of the table below: what sets the metric apart; the rest comes from its kind. */
interface MetricEntry extends Partial<Omit<MetricCommon, "name" | "column" | "definition">> {
  kind: MetricDefinition["kind"];
  anchor: string;
  /** Shown as a key indicator, so it has a "?" text (metric.<id>.definition). */
  definition?: true;
  numerator?: string;
  minus?: string;
  denominator?: string;
  scale?: number;
}

const PER_KIND = {
  count: {
    source: "mart",
    change: "relative",
    format: "integer",
    precision: 0,
    suppressible: false,
  },
  sum: { source: "mart", change: "relative", format: "integer", precision: 0, suppressible: false },
  ratio: { source: "mart", change: "points", format: "percent", precision: 1, suppressible: false },
} as const;

// Mart metrics in the mart's column order (the registry test holds them to it).
const ENTRIES = {
  cases: { kind: "count", anchor: "cases", definition: true },
  cases_online: { kind: "count", anchor: "columns" },
  cases_completed: { kind: "count", anchor: "columns" },
  cases_not_completed: { kind: "count", anchor: "columns" },
  cases_vneid: { kind: "count", anchor: "columns" },
  cases_minority: { kind: "count", anchor: DEMOGRAPHIC_ANCHOR, suppressible: true },
  cases_elderly: { kind: "count", anchor: DEMOGRAPHIC_ANCHOR, suppressible: true },
  cases_female: { kind: "count", anchor: DEMOGRAPHIC_ANCHOR, suppressible: true },
  cases_ethnicity_unknown: { kind: "count", anchor: DEMOGRAPHIC_ANCHOR, suppressible: true },
  volunteer_hours: { kind: "sum", anchor: "volunteer-hours", definition: true },
  volunteers_active: { kind: "count", anchor: "active-volunteers", definition: true },
  dossiers_total: { kind: "count", anchor: "online-uptake" },
  dossiers_online: { kind: "count", anchor: "online-uptake" },
  online_uptake: {
    kind: "ratio",
    anchor: "online-uptake",
    definition: true,
    numerator: "dossiers_online",
    denominator: "dossiers_total",
  },
  assisted_online_share: {
    kind: "ratio",
    anchor: "assisted-online-share",
    definition: true,
    numerator: "cases_online",
    denominator: "cases",
  },
  completion_rate: {
    kind: "ratio",
    anchor: "completion-rate",
    definition: true,
    numerator: "cases",
    minus: "cases_not_completed",
    denominator: "cases",
  },
  minority_reach: {
    kind: "ratio",
    source: "derived",
    anchor: DEMOGRAPHIC_ANCHOR,
    suppressible: true,
    definition: true,
    numerator: "cases_minority",
    denominator: "cases",
  },
  elderly_reach: {
    kind: "ratio",
    source: "derived",
    anchor: DEMOGRAPHIC_ANCHOR,
    suppressible: true,
    definition: true,
    numerator: "cases_elderly",
    denominator: "cases",
  },
  cases_per_1000: {
    kind: "ratio",
    source: "derived",
    change: "relative",
    format: "decimal",
    anchor: "cases-per-1000",
    definition: true,
    numerator: "cases",
    // ref.commune.population; the caller passes null where it is flagged or missing.
    denominator: "population",
    scale: 1000,
  },
  communes_reporting: {
    kind: "count",
    source: "derived",
    change: "units",
    anchor: "units-with-cases",
    definition: true,
  },
} as const satisfies Record<string, MetricEntry>;

type Expanded<E extends MetricEntry> = Omit<E, "definition"> &
  Omit<(typeof PER_KIND)[E["kind"]], keyof E> & {
    name: MessageKey;
    column: MessageKey;
  } & (E extends {
    definition: true;
  }
    ? { definition: MessageKey }
    : { definition?: undefined });

// Message keys follow "metric.<id>.name|definition|column" (app/lib/i18n/messages/metrics.ts).
export const METRICS = Object.fromEntries(
  Object.entries(ENTRIES).map(([id, entry]: [string, MetricEntry]) => [
    id,
    {
      ...PER_KIND[entry.kind],
      ...entry,
      name: `metric.${id}.name`,
      column: `metric.${id}.column`,
      definition: entry.definition ? `metric.${id}.definition` : undefined,
    },
  ]),
) as { readonly [M in keyof typeof ENTRIES]: Expanded<(typeof ENTRIES)[M]> };
// Checked here, as the table's rows are declared loosely to keep their literal types.
const CHECKED: Readonly<Record<string, MetricDefinition>> = METRICS;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(ENTRIES) as MetricId[];
/** The metrics that are columns of mart.commune_month, in the table's column order. */
export const MART_METRIC_IDS = METRIC_IDS.filter((id) => METRICS[id].source === "mart");

export type RatioMetricId = {
  [M in MetricId]: (typeof METRICS)[M] extends { kind: "ratio" } ? M : never;
}[MetricId];

type Terms<D> = D extends { numerator: infer N extends string; denominator: infer Q extends string }
  ? N | Q | (D extends { minus: infer X extends string } ? X : never)
  : never;

/** The counts a ratio needs, by their mart column names (e.g. dossiers_online, dossiers_total). */
export type RatioInputs<M extends RatioMetricId> = {
  readonly [C in Terms<(typeof METRICS)[M]>]: number | null;
};

export function metricOf(id: MetricId): MetricDefinition {
  return CHECKED[id]!;
}

export function isMetricId(value: string): value is MetricId {
  return Object.hasOwn(METRICS, value);
}

/**
 * The one place a ratio is computed: from summed counts, never by averaging ratios, and null
 * (shown "—") without a denominator. With `suppress`, a suppressible ratio also needs at least
 * 8 records in its denominator (suppressedRate; docs/metrics.md, small-cell suppression).
 */
export function ratioOf<M extends RatioMetricId>(
  metric: M,
  row: RatioInputs<M>,
  { suppress = false }: { suppress?: boolean } = {},
): number | null {
  const definition = CHECKED[metric] as RatioMetric;
  const terms = row as Readonly<Record<string, number | null>>;
  const numerator = terms[definition.numerator];
  const minus = definition.minus === undefined ? 0 : terms[definition.minus];
  const denominator = terms[definition.denominator];
  if (numerator == null || minus == null || denominator == null) return null;
  const scale = definition.scale ?? 1;
  if (suppress && definition.suppressible) {
    // From the count as shown, before scaling: a share of a "<8" count would give it back.
    const share = suppressedRate(numerator - minus, denominator);
    return share === null ? null : share * scale;
  }
  return safeRatio((numerator - minus) * scale, denominator);
}

/** A share of a total that is not a registered metric (a group's share of cases, …). */
export function safeRatio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A metric's value as tables, tiles and chart axes print it ("—" when missing). */
export function formatMetric(id: MetricId, value: number | null | undefined, fmt: Formatter) {
  const { format, precision } = METRICS[id];
  switch (format) {
    case "percent":
      return fmt.percent(value, precision);
    case "decimal":
      return fmt.decimal(value, precision);
    case "integer":
      return fmt.integer(value);
  }
}
