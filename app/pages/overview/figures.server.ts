// The overview's three figures rendered to SVG markup, each with its one-sentence description.
import { sortByVietnameseName } from "~/lib/format/collation";
import type { Lang } from "~/lib/i18n/languages";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { RankedCommune } from "~/lib/metrics/commune-metrics";
import type { Overview } from "./load.server";
import type { ChartContext } from "~/lib/charts/chart-context";
import { getCommuneBoundaries } from "~/lib/charts/commune-boundaries.server";
import {
  buildCommuneChoroplethPlot,
  describeCommuneChoropleth,
  type ChoroplethCommune,
} from "~/lib/charts/commune-choropleth";
import { renderMonthlyTrendFigures } from "~/lib/charts/monthly-trend-figures.server";
import { renderPlotToHtmlCached, type RenderedFigure } from "~/lib/charts/render-plot.server";

export interface OverviewFigures {
  cases: RenderedFigure;
  rates: RenderedFigure;
  map: RenderedFigure & {
    /** Units in the filter without a value (drawn hatched). */
    missing_count: number;
    /** Units excluded from per-capita values because their population is flagged. */
    suspect_population: string[];
    /** Whether some of the province's units are outside the unit-type filter (drawn grey). */
    has_filtered_out: boolean;
  };
}

export function renderOverviewFigures(
  overview: Overview,
  ranking: readonly RankedCommune[],
  lang: Lang,
): OverviewFigures {
  const context: ChartContext = getI18n(lang);
  const mapCommunes: ChoroplethCommune[] = ranking.map((row) => ({
    code: row.code,
    name: row.name,
    value: row.value,
  }));
  const boundaries = getCommuneBoundaries(overview.province.code);
  const keyOf = (chart: string, rows: unknown) => JSON.stringify([chart, lang, rows]);

  const suspect =
    overview.metric === "cases_per_1000"
      ? sortByVietnameseName(
          overview.communes.filter((commune) => !commune.population_ok),
          (commune) => commune.name,
        ).map((commune) => commune.name)
      : [];
  return {
    ...renderMonthlyTrendFigures(
      overview.trend,
      context,
      keyOf,
      overview.period?.open_months.map((open) => open.month) ?? [],
    ),
    map: {
      html: renderPlotToHtmlCached(
        keyOf("map", [overview.province.code, overview.metric, mapCommunes]),
        () => buildCommuneChoroplethPlot(boundaries, mapCommunes, overview.metric, context),
      ),
      description: describeCommuneChoropleth(mapCommunes, overview.metric, context),
      missing_count: mapCommunes.filter((commune) => commune.value === null).length,
      suspect_population: suspect,
      has_filtered_out: mapCommunes.length < boundaries.shapes.features.length,
    },
  };
}
