// The marks of a monthly line chart with several series: per series a line in its colour and dash,
// and one dot per month in its shape carrying the tooltip (a line's title would cover the whole
// series). The series lists (lib/charts/*-series.ts) also draw the page's legend.
import * as Plot from "@observablehq/plot";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { ChartContext } from "./chart-context";

export interface LineSeries<Key extends string> {
  key: Key;
  name_key: MessageKey;
  color: string;
  dash: string | undefined;
  symbol: "circle" | "square" | "triangle";
}

export function lineSeriesMarks<
  Key extends string,
  Row extends { month: string } & Record<Key, number | null>,
>(
  rows: readonly Row[],
  series: readonly LineSeries<Key>[],
  format: (value: number | null) => string,
  { t, fmt }: ChartContext,
): Plot.Markish[] {
  return series.flatMap((line) => [
    Plot.lineY(rows, {
      x: "month",
      y: line.key,
      stroke: line.color,
      strokeWidth: 2,
      strokeDasharray: line.dash,
    }),
    Plot.dot(rows, {
      x: "month",
      y: line.key,
      fill: line.color,
      r: 3.5,
      symbol: line.symbol,
      title: (row: Row) =>
        `${t(line.name_key)}, ${fmt.monthLong(row.month)}: ${format(row[line.key])}`,
    }),
  ]);
}
