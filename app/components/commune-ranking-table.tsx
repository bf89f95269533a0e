// All units of the filter ranked by the chosen metric, with the other indicators alongside; each
// name links to the unit's page where the viewer may open it.
import { CommuneName } from "./commune-name";
import { TableScroll } from "~/components/table-scroll";
import { MISSING_VALUE, type Formatter } from "~/lib/i18n/formatter";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { RankedCommune } from "~/lib/metrics/commune-metrics";
import { MAP_METRICS, type MapMetric } from "~/lib/filters/filter-options";

export interface CommuneRankingTableProps {
  id: string;
  rows: RankedCommune[];
  metric: MapMetric;
}

function metricCell(row: RankedCommune, metric: MapMetric, fmt: Formatter): string {
  const value = metric === "volunteer_hours" ? row.volunteer_hours : row[metric];
  return formatMetric(metric, value, fmt);
}

export function CommuneRankingTable({ id, rows, metric }: CommuneRankingTableProps) {
  const { t, fmt } = useI18n();
  const metricName = t(METRICS[metric].name);
  return (
    <section className="ranking" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{t("ranking.heading", { metric: metricName })}</h2>
      <TableScroll label={t("ranking.heading", { metric: metricName })}>
        <table>
          <caption>{t("ranking.caption", { metric: metricName })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("ranking.rank")}
              </th>
              <th scope="col">{t("ranking.commune")}</th>
              <th scope="col">{t("ranking.unitType")}</th>
              <th scope="col" className="num">
                {t(METRICS.cases.name)}
              </th>
              {MAP_METRICS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={column === metric ? "num is-sorted" : "num"}
                  aria-sort={column === metric ? "descending" : undefined}
                >
                  {t(METRICS[column].name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <td className="num">{row.rank ?? MISSING_VALUE}</td>
                <th scope="row">
                  <CommuneName code={row.code} name={row.name} />
                </th>
                <td>{t(`unitType.${row.unit_type}`)}</td>
                <td className="num">{fmt.integer(row.cases)}</td>
                {MAP_METRICS.map((column) => (
                  <td key={column} className={column === metric ? "num is-sorted" : "num"}>
                    {metricCell(row, column, fmt)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
