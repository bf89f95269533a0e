// The monthly trend: cases per month, and the two online shares on a separate chart (two
// denominators, one honest 0–100 % axis each, no dual axis).
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { ONLINE_RATE_SERIES } from "~/lib/charts/monthly-online-rates-series";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { MonthTotals } from "~/lib/metrics/kpis";
import { METRICS, ratioOf } from "~/lib/metrics/registry";
import { PlotFigure, SwatchLegend } from "./plot-figure";

export interface OverviewTrendProps {
  /** The page never shows the demographic counts here (suppressed for some roles). */
  trend: ReadonlyArray<Omit<MonthTotals, "cases_minority" | "cases_elderly">>;
  cases: RenderedFigure;
  rates: RenderedFigure;
}

export function OverviewTrend({ trend, cases, rates }: OverviewTrendProps) {
  const { t, fmt } = useI18n();
  return (
    <div className="trend-grid">
      <PlotFigure
        id="figure-cases"
        title={t("chart.cases.title")}
        description={cases.description}
        html={cases.html}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("chart.month")}</th>
                <th scope="col" className="num">
                  {t(METRICS.cases.name)}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{fmt.monthNumeric(month.month)}</th>
                  <td className="num">{fmt.integer(month.cases)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        id="figure-rates"
        title={t("chart.rates.title")}
        description={rates.description}
        html={rates.html}
        legend={<OnlineRatesLegend />}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("chart.month")}</th>
                <th scope="col" className="num">
                  {t(METRICS.dossiers_online.name)}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.dossiers_total.name)}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.online_uptake.name)}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.cases_online.name)}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.cases.name)}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.assisted_online_share.name)}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{fmt.monthNumeric(month.month)}</th>
                  <td className="num">{fmt.integer(month.dossiers_online)}</td>
                  <td className="num">{fmt.integer(month.dossiers_total)}</td>
                  <td className="num">{fmt.percent(ratioOf("online_uptake", month), 1)}</td>
                  <td className="num">{fmt.integer(month.cases_online)}</td>
                  <td className="num">{fmt.integer(month.cases)}</td>
                  <td className="num">{fmt.percent(ratioOf("assisted_online_share", month), 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}

/** The legend of the online-shares chart: colour, dash and point shape of each line. */
export function OnlineRatesLegend() {
  const { t } = useI18n();
  return (
    <SwatchLegend
      items={ONLINE_RATE_SERIES.map((series) => ({
        label: t(series.name_key),
        swatch: (
          <>
            <line
              x1="1"
              y1="6"
              x2="27"
              y2="6"
              stroke={series.color}
              strokeWidth="2"
              strokeDasharray={series.dash}
            />
            {series.symbol === "circle" ? (
              <circle cx="14" cy="6" r="3.5" fill={series.color} />
            ) : (
              <rect x="10.5" y="2.5" width="7" height="7" fill={series.color} />
            )}
          </>
        ),
      }))}
    />
  );
}
