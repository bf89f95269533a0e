// Reads numbers back from page text in each UI language. The patterns are written out here, not
// taken from the app's formatter, so a wrong locale on the page fails the test.
import type { Lang } from "~/lib/i18n/languages";

export const INTEGER_PATTERN: Record<Lang, RegExp> = {
  vi: /^\d{1,3}(\.\d{3})*$/,
  en: /^\d{1,3}(,\d{3})*$/,
};
/** A whole or one-decimal percent, no space before the sign: 63,3% / 63.3%. */
export const PERCENT_PATTERN: Record<Lang, RegExp> = {
  vi: /^\d{1,3}(,\d)?%$/,
  en: /^\d{1,3}(\.\d)?%$/,
};
const SEPARATORS: Record<Lang, { thousands: string; decimal: string }> = {
  vi: { thousands: ".", decimal: "," },
  en: { thousands: ",", decimal: "." },
};

export function parseDisplayedNumber(text: string, lang: Lang): number {
  const { thousands, decimal } = SEPARATORS[lang];
  const plain = text.trim().split(thousands).join("").replace(decimal, ".");
  if (!/^-?\d+(\.\d+)?$/.test(plain)) throw new Error(`not a ${lang} number: "${text}"`);
  return Number(plain);
}

/** "63,3%" (vi) → 0.633. */
export function parseDisplayedPercent(text: string, lang: Lang): number {
  const trimmed = text.trim();
  if (!trimmed.endsWith("%")) throw new Error(`not a percent: "${text}"`);
  return parseDisplayedNumber(trimmed.slice(0, -1), lang) / 100;
}
