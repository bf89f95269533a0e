// Heatmap of a value by weekday (rows, Monday first) and hour of day (columns), for demand
// (assistance records) and volunteer presence (volunteer-hours on shift). A sequential single-hue
// scale in five classes stays readable for colour-blind readers and gets a legend of swatches;
// empty slots are left blank, not coloured as 0.
import * as Plot from "@observablehq/plot";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { chartWidth, isNarrowChart, LEGEND_STYLE, type ChartContext } from "./chart-context";

/** ISO weekdays, Monday first, and their names: the heatmap's rows, also named in its table. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_KEYS: Record<number, MessageKey> = {
  1: "commune.weekday.1",
  2: "commune.weekday.2",
  3: "commune.weekday.3",
  4: "commune.weekday.4",
  5: "commune.weekday.5",
  6: "commune.weekday.6",
  7: "commune.weekday.7",
};

export interface HeatmapValueCell {
  weekday: number;
  hour: number;
  value: number;
}

/** The hours to draw: every hour with a value, widened to 07–17 (office hours) at least. */
export function heatmapHours(cells: readonly { hour: number }[]): number[] {
  const hours = cells.map((cell) => cell.hour);
  const first = Math.min(7, ...hours);
  const last = Math.max(17, ...hours);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

export function buildWeekdayHourHeatmapPlot(
  cells: readonly HeatmapValueCell[],
  hours: readonly number[],
  options: {
    title: string;
    /** What a cell counts, for the legend, e.g. "Số ca hỗ trợ". */
    valueLabel: string;
    scheme: "blues" | "oranges";
    format: (value: number) => string;
  },
  context: ChartContext,
): Plot.PlotOptions {
  const { t } = context;
  // Every other hour on a phone: two-digit hours need about 20 units each.
  const hourStep = isNarrowChart(context) ? 2 : 1;
  const weekdayLabel = (weekday: number) => t(WEEKDAY_KEYS[weekday]!);
  const drawn = cells.filter((cell) => cell.value > 0);
  return {
    width: chartWidth(context),
    height: 7 * 28 + 60,
    marginLeft: 72,
    marginBottom: 36,
    ariaLabel: options.title,
    x: {
      type: "band",
      domain: hours,
      ticks: hours.filter((hour) => hour % hourStep === 0),
      label: t("commune.heatmap.hourAxis"),
      padding: 0.05,
    },
    y: {
      type: "band",
      domain: WEEKDAYS.map(weekdayLabel),
      label: null,
      padding: 0.05,
    },
    // Five classes from 0 to the busiest slot. A continuous ramp would need a canvas for its
    // legend, which the server renderer has not; class swatches render as plain SVG, and each
    // cell's exact value is still in its tooltip, the description and the table.
    color:
      drawn.length > 0
        ? {
            type: "quantize",
            n: 5,
            scheme: options.scheme,
            domain: [0, Math.max(...drawn.map((cell) => cell.value))],
            legend: true,
            ...LEGEND_STYLE,
            label: options.valueLabel,
            tickFormat: options.format,
          }
        : { legend: false },
    marks: [
      Plot.cell(drawn, {
        x: "hour",
        y: (cell: HeatmapValueCell) => weekdayLabel(cell.weekday),
        fill: "value",
        inset: 0.5,
        title: (cell: HeatmapValueCell) =>
          `${weekdayLabel(cell.weekday)} ${String(cell.hour).padStart(2, "0")}:00: ${options.format(cell.value)}`,
      }),
      Plot.frame({ stroke: "#bdbdbd" }),
    ],
  };
}

/** The busiest slot, e.g. "Most: Monday 08:00–09:00 (12)". */
export function describeHeatmap(
  cells: readonly HeatmapValueCell[],
  format: (value: number) => string,
  { t }: ChartContext,
  emptyKey: MessageKey,
): string {
  const busiest = cells.reduce<HeatmapValueCell | null>(
    (best, cell) => (cell.value > (best?.value ?? 0) ? cell : best),
    null,
  );
  if (!busiest) return t(emptyKey);
  const hour = String(busiest.hour).padStart(2, "0");
  const next = String(busiest.hour + 1).padStart(2, "0");
  return t("commune.heatmap.busiest", {
    weekday: t(WEEKDAY_KEYS[busiest.weekday]!),
    slot: `${hour}:00–${next}:00`,
    value: format(busiest.value),
  });
}
