// The overview's filters, all in the URL: quick-period links and a GET form, so they work with
// JavaScript off, can be bookmarked, and the back button undoes them.
import { Form, Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/i18n/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  MAP_METRICS,
  PERIOD_PRESETS,
  PROCEDURE_GROUPS,
  UNIT_TYPES,
  type MapMetric,
  type ProcedureGroup,
  type UnitTypeFilter,
} from "~/lib/metrics/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/metrics/filters";
import { METRIC_NAME_KEY } from "~/lib/metrics/metric-labels";

export interface OverviewFiltersProps {
  coverage: Coverage;
  period: ResolvedPeriod;
  unitType: UnitTypeFilter | null;
  /** Absent on pages without the procedure-group filter. */
  procedureGroup?: ProcedureGroup | null;
  metric: MapMetric;
}

const MONTH_INPUT_PATTERN = "[0-9]{4}-[0-9]{2}";

export function OverviewFilters({
  coverage,
  period,
  unitType,
  procedureGroup,
  metric,
}: OverviewFiltersProps) {
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
      {/* Keyed by the query so the fields show the new values after a client-side navigation. */}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <div className="field">
          <label htmlFor="filter-from">{t("filter.from")}</label>
          <input
            id="filter-from"
            type="month"
            name="from"
            defaultValue={period.from}
            min={coverage.first_month}
            max={coverage.last_month}
            pattern={MONTH_INPUT_PATTERN}
            aria-describedby="filter-month-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t("filter.to")}</label>
          <input
            id="filter-to"
            type="month"
            name="to"
            defaultValue={period.to}
            min={coverage.first_month}
            max={coverage.last_month}
            pattern={MONTH_INPUT_PATTERN}
            aria-describedby="filter-month-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="filter-unit-type">{t("filter.unitType")}</label>
          <select id="filter-unit-type" name="unit_type" defaultValue={unitType ?? ""}>
            <option value="">{t("filter.unitType.all")}</option>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`unitType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {procedureGroup !== undefined ? (
          <div className="field">
            <label htmlFor="filter-procedure-group">{t("filter.procedureGroup")}</label>
            <select
              id="filter-procedure-group"
              name="procedure_group"
              defaultValue={procedureGroup ?? ""}
            >
              <option value="">{t("filter.procedureGroup.all")}</option>
              {PROCEDURE_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {t(`procedureGroup.${group}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-metric">{t("filter.metric")}</label>
          <select id="filter-metric" name="metric" defaultValue={metric}>
            {MAP_METRICS.map((option) => (
              <option key={option} value={option}>
                {t(METRIC_NAME_KEY[option])}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">{t("filter.apply")}</button>
          <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
        </div>
        <p id="filter-month-hint" className="field__hint">
          {t("filter.monthHint")}
        </p>
      </Form>
    </section>
  );
}
