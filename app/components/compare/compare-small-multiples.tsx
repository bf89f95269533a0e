// One figure per indicator: a panel per chosen commune (server-rendered SVG on a shared y scale),
// a one-sentence description, and the same numbers as a table for readers who cannot see charts.
import type { SmallMultiplesFigure } from "~/pages/compare/view.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { CompareMonthRow } from "~/pages/compare/load.server";
import { formatMetric } from "~/lib/metrics/registry";
import { DataTable, monthColumn, type DataColumn } from "../data-table";
import { FigureFrame } from "../plot-figure";

export interface CompareSmallMultiplesProps {
  figure: SmallMultiplesFigure;
  monthly: CompareMonthRow[];
}

export function CompareSmallMultiples({ figure, monthly }: CompareSmallMultiplesProps) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const id = `compare-${figure.metric}`;
  const title = t(`compare.chart.${figure.metric}`);
  const format = (value: number | null) => formatMetric(figure.metric, value, fmt);
  const months = [...new Set(monthly.map((row) => row.month))];
  const valueOf = (code: string, month: string) =>
    monthly.find((row) => row.commune_code === code && row.month === month)?.[figure.metric] ??
    null;
  const rows = months.map((month) => ({ month }));
  return (
    <FigureFrame
      id={id}
      title={title}
      description={figure.description}
      className="small-multiples"
      table={
        <>
          <DataTable
            rows={rows}
            rowKey={(row) => row.month}
            columns={[
              monthColumn<{ month: string }>(i18n),
              ...figure.panels.map((panel): DataColumn<{ month: string }> => ({
                header: panel.name,
                numeric: true,
                cell: (row) => format(valueOf(panel.code, row.month)),
              })),
            ]}
          />
        </>
      }
    >
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
    </FigureFrame>
  );
}
