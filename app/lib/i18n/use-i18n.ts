// The language, translator and formatter for the current request, from the root loader's data.
import { useRouteLoaderData } from "@remix-run/react";
import { getFormatter, type Formatter } from "~/lib/i18n/formatter";
import { langOf, type Lang } from "./languages";
import { createTranslator, type Translator } from "./translate";

export interface I18n {
  lang: Lang;
  t: Translator;
  fmt: Formatter;
}

export function getI18n(lang: Lang): I18n {
  return { lang, t: createTranslator(lang), fmt: getFormatter(lang) };
}

export function useI18n(): I18n {
  return getI18n(langOf(useRouteLoaderData("root")));
}
