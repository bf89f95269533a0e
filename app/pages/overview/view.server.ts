// Everything the overview route renders, assembled from one getOverview() result: the ranking,
// the "needs attention" lists and the server-rendered figures, in the reader's language.
import {
  renderOverviewFigures,
  renderOverviewMap,
  type OverviewFigureFacts,
  type OverviewFigures,
} from "~/pages/overview/figures.server";
import type { ChoroplethLinks } from "~/lib/charts/commune-choropleth";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import {
  findNeedsAttention,
  rankCommunes,
  type NeedsAttention,
  type RankedCommune,
} from "~/lib/metrics/commune-metrics";
import type { Overview } from "./load.server";

export interface OverviewPageData extends Omit<Overview, "communes"> {
  lang: Lang;
  title: string;
  ranking: RankedCommune[];
  attention: NeedsAttention | null;
  figures: OverviewFigureFacts | null;
}

export function buildOverviewPage(overview: Overview, lang: Lang): OverviewPageData {
  const t = createTranslator(lang);
  const provinceName = lang === "vi" ? overview.province.full_name : overview.province.name;
  const { communes, ...rest } = overview;
  const ranking = rankCommunes(communes, overview.metric);
  return {
    ...rest,
    lang,
    title: t("overview.metaTitle", { province: provinceName }),
    ranking,
    attention: overview.period
      ? findNeedsAttention(communes, overview.period.to, overview.activity ?? undefined)
      : null,
    figures: overview.period ? renderOverviewFigures(overview, ranking, lang) : null,
  };
}

/** The page as one viewer gets it: with the map, whose links depend on the viewer. */
export interface OverviewViewerPage extends Omit<OverviewPageData, "figures"> {
  figures: OverviewFigures | null;
}

export function withViewerMap(
  page: OverviewPageData,
  links: ChoroplethLinks & { cacheKey: string },
): OverviewViewerPage {
  if (!page.figures) return { ...page, figures: null };
  const html = renderOverviewMap(page.province.code, page.metric, page.ranking, page.lang, links);
  return { ...page, figures: { ...page.figures, map: { ...page.figures.map, html } } };
}
