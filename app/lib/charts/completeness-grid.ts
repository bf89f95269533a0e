// Cell chart: one row per commune, one column per month, coloured by what arrived (all three
// kinds, some, nothing). Blue, grey and orange differ in lightness and hue for every common
// colour-vision deficiency, and months with nothing also carry a "×", so colour is not the only cue.
import * as Plot from "@observablehq/plot";
import { formatMonthTick, monthTicks, type ChartContext } from "./chart-context";

// The rows this chart draws, declared here so the chart does not depend on the quality page that
// computes them (app/pages/quality/completeness.ts); that page's Completeness fits this shape.
export type CellStatus = "complete" | "partial" | "nothing";

export interface CompletenessCell {
  commune_name: string;
  month: string;
  assistance: boolean;
  shifts: boolean;
  dossiers: boolean;
  status: CellStatus;
}

export interface Completeness {
  months: string[];
  cells: CompletenessCell[];
  gaps: { months_nothing: string[] }[];
  communes_total: number;
  cells_nothing: number;
  cells_partial: number;
}

export const COMPLETENESS_COLORS: Record<CellStatus, string> = {
  complete: "#1f5f9e",
  partial: "#6b7280",
  nothing: "#b35806",
};
export const NOTHING_MARK = "×";

const ROW_HEIGHT = 14;
const MONTH_WIDTH = 30;
// Room for names like "Phường Xuân Trường - Đà Lạt" at 13 px; longer ones are shortened (the
// full name is in each cell's title and in the table below).
const MARGIN_LEFT = 214;
const NAME_CHARACTERS = 28;

function kindsText(cell: CompletenessCell, { t }: ChartContext): string {
  const kinds = (["assistance", "shifts", "dossiers"] as const)
    .filter((kind) => cell[kind])
    .map((kind) => t(`quality.kind.${kind}`));
  return kinds.length > 0 ? kinds.join(", ") : t("quality.completeness.nothing");
}

export function buildCompletenessGridPlot(
  completeness: Completeness,
  context: ChartContext,
): Plot.PlotOptions {
  const { t, fmt } = context;
  const { months, cells } = completeness;
  const names = [...new Set(cells.map((cell) => cell.commune_name))];
  const statuses = Object.keys(COMPLETENESS_COLORS) as CellStatus[];
  return {
    width: MARGIN_LEFT + Math.max(months.length, 3) * MONTH_WIDTH + 10,
    height: names.length * ROW_HEIGHT + 60,
    marginLeft: MARGIN_LEFT,
    marginTop: 40,
    marginBottom: 10,
    ariaLabel: t("quality.completeness.chartTitle"),
    x: {
      type: "band",
      domain: months,
      ticks: monthTicks(months),
      tickFormat: (month: string) => formatMonthTick(month, months[0], fmt),
      axis: "top",
      label: null,
      padding: 0.08,
    },
    y: {
      type: "band",
      domain: names,
      label: null,
      padding: 0.08,
      tickSize: 0,
      tickFormat: (name: string) =>
        name.length > NAME_CHARACTERS ? `${name.slice(0, NAME_CHARACTERS - 1)}…` : name,
    },
    color: {
      type: "ordinal",
      domain: statuses,
      range: statuses.map((s) => COMPLETENESS_COLORS[s]),
    },
    marks: [
      Plot.cell(cells, {
        x: "month",
        y: "commune_name",
        fill: "status",
        title: (cell: CompletenessCell) =>
          `${cell.commune_name}, ${fmt.monthLong(cell.month)}: ${kindsText(cell, context)}`,
      }),
      Plot.text(
        cells.filter((cell) => cell.status === "nothing"),
        { x: "month", y: "commune_name", text: () => NOTHING_MARK, fill: "white" },
      ),
    ],
  };
}

/** One sentence: how many commune-months sent nothing, and how many only some kinds. */
export function describeCompletenessGrid(completeness: Completeness, { t, fmt }: ChartContext) {
  if (completeness.cells.length === 0) return t("quality.completeness.empty");
  return t("quality.completeness.description", {
    communes: fmt.integer(completeness.communes_total),
    months: fmt.integer(completeness.months.length),
    nothing: fmt.integer(completeness.cells_nothing),
    partial: fmt.integer(completeness.cells_partial),
    gaps: fmt.integer(completeness.gaps.filter((gap) => gap.months_nothing.length > 0).length),
  });
}
