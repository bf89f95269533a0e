// The languages the UI speaks. Kept free of zod and server code: components import it.
export const LANGUAGES = ["vi", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = "vi";
/** URL parameter and cookie name that carry the chosen language. */
export const LANG_PARAM = "lang";

/** BCP 47 locale used for numbers and dates in each language. */
export const LOCALE_BY_LANG: Record<Lang, string> = { vi: "vi-VN", en: "en-GB" };

export function isLang(value: unknown): value is Lang {
  return value === "vi" || value === "en";
}

/** The language in a loader's data ({ lang }), or the default when absent (e.g. on errors). */
export function langOf(data: unknown): Lang {
  const lang = (data as { lang?: unknown } | null | undefined)?.lang;
  return isLang(lang) ? lang : DEFAULT_LANG;
}
