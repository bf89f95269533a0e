// Choropleth: one metric per commune on the province map. Five quantized classes of blue
// (CHOROPLETH_COLORS); communes without a value
// are hatched grey, communes outside the filter plain light grey, and each says so in its title.
import * as Plot from "@observablehq/plot";
import { hatchFill, hatchPatternMark, type HatchPattern } from "./hatch-pattern";
import type { Feature, Geometry } from "geojson";
import type { MapMetric } from "~/lib/filters/filter-options";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import type { ChartContext } from "./chart-context";
import type { ProjectedShapes } from "./project-mercator";

export interface ChoroplethCommune {
  code: string;
  name: string;
  value: number | null;
}

export interface CommuneShapeProperties extends Record<string, unknown> {
  code: string;
  full_name?: string;
}

/** Boundaries already projected to pixels (see project-mercator.ts), drawn as they are. */
export type ProjectedCommuneShapes = ProjectedShapes<CommuneShapeProperties>;

export const MAP_WIDTH = 560;
/**
 * Five classes of ColorBrewer Blues (single hue, readable with any colour-vision deficiency),
 * starting at its fourth step so the lightest class stays visibly blue on the white page and
 * apart from the grey of "outside the filter" and "no value".
 */
export const CHOROPLETH_COLORS = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"] as const;
const NO_VALUE_PATTERN: HatchPattern = {
  id: "cns-no-value-hatch",
  background: "#f3f4f6",
  stripe: "#6b7280",
};
export const NO_VALUE_PATTERN_ID = NO_VALUE_PATTERN.id;
export const NO_VALUE_FILL = hatchFill(NO_VALUE_PATTERN);
export const FILTERED_OUT_FILL = "#e8eaed";
export const BORDER_COLOR = "#6b7280";

type ShapeFeature = Feature<Geometry, CommuneShapeProperties>;

interface MapDatum {
  feature: ShapeFeature;
  commune: ChoroplethCommune | undefined;
}

/**
 * `communes` are the units in the filter, with their value (null = not computable). Shapes of
 * the province with no entry in `communes` are drawn as "outside the filter".
 */
export function buildCommuneChoroplethPlot(
  { shapes, width, height }: ProjectedCommuneShapes,
  communes: readonly ChoroplethCommune[],
  metric: MapMetric,
  { t, fmt }: ChartContext,
): Plot.PlotOptions {
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const data: MapDatum[] = shapes.features.map((feature) => ({
    feature,
    commune: byCode.get(feature.properties.code),
  }));
  const withValue = data.filter((datum) => datum.commune && datum.commune.value !== null);
  const withoutValue = data.filter((datum) => datum.commune && datum.commune.value === null);
  const outside = data.filter((datum) => !datum.commune);
  // Quantize needs two distinct values to cut classes from; one unit (the đặc khu) or equal values
  // gave Plot a zero-width domain and a 500. Then the classes span zero to that value.
  const values = withValue.map((datum) => datum.commune!.value!);
  const single = values.length > 0 && Math.min(...values) === Math.max(...values);
  const only = values[0] ?? 0;
  const nameOf = (datum: MapDatum) =>
    datum.commune?.name ??
    String(datum.feature.properties.full_name ?? datum.feature.properties.code);
  const geometry = (datum: MapDatum) => datum.feature.geometry;
  const border = { stroke: BORDER_COLOR, strokeWidth: 0.4 };

  return {
    width,
    height,
    margin: 0,
    ariaLabel: t(METRICS[metric].name),
    projection: "identity",
    color:
      withValue.length > 0
        ? {
            type: "quantize",
            n: 5,
            ...(single
              ? { domain: only === 0 ? [0, 1] : [Math.min(0, only), Math.max(0, only)] }
              : {}),
            range: [...CHOROPLETH_COLORS],
            legend: true,
            label: t(METRICS[metric].name),
            tickFormat: (value: number) => formatMetric(metric, value, fmt),
          }
        : undefined,
    marks: [
      hatchPatternMark(NO_VALUE_PATTERN),
      Plot.geo(withValue, {
        geometry,
        fill: (datum: MapDatum) => datum.commune!.value,
        ...border,
        title: (datum: MapDatum) =>
          `${nameOf(datum)}: ${formatMetric(metric, datum.commune!.value, fmt)}`,
      }),
      Plot.geo(withoutValue, {
        geometry,
        fill: NO_VALUE_FILL,
        ...border,
        title: (datum: MapDatum) => t("chart.map.noValueTooltip", { name: nameOf(datum) }),
      }),
      Plot.geo(outside, {
        geometry,
        fill: FILTERED_OUT_FILL,
        ...border,
        title: (datum: MapDatum) => `${nameOf(datum)} (${t("chart.map.legendFilteredOut")})`,
      }),
    ],
  };
}

/** The highest and lowest commune and how many have no value. */
export function describeCommuneChoropleth(
  communes: readonly ChoroplethCommune[],
  metric: MapMetric,
  { t, fmt }: ChartContext,
): string {
  const valued = communes.filter(
    (commune): commune is ChoroplethCommune & { value: number } => commune.value !== null,
  );
  const missing = communes.length - valued.length;
  const missingSentence = missing > 0 ? ` ${t("chart.map.missingCount", { count: missing })}` : "";
  const first = valued[0];
  if (!first) return t("chart.map.noValues");
  // Ties go to the earlier entry; callers pass communes already in ranking order.
  const highest = valued.reduce(
    (best, commune) => (commune.value > best.value ? commune : best),
    first,
  );
  const lowest = valued.reduce(
    (worst, commune) => (commune.value < worst.value ? commune : worst),
    first,
  );
  return (
    t("chart.map.description", {
      maxName: highest.name,
      maxValue: formatMetric(metric, highest.value, fmt),
      minName: lowest.name,
      minValue: formatMetric(metric, lowest.value, fmt),
    }) + missingSentence
  );
}
