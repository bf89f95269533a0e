// The two monthly trend figures the overview and the monthly report both show, rendered to SVG
// with their descriptions: cases per month, and online uptake with the assisted-online share
// (drawn by the same builders, so the report and the page agree).
import { ratioOf, type RatioInputs } from "~/lib/metrics/registry";
import type { ChartContext } from "./chart-context";
import { buildMonthlyCasesPlot, describeMonthlyCases } from "./monthly-cases";
import {
  buildMonthlyOnlineRatesPlot,
  describeMonthlyOnlineRates,
  type MonthlyRatesRow,
} from "./monthly-online-rates";
import { renderResponsivePlotCached, type RenderedFigure } from "./render-plot.server";

/** One month of totals, as much of it as the two figures read. */
export type TrendMonth = { month: string; cases: number } & RatioInputs<"online_uptake"> &
  RatioInputs<"assisted_online_share">;

export interface MonthlyTrendFigures {
  cases: RenderedFigure;
  rates: RenderedFigure;
}

export function toMonthlyRatesRows(trend: readonly TrendMonth[]): MonthlyRatesRow[] {
  return trend.map((month) => ({
    month: month.month,
    online_uptake: ratioOf("online_uptake", month),
    assisted_online_share: ratioOf("assisted_online_share", month),
  }));
}

/**
 * Both figures for `trend`. `cacheKey` names the caller and language in the render cache's key,
 * to which each figure adds its name and rows.
 */
export function renderMonthlyTrendFigures(
  trend: readonly TrendMonth[],
  context: ChartContext,
  cacheKey: (chart: string, rows: unknown) => string,
): MonthlyTrendFigures {
  const casesRows = trend.map((month) => ({ month: month.month, cases: month.cases }));
  const ratesRows = toMonthlyRatesRows(trend);
  return {
    cases: {
      html: renderResponsivePlotCached(cacheKey("cases", casesRows), (width) =>
        buildMonthlyCasesPlot(casesRows, { ...context, width }),
      ),
      description: describeMonthlyCases(casesRows, context),
    },
    rates: {
      html: renderResponsivePlotCached(cacheKey("rates", ratesRows), (width) =>
        buildMonthlyOnlineRatesPlot(ratesRows, { ...context, width }),
      ),
      description: describeMonthlyOnlineRates(ratesRows, context),
    },
  };
}
