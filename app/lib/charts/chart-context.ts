// What every chart builder needs to label itself in the reader's language.
import type { Formatter } from "~/lib/i18n/formatter";
import type { Translator } from "~/lib/i18n/translate";

export interface ChartContext {
  t: Translator;
  fmt: Formatter;
}

/**
 * Width of the SVG coordinate space. CSS scales the SVG to its column, text with it; 560 units
 * with 13-unit text (render-plot.server.ts) keeps labels near 13 px in a desktop column and
 * legible on a phone, where the figure keeps a minimum width and scrolls (app.css).
 */
export const CHART_WIDTH = 560;

/**
 * Tick labels for a month axis: the month on every tick, the year under the first tick and
 * under each January; with more than `maxTicks` months, only every n-th month is labelled.
 */
export function monthTicks(months: readonly string[], maxTicks = 12): string[] {
  const step = Math.max(1, Math.ceil(months.length / maxTicks));
  return months.filter((_, index) => index % step === 0);
}

/**
 * A month tick. A month in `open` (running, or reports still missing; ADR 020) is starred, and the
 * figure's note says what the star means.
 */
export function formatMonthTick(
  month: string,
  first: string | undefined,
  fmt: Formatter,
  open: ReadonlySet<string> = new Set(),
): string {
  const abbrev = `${fmt.monthAbbrev(month)}${open.has(month) ? "*" : ""}`;
  return month === first || month.endsWith("-01") ? `${abbrev}\n${month.slice(0, 4)}` : abbrev;
}
