// The directory's name search: typed with or without diacritics ("da lat" finds "Đà Lạt"), in
// any case, matching anywhere in the unit's full name. Read from the URL's `q`.
import { foldKey } from "~/lib/etl/text";
import type { FilterIssue } from "~/lib/url-params/filter-issues";

export const COMMUNE_SEARCH_PARAM = "q";
export const COMMUNE_SEARCH_MAX_LENGTH = 100;

export type CommuneSearchResult = { ok: true; q: string } | { ok: false; issue: FilterIssue };

/** The search text from the URL, trimmed; too long or repeated is a bad parameter (400). */
export function parseCommuneSearch(searchParams: URLSearchParams): CommuneSearchResult {
  const values = searchParams.getAll(COMMUNE_SEARCH_PARAM);
  if (values.length > 1) {
    return {
      ok: false,
      issue: {
        param: COMMUNE_SEARCH_PARAM,
        message_key: "filter.error.repeated",
        value: values.join(", "),
      },
    };
  }
  const q = (values[0] ?? "").trim();
  if (q.length > COMMUNE_SEARCH_MAX_LENGTH) {
    return {
      ok: false,
      issue: {
        param: COMMUNE_SEARCH_PARAM,
        message_key: "commune.error.q",
        value: `${q.slice(0, 20)}…`,
        params: { max: String(COMMUNE_SEARCH_MAX_LENGTH) },
      },
    };
  }
  return { ok: true, q };
}

export function matchesNameSearch(name: string, q: string): boolean {
  const needle = foldKey(q);
  return needle === "" || foldKey(name).includes(needle);
}
