// Line chart: online uptake (dossiers) and assisted-online share (volunteer cases) per month, on
// one 0–100 % axis. Both are shares of different denominators, so they share a scale but no
// second axis; the lines differ by colour, dash and point shape, not colour alone.
import * as Plot from "@observablehq/plot";
import { monthlyChartFrame, type ChartContext } from "./chart-context";
import { lineSeriesMarks } from "./line-series-marks";
import { ONLINE_RATE_SERIES, type RateSeries } from "./monthly-online-rates-series";
import type { Formatter } from "~/lib/i18n/formatter";
import { formatMetric, METRICS } from "~/lib/metrics/registry";

/** Both lines are registry ratios printed at the same precision (one format serves the marks). */
function formatRate(value: number | null, fmt: Formatter): string {
  return fmt.percent(value, METRICS.online_uptake.precision);
}

export interface MonthlyRatesRow {
  month: string;
  online_uptake: number | null;
  assisted_online_share: number | null;
}

export function buildMonthlyOnlineRatesPlot(
  rows: readonly MonthlyRatesRow[],
  context: ChartContext,
): Plot.PlotOptions {
  const { t, fmt } = context;
  const months = rows.map((row) => row.month);
  const { monthAxis, ...frame } = monthlyChartFrame(months, context);
  return {
    ...frame,
    ariaLabel: t("chart.rates.title"),
    x: {
      type: "point",
      ...monthAxis,
      inset: 12,
    },
    y: {
      domain: [0, 1],
      label: t("chart.rates.axis"),
      grid: true,
      tickFormat: (value: number) => fmt.percent(value),
    },
    marks: [
      Plot.ruleY([0]),
      ...lineSeriesMarks(rows, ONLINE_RATE_SERIES, (value) => formatRate(value, fmt), context),
    ],
  };
}

function describeSeries(
  rows: readonly MonthlyRatesRow[],
  series: RateSeries,
  { t, fmt }: ChartContext,
): string {
  const name = t(series.name_key);
  const known = rows.filter((row) => row[series.key] !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return t("chart.rates.none", { name });
  const fromValue = formatMetric(series.key, first[series.key], fmt);
  const toValue = formatMetric(series.key, last[series.key], fmt);
  const params = {
    name,
    fromValue,
    toValue,
    fromMonth: fmt.monthNumeric(first.month),
    toMonth: fmt.monthNumeric(last.month),
  };
  if (first === last) return t("chart.rates.single", params);
  // Compare what the reader sees: two values that print the same are "unchanged".
  if (fromValue === toValue) return t("chart.rates.flat", params);
  return t(
    last[series.key]! > first[series.key]! ? "chart.rates.rose" : "chart.rates.fell",
    params,
  );
}

/** E.g. "Tỷ lệ hồ sơ trực tuyến tăng từ 38% (7/2025) lên 71% (11/2026). …" */
export function describeMonthlyOnlineRates(
  rows: readonly MonthlyRatesRow[],
  context: ChartContext,
): string {
  return ONLINE_RATE_SERIES.map((series) => describeSeries(rows, series, context)).join(" ");
}
