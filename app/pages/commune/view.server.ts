// What the commune route renders, assembled from one getCommunePage() result: the page data, its
// figures rendered in the reader's language, and the query its links and downloads carry.
import { renderCommuneFigures, type CommuneFigures } from "~/pages/commune/figures.server";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import type { CommunePage } from "~/pages/commune/load.server";

export interface CommunePageView extends CommunePage {
  lang: Lang;
  title: string;
  /** Null before anything is imported. */
  figures: CommuneFigures | null;
  /** The request's query string without "?" (filters and lang), for download links. */
  search: string;
}

export function buildCommunePageView(
  page: CommunePage,
  lang: Lang,
  searchParams: URLSearchParams,
): CommunePageView {
  const t = createTranslator(lang);
  const name = lang === "vi" ? page.commune.full_name : page.commune.full_name_en;
  return {
    ...page,
    lang,
    title: t("commune.metaTitle", { name }),
    figures: page.period ? renderCommuneFigures(page, lang) : null,
    search: searchParams.toString(),
  };
}
