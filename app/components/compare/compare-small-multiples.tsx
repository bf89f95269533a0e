// One figure per indicator: a panel per chosen commune (server-rendered SVG on a shared y scale),
// a one-sentence description, and the same numbers as a table for readers who cannot see charts.
import type { SmallMultiplesFigure } from "~/pages/compare/view.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { CompareMonthRow } from "~/pages/compare/load.server";
import { formatMetric } from "~/lib/metrics/registry";

export interface CompareSmallMultiplesProps {
  figure: SmallMultiplesFigure;
  monthly: CompareMonthRow[];
}

export function CompareSmallMultiples({ figure, monthly }: CompareSmallMultiplesProps) {
  const { t, fmt } = useI18n();
  const id = `compare-${figure.metric}`;
  const title = t(`compare.chart.${figure.metric}`);
  const format = (value: number | null) => formatMetric(figure.metric, value, fmt);
  const months = [...new Set(monthly.map((row) => row.month))];
  const valueOf = (code: string, month: string) =>
    monthly.find((row) => row.commune_code === code && row.month === month)?.[figure.metric] ??
    null;
  return (
    <figure
      className="plot-figure small-multiples"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <figcaption>
        <h3 id={`${id}-title`} className="plot-figure__title">
          {title}
        </h3>
        <p id={`${id}-description`} className="plot-figure__description">
          {figure.description}
        </p>
      </figcaption>
      <div className="small-multiples__grid">
        {figure.panels.map((panel) => (
          <div key={panel.code} className="small-multiples__panel">
            <p className="small-multiples__name" aria-hidden="true">
              {panel.name}
            </p>
            <div
              className="plot-figure__chart"
              role="img"
              aria-label={`${title}: ${panel.name}`}
              dangerouslySetInnerHTML={{ __html: panel.html }}
            />
          </div>
        ))}
      </div>
      <details className="plot-figure__table">
        <summary>{t("chart.showTable")}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("chart.month")}</th>
                {figure.panels.map((panel) => (
                  <th key={panel.code} scope="col" className="num">
                    {panel.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month}>
                  <th scope="row">{fmt.monthNumeric(month)}</th>
                  {figure.panels.map((panel) => (
                    <td key={panel.code} className="num">
                      {format(valueOf(panel.code, month))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
