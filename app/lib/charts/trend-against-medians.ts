// Line chart: one commune's monthly value against the median of its peer communes and of the
// province. The three lines differ by colour, dash and point shape, not colour alone.
import * as Plot from "@observablehq/plot";
import { monthlyChartFrame, type ChartContext } from "./chart-context";
import { lineSeriesMarks } from "./line-series-marks";
import { TREND_SERIES } from "./trend-against-medians-series";
import type { Formatter } from "~/lib/i18n/formatter";
import { formatMetric } from "~/lib/metrics/registry";

export interface TrendAgainstMediansRow {
  month: string;
  own: number | null;
  peer_median: number | null;
  province_median: number | null;
}

export type TrendValueKind = "share" | "count";

/** A share as the registry prints online uptake; a median of counts may end in ,5. */
function formatTrendValue(kind: TrendValueKind, value: number | null, fmt: Formatter): string {
  return kind === "share" ? formatMetric("online_uptake", value, fmt) : fmt.decimal(value, 1);
}

export function buildTrendAgainstMediansPlot(
  rows: readonly TrendAgainstMediansRow[],
  kind: TrendValueKind,
  title: string,
  axisLabel: string,
  context: ChartContext,
): Plot.PlotOptions {
  const { fmt } = context;
  const months = rows.map((row) => row.month);
  const format = (value: number | null) => formatTrendValue(kind, value, fmt);
  const { monthAxis, ...frame } = monthlyChartFrame(months, context);
  return {
    ...frame,
    ariaLabel: title,
    x: {
      type: "point",
      ...monthAxis,
      inset: 12,
    },
    y:
      kind === "share"
        ? {
            domain: [0, 1],
            label: axisLabel,
            grid: true,
            tickFormat: (value: number) => fmt.percent(value),
          }
        : {
            label: axisLabel,
            grid: true,
            nice: true,
            zero: true,
            tickFormat: (value: number) => fmt.integer(value),
          },
    marks: [Plot.ruleY([0]), ...lineSeriesMarks(rows, TREND_SERIES, format, context)],
  };
}

/** "Over the period: this commune 52%, peer median 47%, province median 44%." (last month) */
export function describeTrendAgainstMedians(
  rows: readonly TrendAgainstMediansRow[],
  kind: TrendValueKind,
  { t, fmt }: ChartContext,
): string {
  const format = (value: number | null) => formatTrendValue(kind, value, fmt);
  const last = [...rows].reverse().find((row) => row.own !== null);
  if (!last) return t("commune.trend.none");
  return t("commune.trend.description", {
    month: fmt.monthNumeric(last.month),
    own: format(last.own),
    peer: format(last.peer_median),
    province: format(last.province_median),
  });
}
