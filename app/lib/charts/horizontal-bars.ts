// Horizontal bar chart for a ranked breakdown (procedure groups, help types, team hours): one
// bar per label, longest first as given, the value printed at the bar's end. On the phone width
// each label is written above its bar, so the bars keep the whole width and labels are not cut.
import * as Plot from "@observablehq/plot";
import { CHART_WIDTH, NARROW_CHART_WIDTH } from "./chart-context";
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
  /** SVG width to lay out for (default CHART_WIDTH). */
  width?: number;
}

// Long Vietnamese labels need room; bars below it keep a readable minimum.
const LABEL_MARGIN = 220;
const ROW_HEIGHT = 26;
const NARROW_ROW_HEIGHT = 44;
const NARROW_LABEL_CHARACTERS = 44;

function truncate(label: string, characters: number): string {
  return label.length > characters ? `${label.slice(0, characters - 1)}…` : label;
}

export function buildHorizontalBarsPlot(
  rows: readonly HorizontalBarRow[],
  options: HorizontalBarsOptions,
): Plot.PlotOptions {
  return (options.width ?? CHART_WIDTH) <= NARROW_CHART_WIDTH
    ? buildNarrowBarsPlot(rows, options)
    : buildWideBarsPlot(rows, options);
}

function buildNarrowBarsPlot(
  rows: readonly HorizontalBarRow[],
  { title, axisLabel, format, color = CASES_BAR_COLOR }: HorizontalBarsOptions,
): Plot.PlotOptions {
  const labels = rows.map((row) => row.label);
  return {
    width: NARROW_CHART_WIDTH,
    height: Math.max(100, rows.length * NARROW_ROW_HEIGHT + 50),
    marginLeft: 8,
    marginRight: 56,
    ariaLabel: title,
    x: { label: axisLabel, grid: true, nice: true, ticks: 4, tickFormat: format },
    // The band's top half holds the label, the bottom half the bar.
    y: { type: "band", domain: labels, axis: null, padding: 0 },
    marks: [
      Plot.barX(rows, {
        x: "value",
        y: "label",
        fill: color,
        insetTop: NARROW_ROW_HEIGHT / 2,
        insetBottom: 4,
        title: (row: HorizontalBarRow) => `${row.label}: ${format(row.value)}`,
      }),
      Plot.text(rows, {
        x: 0,
        y: "label",
        text: (row: HorizontalBarRow) => truncate(row.label, NARROW_LABEL_CHARACTERS),
        textAnchor: "start",
        dy: -8,
        fill: "#1a1a1a",
      }),
      Plot.text(rows, {
        x: "value",
        y: "label",
        text: (row: HorizontalBarRow) => format(row.value),
        textAnchor: "start",
        dx: 4,
        dy: NARROW_ROW_HEIGHT / 4 - 2,
        fill: "#1a1a1a",
      }),
      Plot.ruleX([0]),
    ],
  };
}

function buildWideBarsPlot(
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
      tickFormat: (label: string) => truncate(label, 34),
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
