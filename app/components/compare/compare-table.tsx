// The side-by-side table: one column per chosen commune and the province as the reference column,
// one row per indicator, each indicator's name linking to its definition on /methodology.
import { useI18n } from "~/lib/i18n/use-i18n";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { Formatter } from "~/lib/format/formatter";
import type { CompareKeyFigures } from "~/lib/metrics/compare.server";
import type { ResolvedPeriod } from "~/lib/metrics/filters";
import { methodologyHref, type MethodologyTopic } from "~/lib/metrics/methodology-anchors";

interface TableRow {
  key: keyof CompareKeyFigures;
  name: MessageKey;
  topic: MethodologyTopic;
  format: (value: number | null, fmt: Formatter) => string;
}

const percent = (value: number | null, fmt: Formatter) => fmt.percent(value, 1);
const integer = (value: number | null, fmt: Formatter) => fmt.integer(value);
const decimal = (value: number | null, fmt: Formatter) => fmt.decimal(value, 1);

const ROWS: readonly TableRow[] = [
  { key: "cases", name: "metric.cases.name", topic: "cases", format: integer },
  {
    key: "online_uptake",
    name: "metric.online_uptake.name",
    topic: "online_uptake",
    format: percent,
  },
  {
    key: "assisted_online_share",
    name: "metric.assisted_online_share.name",
    topic: "assisted_online_share",
    format: percent,
  },
  {
    key: "completion_rate",
    name: "compare.completionRate",
    topic: "completion_rate",
    format: percent,
  },
  {
    key: "volunteer_hours",
    name: "metric.volunteer_hours.name",
    topic: "volunteer_hours",
    format: decimal,
  },
  {
    key: "volunteers_active",
    name: "metric.volunteers_active.name",
    topic: "volunteers_active",
    format: integer,
  },
  {
    key: "minority_share",
    name: "metric.minority_reach.name",
    topic: "minority_reach",
    format: percent,
  },
  {
    key: "elderly_share",
    name: "metric.elderly_reach.name",
    topic: "elderly_reach",
    format: percent,
  },
  {
    key: "cases_per_1000",
    name: "metric.cases_per_1000.name",
    topic: "cases_per_1000",
    format: decimal,
  },
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
    <div className="table-scroll">
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
            const name = t(row.name);
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
                    href={methodologyHref(row.topic, lang)}
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
                    {row.format(column[row.key] as number | null, fmt)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {suppressed ? <p className="compare-table__note">{t("compare.suppressedNote")}</p> : null}
    </div>
  );
}
