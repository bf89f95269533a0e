// The choropleth of the communes for the chosen metric, with the notes a reader needs to trust
// it: which units have no value and why, and where the numbers are in table form.
import type { OverviewFigures } from "~/pages/overview/figures.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ResolvedPeriod } from "~/lib/filters/filters";
import type { MapMetric } from "~/lib/filters/filter-options";
import { METRICS } from "~/lib/metrics/registry";
import { PlotFigure, SwatchLegend, type LegendSwatch } from "./plot-figure";

export interface CommuneMapFigureProps {
  figure: OverviewFigures["map"];
  metric: MapMetric;
  period: ResolvedPeriod;
  rankingId: string;
}

export function CommuneMapFigure({ figure, metric, period, rankingId }: CommuneMapFigureProps) {
  const { t, fmt } = useI18n();
  const legend: LegendSwatch[] = [];
  if (figure.missing_count > 0) {
    legend.push({
      label: t("chart.map.legendNoValue"),
      swatch: (
        <>
          <rect x="0.5" y="0.5" width="27" height="11" fill="#f3f4f6" stroke="#6b7280" />
          <path d="M4 12l8-12M12 12l8-12M20 12l8-12" stroke="#6b7280" strokeWidth="1.5" />
        </>
      ),
    });
  }
  if (figure.has_filtered_out) {
    legend.push({
      label: t("chart.map.legendFilteredOut"),
      swatch: <rect x="0.5" y="0.5" width="27" height="11" fill="#e8eaed" stroke="#6b7280" />,
    });
  }
  return (
    <PlotFigure
      id="figure-map"
      title={t("chart.map.title", {
        metric: t(METRICS[metric].name),
        from: fmt.monthNumeric(period.from),
        to: fmt.monthNumeric(period.to),
      })}
      description={figure.description}
      html={figure.html}
      interactive
      notes={
        <>
          {legend.length > 0 ? <SwatchLegend items={legend} /> : null}
          {figure.suspect_population.length > 0 ? (
            <p className="plot-figure__note">
              {t("chart.map.suspectPopulation", { names: figure.suspect_population.join(", ") })}
            </p>
          ) : null}
        </>
      }
      table={
        <p>
          {t("chart.map.tableNote")} <a href={`#${rankingId}`}>{t("chart.map.tableLink")}</a>
        </p>
      }
    />
  );
}
