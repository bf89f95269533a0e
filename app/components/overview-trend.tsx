// The monthly trend: cases per month, and the two online shares on a separate chart (two
// denominators, one honest 0–100 % axis each, no dual axis).
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { ONLINE_RATE_SERIES } from "~/lib/charts/monthly-online-rates-series";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { MonthTotals } from "~/lib/metrics/kpis";
import { ratioOf } from "~/lib/metrics/registry";
import { DataFigure } from "./data-figure";
import { metricColumn, monthColumn } from "./data-table";
import { LineSeriesLegend } from "./line-series-legend";

export interface OverviewTrendProps {
  /** The page never shows the demographic counts here (suppressed for some roles). */
  trend: ReadonlyArray<Omit<MonthTotals, "cases_minority" | "cases_elderly">>;
  cases: RenderedFigure;
  rates: RenderedFigure;
}

type TrendRow = OverviewTrendProps["trend"][number];

export function OverviewTrend({ trend, cases, rates }: OverviewTrendProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const month = monthColumn<TrendRow>(i18n);
  return (
    <div className="trend-grid">
      <DataFigure
        id="figure-cases"
        title={t("chart.cases.title")}
        figure={cases}
        rows={trend}
        rowKey={(row) => row.month}
        columns={[month, metricColumn<TrendRow>("cases", (row) => row.cases, i18n)]}
      />
      <DataFigure
        id="figure-rates"
        title={t("chart.rates.title")}
        figure={rates}
        legend={<OnlineRatesLegend />}
        rows={trend}
        rowKey={(row) => row.month}
        columns={[
          month,
          metricColumn<TrendRow>("dossiers_online", (row) => row.dossiers_online, i18n),
          metricColumn<TrendRow>("dossiers_total", (row) => row.dossiers_total, i18n),
          metricColumn<TrendRow>("online_uptake", (row) => ratioOf("online_uptake", row), i18n),
          metricColumn<TrendRow>("cases_online", (row) => row.cases_online, i18n),
          metricColumn<TrendRow>("cases", (row) => row.cases, i18n),
          metricColumn<TrendRow>(
            "assisted_online_share",
            (row) => ratioOf("assisted_online_share", row),
            i18n,
          ),
        ]}
      />
    </div>
  );
}

/** The legend of the online-shares chart: colour, dash and point shape of each line. */
export function OnlineRatesLegend() {
  return <LineSeriesLegend series={ONLINE_RATE_SERIES} />;
}
