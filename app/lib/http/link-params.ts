// The query parameters links may carry over from the current URL. Links are built from
// location.search (the language switch, period presets, download links…), so anything a visitor
// appended was echoed into every one of them, some sixteen times a page (ADR 012). Only the
// parameters some page reads pass; the rest are dropped.
import { LANG_PARAM } from "~/lib/i18n/languages";
import { COMMUNE_SEARCH_PARAM } from "~/lib/filters/commune-search";
import { OVERVIEW_FILTER_PARAMS } from "~/lib/filters/filter-options";
import { REPORT_PARAMS } from "~/lib/filters/report-params";
import { QUALITY_PARAMS } from "~/lib/filters/quality-params";

export const LINK_PARAMS: ReadonlySet<string> = new Set([
  ...OVERVIEW_FILTER_PARAMS,
  ...QUALITY_PARAMS,
  ...REPORT_PARAMS,
  COMMUNE_SEARCH_PARAM,
  LANG_PARAM,
  // Download routes' own: which table or dataset, in which format; the audit page's filter.
  "dataset",
  "table",
  "format",
  "action",
  "page",
]);

/** `search` without the parameters no page reads. */
export function keepLinkParams(search: string | URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(search);
  for (const name of new Set(params.keys())) if (!LINK_PARAMS.has(name)) params.delete(name);
  return params;
}
