// Bar chart: assisted cases per month for the province (or the unit-type filter).
import * as Plot from "@observablehq/plot";
import { monthlyChartFrame, type ChartContext } from "./chart-context";

export interface MonthlyCasesRow {
  month: string;
  cases: number;
}

// #2c6aa0 on white has a contrast of 5.6:1 (WCAG non-text contrast needs 3:1).
export const CASES_BAR_COLOR = "#2c6aa0";

export function buildMonthlyCasesPlot(
  rows: readonly MonthlyCasesRow[],
  context: ChartContext,
): Plot.PlotOptions {
  const { t, fmt } = context;
  const months = rows.map((row) => row.month);
  const { monthAxis, ...frame } = monthlyChartFrame(months, context);
  return {
    ...frame,
    ariaLabel: t("chart.cases.title"),
    x: {
      type: "band",
      ...monthAxis,
      padding: 0.2,
    },
    y: {
      label: t("chart.cases.axis"),
      grid: true,
      nice: true,
      tickFormat: (value: number) => fmt.integer(value),
    },
    marks: [
      Plot.barY(rows, {
        x: "month",
        y: "cases",
        fill: CASES_BAR_COLOR,
        title: (row: MonthlyCasesRow) => `${fmt.monthLong(row.month)}: ${fmt.integer(row.cases)}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/** One sentence for the figure: first and last month, and the busiest month. */
export function describeMonthlyCases(rows: readonly MonthlyCasesRow[], { t, fmt }: ChartContext) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || rows.every((row) => row.cases === 0)) return t("chart.cases.empty");
  const busiest = rows.reduce((best, row) => (row.cases > best.cases ? row : best), first);
  return t("chart.cases.description", {
    firstValue: fmt.integer(first.cases),
    firstMonth: fmt.monthNumeric(first.month),
    lastValue: fmt.integer(last.cases),
    lastMonth: fmt.monthNumeric(last.month),
    maxValue: fmt.integer(busiest.cases),
    maxMonth: fmt.monthNumeric(busiest.month),
  });
}
