// Sections f–h of the commune page: volunteer hours and cases by team, demand against volunteer
// presence by weekday and hour, and the pre-2025 units the commune was formed from.
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { HeatmapSection, PredecessorRow, TeamRow } from "~/pages/commune/load.server";
import { WEEKDAY_KEYS } from "~/lib/charts/weekday-hour-heatmap";
import { DataTable, metricColumn } from "../data-table";
import { DataFigure } from "../data-figure";
import { PlotFigure } from "../plot-figure";
import { CommuneDownloadLinks } from "./commune-download-links";
import { formatMetric } from "~/lib/metrics/registry";

export interface CommuneTeamsSectionProps {
  code: string;
  search: string;
  teams: TeamRow[];
  figure: RenderedFigure;
}

export function CommuneTeamsSection({ code, search, teams, figure }: CommuneTeamsSectionProps) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  return (
    <section aria-labelledby="commune-teams-heading" className="commune-section">
      <h2 id="commune-teams-heading">{t("commune.teams.heading")}</h2>
      {teams.length === 0 ? (
        <p className="notice">{t("commune.teams.empty")}</p>
      ) : (
        <>
          <DataFigure
            id="commune-figure-teams"
            title={t("commune.teams.title")}
            figure={figure}
            rows={teams}
            rowKey={(row) => row.team}
            columns={[
              { header: t("commune.teams.team"), rowHeader: true, cell: (row) => row.team },
              metricColumn<TeamRow>("volunteer_hours", (row) => row.volunteer_hours, i18n),
              {
                header: t("commune.teams.shifts"),
                numeric: true,
                cell: (row) => fmt.integer(row.shifts),
              },
              {
                header: t("commune.teams.volunteers"),
                numeric: true,
                cell: (row) => fmt.integer(row.volunteers),
              },
              metricColumn<TeamRow>("cases", (row) => row.cases, i18n),
              {
                header: t("commune.teams.casesPerHour"),
                numeric: true,
                cell: (row) => fmt.decimal(row.cases_per_hour, 2),
              },
            ]}
          />
          <CommuneDownloadLinks code={code} table="teams" search={search} />
        </>
      )}
    </section>
  );
}

export interface CommuneHeatmapSectionProps {
  code: string;
  search: string;
  heatmap: HeatmapSection;
  demand: RenderedFigure;
  presence: RenderedFigure;
}

export function CommuneHeatmapSection({
  code,
  search,
  heatmap,
  demand,
  presence,
}: CommuneHeatmapSectionProps) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const slot = (hour: number) =>
    `${String(hour).padStart(2, "0")}:00–${String(hour + 1).padStart(2, "0")}:00`;
  const table = (
    <DataTable
      rows={heatmap.cells}
      rowKey={(cell) => `${cell.weekday}-${cell.hour}`}
      columns={[
        {
          header: t("commune.heatmap.weekday"),
          rowHeader: true,
          cell: (cell) => t(WEEKDAY_KEYS[cell.weekday]!),
        },
        { header: t("commune.heatmap.slot"), cell: (cell) => slot(cell.hour) },
        metricColumn<HeatmapSection["cells"][number]>("cases", (cell) => cell.cases, i18n),
        metricColumn<HeatmapSection["cells"][number]>(
          "volunteer_hours",
          (cell) => cell.volunteer_hours,
          i18n,
        ),
      ]}
    />
  );
  return (
    <section aria-labelledby="commune-heatmap-heading" className="commune-section">
      <h2 id="commune-heatmap-heading">{t("commune.heatmap.heading")}</h2>
      <p>{t("commune.heatmap.intro")}</p>
      {heatmap.unknown_time_shifts > 0 ? (
        <p className="notice">
          {t("commune.heatmap.unknownTime", {
            shifts: fmt.integer(heatmap.unknown_time_shifts),
            hours: formatMetric("volunteer_hours", heatmap.unknown_time_hours, fmt),
          })}
        </p>
      ) : null}
      <div className="trend-grid">
        <PlotFigure
          id="commune-figure-demand"
          title={t("commune.heatmap.demandTitle")}
          description={demand.description}
          html={demand.html}
          table={table}
        />
        <PlotFigure
          id="commune-figure-presence"
          title={t("commune.heatmap.presenceTitle")}
          description={presence.description}
          html={presence.html}
          table={table}
        />
      </div>
      <CommuneDownloadLinks code={code} table="heatmap" search={search} />
    </section>
  );
}

export function CommunePredecessorsSection({ predecessors }: { predecessors: PredecessorRow[] }) {
  const { t } = useI18n();
  const anyPartial = predecessors.some((row) => row.partial);
  return (
    <section aria-labelledby="commune-predecessors-heading" className="commune-section">
      <h2 id="commune-predecessors-heading">{t("commune.predecessors.heading")}</h2>
      {predecessors.length === 0 ? (
        <p>{t("commune.predecessors.none")}</p>
      ) : (
        <>
          <p>{t("commune.predecessors.intro")}</p>
          <ul className="commune-predecessors">
            {predecessors.map((row) => (
              <li key={row.old_name}>
                {row.old_name}
                {row.partial ? (
                  <span className="commune-predecessors__partial">
                    {" "}
                    ({t("commune.predecessors.partial")})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {anyPartial ? (
            <p className="commune-note">{t("commune.predecessors.partialNote")}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
