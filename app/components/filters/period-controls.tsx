// The period controls every filtered page shares: quick-period links (plain links, so they work
// with JavaScript off and keep the page's other filters) and the from/to month fields of a GET
// form. One definition, so the presets, limits and hints read the same on every page.
import { Link, useLocation } from "@remix-run/react";
import { monthState, type DataCalendar } from "~/lib/calendar/month-status";
import { addMonths, listMonths } from "~/lib/calendar/months";
import { buildHref } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import { PERIOD_PRESETS, type PeriodPreset } from "~/lib/filters/filter-options";
import type { Coverage, OpenMonth, ResolvedPeriod } from "~/lib/filters/filters";

const MONTH_INPUT_PATTERN = "[0-9]{4}-[0-9]{2}";

export interface PeriodPresetLinksProps {
  period: Pick<ResolvedPeriod, "preset">;
  /** Parameters that stop making sense with another period (e.g. a page number). */
  clear?: readonly string[];
}

/** Links to the same page with a preset period instead of explicit months. */
export function PeriodPresetLinks({ period, clear = [] }: PeriodPresetLinksProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const cleared = Object.fromEntries(clear.map((name) => [name, null]));
  const presetHref = (preset: PeriodPreset) =>
    buildHref(
      location.pathname,
      location.search,
      { ...cleared, period: preset, from: null, to: null },
      lang,
    );
  return (
    <nav className="filters__presets" aria-label={t("filter.presets")}>
      <ul>
        {PERIOD_PRESETS.map((preset) => (
          <li key={preset}>
            <Link
              to={presetHref(preset)}
              aria-current={period.preset === preset ? "true" : undefined}
            >
              {t(`filter.preset.${preset}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface MonthRangeFieldsProps {
  /** Prefix of the inputs' ids (`<prefix>-from`, `<prefix>-to`, `<prefix>-month-hint`). */
  idPrefix: string;
  period: Pick<ResolvedPeriod, "from" | "to">;
  coverage: Coverage;
}

/** The from/to month inputs, limited to the covered months. */
export function MonthRangeFields({ idPrefix, period, coverage }: MonthRangeFieldsProps) {
  const { t } = useI18n();
  const field = (name: "from" | "to") => (
    <div className="field">
      <label htmlFor={`${idPrefix}-${name}`}>{t(`filter.${name}`)}</label>
      <input
        id={`${idPrefix}-${name}`}
        type="month"
        name={name}
        defaultValue={period[name]}
        min={coverage.first_month}
        max={coverage.last_month}
        pattern={MONTH_INPUT_PATTERN}
        aria-describedby={monthHintId(idPrefix)}
      />
    </div>
  );
  return (
    <>
      {field("from")}
      {field("to")}
    </>
  );
}

export function monthHintId(idPrefix: string): string {
  return `${idPrefix}-month-hint`;
}

/** The month-format hint the month inputs point to (aria-describedby). */
export function MonthHint({ idPrefix }: { idPrefix: string }) {
  const { t } = useI18n();
  return (
    <p id={monthHintId(idPrefix)} className="field__hint">
      {t("filter.monthHint")}
    </p>
  );
}

export interface ClampedPeriodNoticeProps {
  period: Pick<ResolvedPeriod, "clamped">;
  coverage: Pick<Coverage, "first_month" | "last_month">;
  /** The page's wording; the months the data covers fill {first} and {last}. */
  message?: "overview.clamped" | "compare.clamped";
}

/** Says so when the asked-for period was cut to the months the data covers. */
export function ClampedPeriodNotice({
  period,
  coverage,
  message = "overview.clamped",
}: ClampedPeriodNoticeProps) {
  const { t, fmt } = useI18n();
  if (!period.clamped) return null;
  return (
    <p className="notice">
      {t(message, {
        first: fmt.monthNumeric(coverage.first_month),
        last: fmt.monthNumeric(coverage.last_month),
      })}
    </p>
  );
}

export interface OpenMonthsNoticeProps {
  period: Pick<ResolvedPeriod, "from" | "to" | "preset" | "open_months">;
  coverage: Coverage;
  /** Parameters that stop making sense with another period (e.g. a page number). */
  clear?: readonly string[];
}

/**
 * Says which months are not complete (ADR 020): those inside the period, marked in its charts
 * and keeping it from being compared; or, for a preset that stops before them, which months it
 * left out, with a link to the period that includes them.
 */
export function OpenMonthsNotice({ period, coverage, clear = [] }: OpenMonthsNoticeProps) {
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const calendar = coverage.calendar;
  if (!calendar) return null;
  const describe = (open: OpenMonth) => describeOpenMonth(open, calendar, { t, fmt });
  if (period.open_months.length > 0) {
    return (
      <div className="notice" role="note">
        <p>{t("calendar.open.lead")}</p>
        <ul>
          {period.open_months.map((open) => (
            <li key={open.month}>{describe(open)}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (period.preset === null || period.to >= coverage.last_month) return null;
  const excluded = listMonths(addMonths(period.to, 1), coverage.last_month)
    .map((month) => ({ month, state: monthState(calendar, month) }))
    .filter((open): open is OpenMonth => open.state !== "complete");
  if (excluded.length === 0) return null;
  const cleared = Object.fromEntries(clear.map((name) => [name, null]));
  const href = buildHref(
    location.pathname,
    location.search,
    { ...cleared, period: null, from: period.from, to: coverage.last_month },
    lang,
  );
  return (
    <p className="notice" role="note">
      {t("calendar.excluded", {
        to: fmt.monthNumeric(period.to),
        months: excluded.map(describe).join("; "),
      })}{" "}
      <Link to={href}>
        {t("calendar.include", { last: fmt.monthNumeric(coverage.last_month) })}
      </Link>
    </p>
  );
}

function describeOpenMonth(
  open: OpenMonth,
  calendar: DataCalendar,
  { t, fmt }: Pick<ReturnType<typeof useI18n>, "t" | "fmt">,
): string {
  const month = fmt.monthNumeric(open.month);
  if (open.state === "late") {
    const late = calendar.late_months.find((entry) => entry.month === open.month);
    return t("calendar.open.late", {
      month,
      missing: fmt.integer(late?.missing ?? 0),
      expected: fmt.integer(late?.expected ?? 0),
    });
  }
  return calendar.partial_through && open.month === calendar.running_month
    ? t("calendar.open.running", { month, through: fmt.day(calendar.partial_through) })
    : t("calendar.open.runningNoData", { month });
}
