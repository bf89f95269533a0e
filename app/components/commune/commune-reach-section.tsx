// Section e of the commune page: the share of minority, elderly and female citizens among those
// helped against their share of the population, with ethnic groups and age bands. Counts arrive
// already suppressed for roles that must not see small cells.
import { TableScroll } from "~/components/table-scroll";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import type { Formatter } from "~/lib/i18n/formatter";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ReachSection } from "~/pages/commune/load.server";
import type { SuppressedCount } from "~/lib/privacy/suppress";
import { DataTable, type DataColumn } from "../data-table";
import { PlotFigure, SwatchLegend } from "../plot-figure";
import { REACH_HELPED_COLOR, REACH_POPULATION_COLOR } from "~/lib/charts/reach-shares";
import { CommuneDownloadLinks } from "./commune-download-links";

function formatCount(count: SuppressedCount, fmt: Formatter): string {
  return typeof count === "number" ? fmt.integer(count) : count;
}

export interface CommuneReachSectionProps {
  code: string;
  search: string;
  reach: ReachSection;
  /** The year the profile had to be at or before (the period's last year). */
  periodYear: number;
  figure: RenderedFigure | null;
}

export function CommuneReachSection({
  code,
  search,
  reach,
  periodYear,
  figure,
}: CommuneReachSectionProps) {
  const { lang, t, fmt } = useI18n();
  const noCases = reach.cases_total === 0;
  // Every reach table counts cases (suppressed for some roles) and their share of those helped.
  const countColumns: DataColumn<{ cases: SuppressedCount; share_helped: number | null }>[] = [
    { header: t("commune.reach.cases"), numeric: true, cell: (row) => formatCount(row.cases, fmt) },
    {
      header: t("commune.reach.shareHelped"),
      numeric: true,
      cell: (row) => fmt.percent(row.share_helped, 1),
    },
  ];
  const table = (
    <DataTable
      rows={reach.rows}
      rowKey={(row) => row.group}
      columns={[
        {
          header: t("commune.reach.group"),
          rowHeader: true,
          cell: (row) => t(`commune.reach.group.${row.group}`),
        },
        ...countColumns,
        {
          header: t("commune.reach.populationShare"),
          numeric: true,
          cell: (row) => fmt.percent(row.population_share, 1),
        },
        {
          header: t("commune.reach.index"),
          numeric: true,
          cell: (row) => fmt.decimal(row.reach_index, 2),
        },
      ]}
    />
  );
  return (
    <section aria-labelledby="commune-reach-heading" className="commune-section">
      <h2 id="commune-reach-heading">{t("commune.reach.heading")}</h2>
      {reach.suppressed ? <p className="commune-note">{t("commune.reach.suppressed")}</p> : null}
      {reach.profile ? (
        <p className="commune-note">{t("commune.reach.profile", { year: reach.profile.year })}</p>
      ) : (
        <p className="notice">{t("commune.reach.noProfile", { year: periodYear })}</p>
      )}
      {reach.too_few ? (
        <p className="notice">{t("commune.reach.tooFew")}</p>
      ) : noCases ? (
        <p className="notice">{t("commune.reach.noCases")}</p>
      ) : (
        <>
          <p>{t("commune.reach.total", { cases: formatCount(reach.cases_total, fmt) })}</p>
          {figure ? (
            <PlotFigure
              id="commune-figure-reach"
              title={t("commune.reach.title")}
              description={figure.description}
              html={figure.html}
              legend={
                // The chart's two marks, drawn as in the chart: a filled circle and a hollow square.
                <SwatchLegend
                  items={[
                    {
                      label: t("commune.reach.shareHelped"),
                      swatch: <circle cx="14" cy="6" r="5" fill={REACH_HELPED_COLOR} />,
                    },
                    {
                      label: t("commune.reach.populationShare"),
                      swatch: (
                        <rect
                          x="9"
                          y="1"
                          width="10"
                          height="10"
                          fill="white"
                          stroke={REACH_POPULATION_COLOR}
                          strokeWidth="2"
                        />
                      ),
                    },
                  ]}
                />
              }
              notes={<p className="plot-figure__note">{t("commune.reach.indexNote")}</p>}
              table={table}
            />
          ) : (
            <TableScroll label={t("commune.reach.title")}>{table}</TableScroll>
          )}
          <div className="commune-reach-tables">
            <TableScroll label={t("commune.reach.ethnicTitle")}>
              <DataTable
                caption={t("commune.reach.ethnicTitle")}
                rows={reach.ethnic_groups}
                rowKey={(row) => row.ethnic_code ?? "unknown"}
                columns={[
                  {
                    header: t("commune.reach.ethnicGroup"),
                    rowHeader: true,
                    cell: (row) =>
                      row.ethnic_code === null
                        ? t("commune.reach.ethnicUnknown")
                        : ((lang === "vi" ? row.name_vi : row.name_en) ?? row.ethnic_code),
                  },
                  ...countColumns,
                ]}
              />
            </TableScroll>
            <TableScroll label={t("commune.reach.ageTitle")}>
              <DataTable
                caption={t("commune.reach.ageTitle")}
                rows={reach.age_bands}
                rowKey={(row) => row.age_band}
                columns={[
                  {
                    header: t("commune.reach.ageBand"),
                    rowHeader: true,
                    cell: (row) => t(`commune.ageBand.${row.age_band}`),
                  },
                  ...countColumns,
                ]}
              />
            </TableScroll>
          </div>
          <CommuneDownloadLinks code={code} table="reach" search={search} />
        </>
      )}
    </section>
  );
}
