// The side-by-side table: one column per chosen commune and the province as the reference column,
// one row per indicator, each indicator's name linking to its definition on /methodology.
import { TableScroll } from "~/components/table-scroll";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { Formatter } from "~/lib/i18n/formatter";
import type { CompareKeyFigures } from "~/pages/compare/load.server";
import type { ResolvedPeriod } from "~/lib/filters/filters";
import { methodologyHref } from "~/lib/metrics/methodology-anchors";
import { formatMetric, METRICS, type MetricId } from "~/lib/metrics/registry";

interface TableRow {
  /** The figure's field; compare's downloads name the demographic shares `…_share`. */
  key: keyof CompareKeyFigures;
  metric: MetricId;
  /** Instead of the registry's format: hours keep one decimal over a few communes. */
  format?: (value: number | null, fmt: Formatter) => string;
}

const ROWS: readonly TableRow[] = [
  { key: "cases", metric: "cases" },
  { key: "online_uptake", metric: "online_uptake" },
  { key: "assisted_online_share", metric: "assisted_online_share" },
  { key: "completion_rate", metric: "completion_rate" },
  { key: "volunteer_hours", metric: "volunteer_hours" },
  { key: "volunteers_active", metric: "volunteers_active" },
  { key: "minority_share", metric: "minority_reach" },
  { key: "elderly_share", metric: "elderly_reach" },
  { key: "cases_per_1000", metric: "cases_per_1000" },
];

export interface CompareTableProps {
  communes: CompareKeyFigures[];
  province: CompareKeyFigures;
  period: ResolvedPeriod;
  suppressed: boolean;
}

export function CompareTable({ communes, province, period, suppressed }: CompareTableProps) {
  const { lang, t, fmt } = useI18n();
  const columns = [...communes, province];
  return (
    <TableScroll label={t("compare.heading")}>
      <table className="compare-table">
        <caption>
          {t("compare.tableCaption", {
            from: fmt.monthNumeric(period.from),
            to: fmt.monthNumeric(period.to),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("compare.indicator")}</th>
            {communes.map((commune) => (
              <th key={commune.code} scope="col" className="num">
                {commune.name}
              </th>
            ))}
            <th scope="col" className="num compare-table__province">
              {t("compare.provinceColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const name = t(METRICS[row.metric].name);
            const format = row.format ?? ((value, fmt) => formatMetric(row.metric, value, fmt));
            return (
              <tr key={row.key}>
                <th scope="row">
                  {row.key === "volunteers_active"
                    ? t("compare.volunteersActiveIn", {
                        name,
                        month: fmt.monthNumeric(period.to),
                      })
                    : name}{" "}
                  <a
                    className="compare-table__definition"
                    href={methodologyHref(row.metric, lang)}
                    aria-label={`${t("compare.definitionLink")}: ${name}`}
                  >
                    ({t("compare.definitionLink")})
                  </a>
                </th>
                {columns.map((column) => (
                  <td
                    key={column.code ?? "province"}
                    className={column.code === null ? "num compare-table__province" : "num"}
                  >
                    {format(column[row.key] as number | null, fmt)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {suppressed ? <p className="compare-table__note">{t("compare.suppressedNote")}</p> : null}
    </TableScroll>
  );
}
