// Reporting completeness: the commune × month cell chart (with its table alternative) and the
// communes with gaps, in Vietnamese name order.
import { TableScroll } from "~/components/table-scroll";
import { COMPLETENESS_COLORS, NOTHING_MARK } from "~/lib/charts/completeness-grid";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { QualityPageData } from "~/pages/quality/load.server";
import { CELL_STATUSES } from "~/pages/quality/completeness";
import { DataTable, type DataColumn } from "../data-table";
import { PlotFigure, SwatchLegend } from "../plot-figure";

type CompletenessData = NonNullable<QualityPageData["completeness"]>;
type Gap = CompletenessData["gaps"][number];

const MISSING = [
  ["assistance", "quality.col.missingAssistance"],
  ["shifts", "quality.col.missingShifts"],
  ["dossiers", "quality.col.missingDossiers"],
] as const;

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
        scrollable
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
        <TableScroll label={t("quality.gaps.heading")}>
          <DataTable
            className="quality-gaps"
            labelledBy="gaps-heading"
            caption={t("quality.gaps.caption", { count: fmt.integer(completeness.gaps.length) })}
            rows={completeness.gaps}
            rowKey={(gap) => gap.code}
            columns={[
              { header: t("quality.col.commune"), rowHeader: true, cell: (gap) => gap.name },
              { header: t("quality.col.unitType"), cell: (gap) => t(`unitType.${gap.unit_type}`) },
              { header: t("quality.col.monthsNothing"), cell: (gap) => months(gap.months_nothing) },
              ...MISSING.map(([kind, label]): DataColumn<Gap> => ({
                header: t(label),
                numeric: true,
                cell: (gap) => fmt.integer(gap.missing[kind]),
              })),
            ]}
          />
        </TableScroll>
      )}
    </>
  );
}
