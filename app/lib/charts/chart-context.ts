// What every chart builder needs to label itself in the reader's language.
import type { ScaleOptions } from "@observablehq/plot";
import type { Formatter } from "~/lib/i18n/formatter";
import type { Translator } from "~/lib/i18n/translate";

export interface ChartContext {
  t: Translator;
  fmt: Formatter;
  /** Width of the SVG to lay out for: CHART_WIDTH (default) or NARROW_CHART_WIDTH. */
  width?: number;
}

/** Font size of chart text in SVG units (Plot's default is 10). */
export const CHART_FONT_SIZE = 13;

/**
 * Spread into a colour scale with a legend: Plot draws legends at its default 10 px unless the
 * scale passes a style on (Plot's types omit that legend option, hence the cast).
 */
export const LEGEND_STYLE = {
  style: { fontSize: `${CHART_FONT_SIZE}px` },
} as Partial<ScaleOptions>;

/**
 * Width of the SVG coordinate space. CSS scales the SVG to its column, text with it; 560 units
 * with 13-unit text (render-plot.server.ts) keeps labels near 13 px in a desktop column.
 */
export const CHART_WIDTH = 560;

/**
 * The phone variant (ADR 017): a 390 px screen leaves about 350 px for a figure, so a 340-unit
 * SVG is shown at (nearly) its own size and 13-unit text stays at least 11 px down to a 290 px
 * column. Builders lay out for it (fewer ticks, labels above bars) instead of shrinking.
 */
export const NARROW_CHART_WIDTH = 340;

/** The width a builder lays out for. */
export function chartWidth(context: Pick<ChartContext, "width">): number {
  return context.width ?? CHART_WIDTH;
}

/** Whether a builder lays out for the phone variant. */
export function isNarrowChart(context: Pick<ChartContext, "width">): boolean {
  return chartWidth(context) < CHART_WIDTH;
}

/**
 * Tick labels for a month axis: the month on every tick, the year under the first tick and
 * under each January; with more than `maxTicks` months, only every n-th month is labelled.
 */
export function monthTicks(months: readonly string[], maxTicks = 12): string[] {
  const step = Math.max(1, Math.ceil(months.length / maxTicks));
  return months.filter((_, index) => index % step === 0);
}

export function formatMonthTick(month: string, first: string | undefined, fmt: Formatter): string {
  const abbrev = fmt.monthAbbrev(month);
  return month === first || month.endsWith("-01") ? `${abbrev}\n${month.slice(0, 4)}` : abbrev;
}

/**
 * The frame every monthly chart shares (cases, rates, the commune's trends): its size for the
 * width it is laid out for, room above the top tick for the y-axis title, which Plot draws in the
 * top margin (so the two never overlap), and month ticks, fewer on a phone.
 */
export function monthlyChartFrame(months: readonly string[], context: ChartContext) {
  return {
    width: chartWidth(context),
    height: 252,
    marginTop: 32,
    marginLeft: 56,
    marginBottom: 36,
    monthAxis: {
      domain: months,
      ticks: monthTicks(months, isNarrowChart(context) ? 6 : 12),
      tickFormat: (month: string) => formatMonthTick(month, months[0], context.fmt),
      label: null,
    },
  };
}
