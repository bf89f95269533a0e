// The monthly report's two trend charts (cases per month; online uptake and assisted-online share
// per month), drawn by the same builders as the overview so the report and the page agree.
import type { Lang } from "~/lib/i18n/languages";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { MonthTotals } from "~/lib/metrics/kpis";
import { ratioOf } from "~/lib/metrics/registry";
import { buildMonthlyCasesPlot, describeMonthlyCases } from "~/lib/charts/monthly-cases";
import {
  buildMonthlyOnlineRatesPlot,
  describeMonthlyOnlineRates,
} from "~/lib/charts/monthly-online-rates";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { renderPlotToHtmlCached } from "~/lib/charts/render-plot.server";

export interface ReportFigures {
  cases: RenderedFigure;
  rates: RenderedFigure;
}

export function renderReportFigures(trend: readonly MonthTotals[], lang: Lang): ReportFigures {
  const context = getI18n(lang);
  const casesRows = trend.map((month) => ({ month: month.month, cases: month.cases }));
  const ratesRows = trend.map((month) => ({
    month: month.month,
    online_uptake: ratioOf("online_uptake", month),
    assisted_online_share: ratioOf("assisted_online_share", month),
  }));
  const keyOf = (chart: string, rows: unknown) => JSON.stringify(["report", chart, lang, rows]);
  return {
    cases: {
      html: renderPlotToHtmlCached(keyOf("cases", casesRows), () =>
        buildMonthlyCasesPlot(casesRows, context),
      ),
      description: describeMonthlyCases(casesRows, context),
    },
    rates: {
      html: renderPlotToHtmlCached(keyOf("rates", ratesRows), () =>
        buildMonthlyOnlineRatesPlot(ratesRows, context),
      ),
      description: describeMonthlyOnlineRates(ratesRows, context),
    },
  };
}
