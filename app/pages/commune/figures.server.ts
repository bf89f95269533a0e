// The commune page's figures rendered to SVG markup, each with its one-sentence description, in
// the reader's language. Built from one getCommunePage() result, like the page's tables.
import type { Lang } from "~/lib/i18n/languages";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { CommunePage } from "~/pages/commune/load.server";
import type { PlotOptions } from "@observablehq/plot";
import type { ChartContext } from "~/lib/charts/chart-context";
import { buildHorizontalBarsPlot, type HorizontalBarRow } from "~/lib/charts/horizontal-bars";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { buildReachSharesPlot, type ReachSharesRow } from "~/lib/charts/reach-shares";
import { renderResponsivePlotCached } from "~/lib/charts/render-plot.server";
import {
  buildTrendAgainstMediansPlot,
  describeTrendAgainstMedians,
  type TrendAgainstMediansRow,
} from "~/lib/charts/trend-against-medians";
import {
  buildWeekdayHourHeatmapPlot,
  describeHeatmap,
  heatmapHours,
  type HeatmapValueCell,
} from "~/lib/charts/weekday-hour-heatmap";
import { formatMetric, METRICS } from "~/lib/metrics/registry";

export interface CommuneFigures {
  uptake: RenderedFigure;
  cases: RenderedFigure;
  procedure_groups: RenderedFigure;
  help_types: RenderedFigure;
  /** Null when there is no breakdown to draw (too few records, no cases). */
  reach: RenderedFigure | null;
  teams: RenderedFigure;
  demand: RenderedFigure;
  presence: RenderedFigure;
}

function describeTopBar(
  rows: readonly HorizontalBarRow[],
  context: ChartContext,
  format: (v: number) => string,
): string {
  const top = rows[0];
  if (!top || top.value === 0) return context.t("commune.bars.empty");
  return context.t("commune.bars.description", { label: top.label, value: format(top.value) });
}

export function renderCommuneFigures(page: CommunePage, lang: Lang): CommuneFigures {
  const context: ChartContext = getI18n(lang);
  // Charts depend only on their rows and the language; a repeated request reuses the markup.
  // Each is laid out for the wide and the phone width (ADR 017).
  const render = (chart: string, rows: unknown, build: (context: ChartContext) => PlotOptions) =>
    renderResponsivePlotCached(JSON.stringify(["commune", chart, lang, rows]), (width) =>
      build({ ...context, width }),
    );
  const { t, fmt } = context;
  const integer = (value: number) => fmt.integer(value);
  const hours = (value: number) => formatMetric("volunteer_hours", value, fmt);

  const uptakeRows: TrendAgainstMediansRow[] = page.trend.map((row) => ({
    month: row.month,
    own: row.online_uptake,
    peer_median: row.peer_median_online_uptake,
    province_median: row.province_median_online_uptake,
  }));
  const casesRows: TrendAgainstMediansRow[] = page.trend.map((row) => ({
    month: row.month,
    own: row.cases,
    peer_median: row.peer_median_cases,
    province_median: row.province_median_cases,
  }));

  const groupRows = page.procedure_groups.map((row) => ({
    label: t(`procedureGroup.${row.procedure_group}` as Parameters<typeof t>[0]),
    value: row.cases,
  }));
  const helpRows = page.help_types.map((row) => ({
    label: t(`commune.helpType.${row.help_type}`),
    value: row.cases,
  }));
  const teamRows = page.teams.map((row) => ({ label: row.team, value: row.volunteer_hours }));
  const reachRows: ReachSharesRow[] = page.reach.rows.map((row) => ({
    label: t(`commune.reach.group.${row.group}`),
    share_helped: row.share_helped,
    population_share: row.population_share,
  }));

  const hoursDrawn = heatmapHours(page.heatmap.cells);
  const demandCells: HeatmapValueCell[] = page.heatmap.cells.map((cell) => ({
    weekday: cell.weekday,
    hour: cell.hour,
    value: cell.cases,
  }));
  const presenceCells: HeatmapValueCell[] = page.heatmap.cells.map((cell) => ({
    weekday: cell.weekday,
    hour: cell.hour,
    value: cell.volunteer_hours,
  }));

  const bars = (
    chart: string,
    rows: HorizontalBarRow[],
    title: string,
    axisLabel: string,
    format: (v: number) => string,
  ) => ({
    html: render(chart, rows, ({ width }) =>
      buildHorizontalBarsPlot(rows, { title, axisLabel, format, width }),
    ),
    description: describeTopBar(rows, context, format),
  });
  return {
    uptake: {
      html: render("uptake", uptakeRows, (sized) =>
        buildTrendAgainstMediansPlot(
          uptakeRows,
          "share",
          t("commune.trend.uptakeTitle"),
          t(METRICS.online_uptake.name),
          sized,
        ),
      ),
      description: describeTrendAgainstMedians(uptakeRows, "share", context),
    },
    cases: {
      html: render("cases", casesRows, (sized) =>
        buildTrendAgainstMediansPlot(
          casesRows,
          "count",
          t("commune.trend.casesTitle"),
          t("chart.cases.axis"),
          sized,
        ),
      ),
      description: describeTrendAgainstMedians(casesRows, "count", context),
    },
    procedure_groups: bars(
      "groups",
      groupRows,
      t("commune.procedures.groupsTitle"),
      t("chart.cases.axis"),
      integer,
    ),
    help_types: bars(
      "help",
      helpRows,
      t("commune.helpTypes.title"),
      t("chart.cases.axis"),
      integer,
    ),
    teams: bars(
      "teams",
      teamRows,
      t("commune.teams.title"),
      t(METRICS.volunteer_hours.name),
      hours,
    ),
    reach:
      reachRows.length === 0 || page.reach.too_few
        ? null
        : {
            html: render("reach", reachRows, (sized) =>
              buildReachSharesPlot(reachRows, t("commune.reach.title"), sized),
            ),
            description: page.reach.rows
              .map((row) =>
                t("commune.reach.rowDescription", {
                  group: t(`commune.reach.group.${row.group}`),
                  helped: fmt.percent(row.share_helped, 1),
                  population: fmt.percent(row.population_share, 1),
                }),
              )
              .join(" "),
          },
    demand: {
      html: render("demand", demandCells, (sized) =>
        buildWeekdayHourHeatmapPlot(
          demandCells,
          hoursDrawn,
          {
            title: t("commune.heatmap.demandTitle"),
            valueLabel: t(METRICS.cases.name),
            scheme: "blues",
            format: integer,
          },
          sized,
        ),
      ),
      description: describeHeatmap(demandCells, integer, context, "commune.heatmap.demandEmpty"),
    },
    presence: {
      html: render("presence", presenceCells, (sized) =>
        buildWeekdayHourHeatmapPlot(
          presenceCells,
          hoursDrawn,
          {
            title: t("commune.heatmap.presenceTitle"),
            valueLabel: t(METRICS.volunteer_hours.name),
            scheme: "oranges",
            format: hours,
          },
          sized,
        ),
      ),
      description: describeHeatmap(presenceCells, hours, context, "commune.heatmap.presenceEmpty"),
    },
  };
}
