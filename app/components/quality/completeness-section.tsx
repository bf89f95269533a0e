// Reporting completeness: the commune × month cell chart (with its table alternative) and the
// communes with gaps, in Vietnamese name order.
import { COMPLETENESS_COLORS, NOTHING_MARK } from "~/lib/charts/completeness-grid";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { QualityPageData } from "~/pages/quality/load.server";
import { CELL_STATUSES } from "~/pages/quality/completeness";
import { PlotFigure, SwatchLegend } from "../plot-figure";

type CompletenessData = NonNullable<QualityPageData["completeness"]>;

export function CompletenessSection({ completeness }: { completeness: CompletenessData }) {
  const { t, fmt } = useI18n();
  const months = (list: string[]) =>
    list.length
      ? list.map((month) => fmt.monthNumeric(month)).join(", ")
      : t("quality.gaps.noneNothing");
  return (
    <>
      <PlotFigure
        id="figure-completeness"
        title={t("quality.completeness.chartTitle")}
        description={completeness.description}
        html={completeness.html}
        legend={
          <SwatchLegend
            items={CELL_STATUSES.map((status) => ({
              label: t(`quality.status.${status}`),
              swatch: (
                <>
                  <rect x="8" y="0" width="12" height="12" fill={COMPLETENESS_COLORS[status]} />
                  {status === "nothing" ? (
                    <text x="14" y="10" fill="white" fontSize="11" textAnchor="middle">
                      {NOTHING_MARK}
                    </text>
                  ) : null}
                </>
              ),
            }))}
          />
        }
        table={
          <p>
            <a href="#gaps-heading">{t("quality.completeness.tableNote")}</a>
          </p>
        }
      />
      <h3 id="gaps-heading">{t("quality.gaps.heading")}</h3>
      {completeness.gaps.length === 0 ? (
        <p>{t("quality.gaps.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="quality-gaps" aria-labelledby="gaps-heading">
            <caption>
              {t("quality.gaps.caption", { count: fmt.integer(completeness.gaps.length) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("quality.col.commune")}</th>
                <th scope="col">{t("quality.col.unitType")}</th>
                <th scope="col">{t("quality.col.monthsNothing")}</th>
                <th scope="col" className="num">
                  {t("quality.col.missingAssistance")}
                </th>
                <th scope="col" className="num">
                  {t("quality.col.missingShifts")}
                </th>
                <th scope="col" className="num">
                  {t("quality.col.missingDossiers")}
                </th>
              </tr>
            </thead>
            <tbody>
              {completeness.gaps.map((gap) => (
                <tr key={gap.code}>
                  <th scope="row">{gap.name}</th>
                  <td>{t(`unitType.${gap.unit_type}`)}</td>
                  <td>{months(gap.months_nothing)}</td>
                  <td className="num">{fmt.integer(gap.missing.assistance)}</td>
                  <td className="num">{fmt.integer(gap.missing.shifts)}</td>
                  <td className="num">{fmt.integer(gap.missing.dossiers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
