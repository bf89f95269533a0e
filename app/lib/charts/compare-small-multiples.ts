// Small multiples for the compare page: one small chart per commune and indicator, every panel of
// an indicator on the same y scale so heights compare across panels. Uptake is a line (a share
// per month), cases and volunteer hours are bars (counts per month).
import * as Plot from "@observablehq/plot";
import { formatMetric } from "~/lib/metrics/registry";
import { formatMonthTick, monthTicks, type ChartContext } from "./chart-context";
import { CASES_BAR_COLOR } from "./monthly-cases";
import { ONLINE_RATE_SERIES } from "./monthly-online-rates-series";

export const SMALL_MULTIPLE_METRICS = ["online_uptake", "cases", "volunteer_hours"] as const;
export type SmallMultipleMetric = (typeof SMALL_MULTIPLE_METRICS)[number];

export interface SmallMultiplePoint {
  month: string;
  value: number | null;
}

/** Width of one panel's SVG coordinate space; CSS lays panels out in a wrapping grid. */
export const PANEL_WIDTH = 300;
const PANEL_HEIGHT = 150;
// #0f6e5a (teal) on white: 6.1:1, distinct from the cases blue for every common deficiency.
export const HOURS_BAR_COLOR = "#0f6e5a";

/** The shared y domain of one indicator: 0–100 % for uptake, 0–max over all panels otherwise. */
export function sharedYDomain(
  metric: SmallMultipleMetric,
  panels: readonly (readonly SmallMultiplePoint[])[],
): [number, number] {
  if (metric === "online_uptake") return [0, 1];
  const max = Math.max(0, ...panels.flat().map((point) => point.value ?? 0));
  return [0, max > 0 ? max : 1];
}

export function buildSmallMultiplePlot(
  points: readonly SmallMultiplePoint[],
  metric: SmallMultipleMetric,
  yDomain: [number, number],
  panelTitle: string,
  { fmt, open }: ChartContext,
): Plot.PlotOptions {
  const months = points.map((point) => point.month);
  const formatValue = (value: number | null) =>
    metric === "online_uptake" ? fmt.percent(value) : fmt.integer(value);
  const x = {
    domain: months,
    ticks: monthTicks(months, 4),
    tickFormat: (month: string) => formatMonthTick(month, months[0], fmt, open),
    label: null,
  };
  const title = (point: SmallMultiplePoint) =>
    `${panelTitle}, ${fmt.monthLong(point.month)}: ${formatValue(point.value)}`;
  const marks =
    metric === "online_uptake"
      ? [
          Plot.lineY(points, {
            x: "month",
            y: "value",
            stroke: ONLINE_RATE_SERIES[0]!.color,
            strokeWidth: 2,
          }),
          Plot.dot(points, {
            x: "month",
            y: "value",
            fill: ONLINE_RATE_SERIES[0]!.color,
            r: 2.5,
            title,
          }),
        ]
      : [
          Plot.barY(points, {
            x: "month",
            y: "value",
            fill: metric === "cases" ? CASES_BAR_COLOR : HOURS_BAR_COLOR,
            title,
          }),
        ];
  return {
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    // "100%" at 13 px with its tick needs about 48 units.
    marginLeft: 52,
    marginBottom: 32,
    marginTop: 8,
    ariaLabel: panelTitle,
    x:
      metric === "online_uptake"
        ? { type: "point", inset: 6, ...x }
        : { type: "band", padding: 0.2, ...x },
    y: {
      domain: yDomain,
      grid: true,
      ticks: 3,
      label: null,
      tickFormat: (value: number) =>
        metric === "online_uptake" ? fmt.percent(value) : fmt.integer(value),
    },
    marks: [...marks, Plot.ruleY([0])],
  };
}

/** One sentence per indicator: which commune is highest and lowest over the period. */
export function describeSmallMultiples(
  totals: readonly { name: string; value: number | null }[],
  metric: SmallMultipleMetric,
  { t, fmt }: ChartContext,
): string {
  const known = totals.filter(
    (entry): entry is { name: string; value: number } => entry.value !== null,
  );
  if (known.length === 0) return t("compare.chart.noValues");
  const formatValue = (value: number) => formatMetric(metric, value, fmt);
  const highest = known.reduce((best, entry) => (entry.value > best.value ? entry : best));
  const lowest = known.reduce((best, entry) => (entry.value < best.value ? entry : best));
  if (known.length === 1 || highest === lowest) {
    return t("compare.chart.single", { name: highest.name, value: formatValue(highest.value) });
  }
  return t("compare.chart.description", {
    maxName: highest.name,
    maxValue: formatValue(highest.value),
    minName: lowest.name,
    minValue: formatValue(lowest.value),
  });
}
