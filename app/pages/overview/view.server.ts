// Everything the overview route renders, assembled from one getOverview() result: the ranking,
// the "needs attention" lists and the server-rendered figures, in the reader's language.
import { renderOverviewFigures, type OverviewFigures } from "~/pages/overview/figures.server";
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
  figures: OverviewFigures | null;
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
