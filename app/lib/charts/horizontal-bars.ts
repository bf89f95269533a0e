// Horizontal bar chart for a ranked breakdown (procedure groups, help types, team hours): one
// bar per label, longest first as given, the value printed at the bar's end.
import * as Plot from "@observablehq/plot";
import { CHART_WIDTH } from "./chart-context";
import { CASES_BAR_COLOR } from "./monthly-cases";

export interface HorizontalBarRow {
  label: string;
  value: number;
}

export interface HorizontalBarsOptions {
  title: string;
  axisLabel: string;
  format: (value: number) => string;
  color?: string;
}

// Long Vietnamese labels need room; bars below it keep a readable minimum.
const LABEL_MARGIN = 220;
const ROW_HEIGHT = 26;

export function buildHorizontalBarsPlot(
  rows: readonly HorizontalBarRow[],
  { title, axisLabel, format, color = CASES_BAR_COLOR }: HorizontalBarsOptions,
): Plot.PlotOptions {
  const labels = rows.map((row) => row.label);
  return {
    width: CHART_WIDTH,
    height: Math.max(80, rows.length * ROW_HEIGHT + 50),
    marginLeft: LABEL_MARGIN,
    marginRight: 56,
    ariaLabel: title,
    x: { label: axisLabel, grid: true, nice: true, tickFormat: format },
    y: {
      type: "band",
      domain: labels,
      label: null,
      padding: 0.2,
      tickFormat: (label: string) => (label.length > 34 ? `${label.slice(0, 33)}…` : label),
    },
    marks: [
      Plot.barX(rows, {
        x: "value",
        y: "label",
        fill: color,
        title: (row: HorizontalBarRow) => `${row.label}: ${format(row.value)}`,
      }),
      Plot.text(rows, {
        x: "value",
        y: "label",
        text: (row: HorizontalBarRow) => format(row.value),
        textAnchor: "start",
        dx: 4,
        fill: "#1a1a1a",
      }),
      Plot.ruleX([0]),
    ],
  };
}
