// Dot plot for demographic reach: per group, the share among citizens helped (filled circle)
// against the share in the commune's population (hollow square), joined by a line, on one 0–100 %
// axis. Groups without a population share show the helped share alone.
import * as Plot from "@observablehq/plot";
import { chartWidth, isNarrowChart, type ChartContext } from "./chart-context";

export interface ReachSharesRow {
  label: string;
  share_helped: number | null;
  population_share: number | null;
}

export const REACH_HELPED_COLOR = "#1f5f9e";
export const REACH_POPULATION_COLOR = "#b35806";

export function buildReachSharesPlot(
  rows: readonly ReachSharesRow[],
  title: string,
  context: ChartContext,
): Plot.PlotOptions {
  const { t, fmt } = context;
  const narrow = isNarrowChart(context);
  const both = rows.filter((row) => row.share_helped !== null && row.population_share !== null);
  return {
    width: chartWidth(context),
    height: rows.length * 44 + 60,
    // Group names such as "Người cao tuổi (60+)" need the same room at both widths.
    marginLeft: 150,
    marginRight: 24,
    ariaLabel: title,
    x: {
      domain: [0, 1],
      label: t("commune.reach.axis"),
      grid: true,
      tickFormat: (value: number) => fmt.percent(value),
      ...(narrow ? { ticks: [0, 0.25, 0.5, 0.75, 1] } : {}),
    },
    y: { type: "band", domain: rows.map((row) => row.label), label: null },
    marks: [
      Plot.link(both, {
        x1: "population_share",
        x2: "share_helped",
        y1: "label",
        y2: "label",
        stroke: "#767676",
      }),
      Plot.dot(
        rows.filter((row) => row.population_share !== null),
        {
          x: "population_share",
          y: "label",
          symbol: "square",
          stroke: REACH_POPULATION_COLOR,
          strokeWidth: 2,
          fill: "white",
          r: 5,
          title: (row: ReachSharesRow) =>
            `${row.label}, ${t("commune.reach.populationShare")}: ${fmt.percent(row.population_share, 1)}`,
        },
      ),
      Plot.dot(
        rows.filter((row) => row.share_helped !== null),
        {
          x: "share_helped",
          y: "label",
          symbol: "circle",
          fill: REACH_HELPED_COLOR,
          r: 5,
          title: (row: ReachSharesRow) =>
            `${row.label}, ${t("commune.reach.shareHelped")}: ${fmt.percent(row.share_helped, 1)}`,
        },
      ),
    ],
  };
}
