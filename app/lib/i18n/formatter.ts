// Number, percent, month and date formats for each UI language (vi-VN, en-GB). Server and
// browser must print the same text (React hydration compares them), so month names are spelled
// out here rather than taken from ICU, whose English abbreviations differ between versions
// ("Sep"/"Sept"), and dates use the province's time zone, never the machine's.
import { LOCALE_BY_LANG, type Lang } from "~/lib/i18n/languages";

/** Shown wherever a value cannot be computed (no denominator, no data). */
export const MISSING_VALUE = "—";
export const DISPLAY_TIME_ZONE = "Asia/Ho_Chi_Minh";

export interface Formatter {
  lang: Lang;
  locale: string;
  /** 1.234.567 (vi) / 1,234,567 (en), rounded to a whole number. */
  integer(value: number | null | undefined): string;
  /** Fixed maximum number of fraction digits: 1.234,5 / 1,234.5. */
  decimal(value: number | null | undefined, maxFractionDigits?: number): string;
  /**
   * A ratio 0..1 printed as a percent with exactly `fractionDigits` decimals, so a column reads
   * evenly: 0.385 → 38,5% / 38.5%, 0.7 → 70,0%.
   */
  percent(value: number | null | undefined, maxFractionDigits?: number): string;
  /** A difference of two ratios in percentage points, unsigned: 0.041 → 4,1. */
  percentPoints(value: number | null | undefined, maxFractionDigits?: number): string;
  /** Month without its year, for axis ticks: T7 / Jul. */
  monthAbbrev(month: string): string;
  /** Axis-sized month: Th7 2025 / Jul 2025. */
  monthShort(month: string): string;
  /** Month in running text: tháng 7/2025 / July 2025. */
  monthLong(month: string): string;
  /** Compact month for parentheses and tables: 7/2025 / Jul 2025. */
  monthNumeric(month: string): string;
  /** A timestamp in the province's time zone: 17:00 30/11/2026 / 30 Nov 2026, 17:00. */
  dateTime(value: string | Date | null | undefined): string;
  /** A calendar day given as YYYY-MM-DD: "04/12/2026" / "4 Dec 2026". */
  day(value: string): string;
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

function englishMonth(month: number, style: "short" | "long"): string {
  const name = EN_MONTHS[month - 1]!;
  return style === "long" ? name : name.slice(0, 3);
}

function splitMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function createFormatter(lang: Lang): Formatter {
  const locale = LOCALE_BY_LANG[lang];
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, options);
      numberFormats.set(key, format);
    }
    return format;
  };
  // Only numeric parts are taken from ICU; the layout is ours, identical on every engine.
  const dateParts = new Intl.DateTimeFormat("en-GB", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: DISPLAY_TIME_ZONE,
  });

  return {
    lang,
    locale,
    integer: (value) =>
      isFiniteNumber(value)
        ? numberFormat("int", { maximumFractionDigits: 0 }).format(value)
        : MISSING_VALUE,
    decimal: (value, digits = 1) =>
      isFiniteNumber(value)
        ? numberFormat(`dec${digits}`, { maximumFractionDigits: digits }).format(value)
        : MISSING_VALUE,
    percent: (value, digits = 0) =>
      isFiniteNumber(value)
        ? numberFormat(`pct${digits}`, {
            style: "percent",
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(value)
        : MISSING_VALUE,
    percentPoints: (value, digits = 1) =>
      isFiniteNumber(value)
        ? numberFormat(`pp${digits}`, { maximumFractionDigits: digits }).format(
            Math.abs(value * 100),
          )
        : MISSING_VALUE,
    monthAbbrev: (month) => {
      const parts = splitMonth(month);
      return lang === "vi" ? `T${parts.month}` : englishMonth(parts.month, "short");
    },
    monthShort: (month) => {
      const parts = splitMonth(month);
      return lang === "vi"
        ? `Th${parts.month} ${parts.year}`
        : `${englishMonth(parts.month, "short")} ${parts.year}`;
    },
    monthLong: (month) => {
      const parts = splitMonth(month);
      return lang === "vi"
        ? `tháng ${parts.month}/${parts.year}`
        : `${englishMonth(parts.month, "long")} ${parts.year}`;
    },
    monthNumeric: (month) => {
      const parts = splitMonth(month);
      return lang === "vi"
        ? `${parts.month}/${parts.year}`
        : `${englishMonth(parts.month, "short")} ${parts.year}`;
    },
    day: (value) => {
      const [year, month, day] = value.split("-").map(Number);
      if (!year || !month || !day) return MISSING_VALUE;
      return lang === "vi"
        ? `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`
        : `${day} ${englishMonth(month, "short")} ${year}`;
    },
    dateTime: (value) => {
      if (value === null || value === undefined || value === "") return MISSING_VALUE;
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return MISSING_VALUE;
      const part = Object.fromEntries(
        dateParts.formatToParts(date).map((entry) => [entry.type, entry.value]),
      );
      const time = `${part.hour}:${part.minute}`;
      return lang === "vi"
        ? `${time} ${part.day}/${part.month}/${part.year}`
        : `${Number(part.day)} ${englishMonth(Number(part.month), "short")} ${part.year}, ${time}`;
    },
  };
}

const formatters = new Map<Lang, Formatter>();

export function getFormatter(lang: Lang): Formatter {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = createFormatter(lang);
    formatters.set(lang, formatter);
  }
  return formatter;
}
