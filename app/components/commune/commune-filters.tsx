// The commune page's filters, all in the URL: quick-period links and a GET form (months and
// procedure group), so they work with JavaScript off, can be shared, and back undoes them.
import { Form, Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/i18n/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  PERIOD_PRESETS,
  PROCEDURE_GROUPS,
  type ProcedureGroup,
} from "~/lib/metrics/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/metrics/filters";

export interface CommuneFiltersProps {
  coverage: Coverage;
  period: ResolvedPeriod;
  procedureGroup: ProcedureGroup | null;
}

const MONTH_INPUT_PATTERN = "[0-9]{4}-[0-9]{2}";

export function CommuneFilters({ coverage, period, procedureGroup }: CommuneFiltersProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const presetHref = (preset: string) =>
    buildHref(location.pathname, location.search, { period: preset, from: null, to: null }, lang);
  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("filter.legend")}
      </h2>
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
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <div className="field">
          <label htmlFor="commune-filter-from">{t("filter.from")}</label>
          <input
            id="commune-filter-from"
            type="month"
            name="from"
            defaultValue={period.from}
            min={coverage.first_month}
            max={coverage.last_month}
            pattern={MONTH_INPUT_PATTERN}
            aria-describedby="commune-filter-month-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="commune-filter-to">{t("filter.to")}</label>
          <input
            id="commune-filter-to"
            type="month"
            name="to"
            defaultValue={period.to}
            min={coverage.first_month}
            max={coverage.last_month}
            pattern={MONTH_INPUT_PATTERN}
            aria-describedby="commune-filter-month-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="commune-filter-group">{t("commune.filter.procedureGroup")}</label>
          <select
            id="commune-filter-group"
            name="procedure_group"
            defaultValue={procedureGroup ?? ""}
          >
            <option value="">{t("commune.filter.procedureGroupAll")}</option>
            {PROCEDURE_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`procedureGroup.${group}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">{t("filter.apply")}</button>
          <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
        </div>
        <p id="commune-filter-month-hint" className="field__hint">
          {t("filter.monthHint")}
        </p>
      </Form>
    </section>
  );
}
