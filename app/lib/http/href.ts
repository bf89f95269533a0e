// Internal links carry the chosen language (?lang=) so a shared link opens in the same language.
import { keepLinkParams } from "~/lib/http/link-params";
import { LANG_PARAM, type Lang } from "~/lib/i18n/languages";

/**
 * `pathname` with the query of `search` (only parameters some page reads), changed by `changes`
 * (null removes a parameter), and `lang` set to the given language.
 */
export function buildHref(
  pathname: string,
  search: string | URLSearchParams,
  changes: Record<string, string | null>,
  lang: Lang,
): string {
  const params = keepLinkParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  params.set(LANG_PARAM, lang);
  return `${pathname}?${params.toString()}`;
}

/** A link to `pathname` that keeps only the language. */
export function hrefWithLang(pathname: string, lang: Lang): string {
  return buildHref(pathname, "", {}, lang);
}
