// The overview's three figures rendered to SVG markup, each with its one-sentence description.
import { sortByVietnameseName } from "~/lib/format/collation";
import type { Lang } from "~/lib/i18n/languages";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { RankedCommune } from "~/lib/metrics/commune-metrics";
import type { Overview } from "./load.server";
import type { ChartContext } from "~/lib/charts/chart-context";
import { getCommuneBoundaries } from "~/lib/charts/commune-boundaries.server";
import {
  addFocusNames,
  buildCommuneChoroplethPlot,
  describeCommuneChoropleth,
  type ChoroplethCommune,
  type ChoroplethLinks,
} from "~/lib/charts/commune-choropleth";
import { renderMonthlyTrendFigures } from "~/lib/charts/monthly-trend-figures.server";
import { renderPlotToHtmlCached, type RenderedFigure } from "~/lib/charts/render-plot.server";

/** The figures as the data-version cache keeps them: the map without its markup. */
export interface OverviewFigureFacts {
  cases: RenderedFigure;
  rates: RenderedFigure;
  map: Omit<OverviewFigures["map"], "html">;
}

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

function toMapCommunes(ranking: readonly RankedCommune[]): ChoroplethCommune[] {
  return ranking.map((row) => ({ code: row.code, name: row.name, value: row.value }));
}

/**
 * The map's markup for one viewer: its links depend on the communes the viewer may open and on
 * the page's query, so it is drawn per request (from the render cache) outside the page data
 * the data-version cache shares between viewers.
 */
export function renderOverviewMap(
  provinceCode: string,
  metric: Overview["metric"],
  ranking: readonly RankedCommune[],
  lang: Lang,
  links: ChoroplethLinks & { cacheKey: string },
): string {
  const context: ChartContext = getI18n(lang);
  const mapCommunes = toMapCommunes(ranking);
  const boundaries = getCommuneBoundaries(provinceCode);
  return renderPlotToHtmlCached(
    JSON.stringify(["map", lang, provinceCode, metric, mapCommunes, links.cacheKey]),
    () => buildCommuneChoroplethPlot(boundaries, mapCommunes, metric, context, links),
    { decorate: addFocusNames },
  );
}

export function renderOverviewFigures(
  overview: Overview,
  ranking: readonly RankedCommune[],
  lang: Lang,
): OverviewFigureFacts {
  const context: ChartContext = getI18n(lang);
  const mapCommunes = toMapCommunes(ranking);
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
    ...renderMonthlyTrendFigures(overview.trend, context, keyOf),
    map: {
      description: describeCommuneChoropleth(mapCommunes, overview.metric, context),
      missing_count: mapCommunes.filter((commune) => commune.value === null).length,
      suspect_population: suspect,
      has_filtered_out: mapCommunes.length < boundaries.shapes.features.length,
    },
  };
}
