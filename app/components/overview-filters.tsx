// The overview's filters, all in the URL: quick-period links and a GET form, so they work with
// JavaScript off, can be bookmarked, and the back button undoes them.
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import { Form, Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/http/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  MAP_METRICS,
  PROCEDURE_GROUPS,
  UNIT_TYPES,
  type MapMetric,
  type ProcedureGroup,
  type UnitTypeFilter,
} from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";
import { METRICS } from "~/lib/metrics/registry";

export interface OverviewFiltersProps {
  coverage: Coverage;
  period: ResolvedPeriod;
  unitType: UnitTypeFilter | null;
  /** Absent on pages without the procedure-group filter. */
  procedureGroup?: ProcedureGroup | null;
  metric: MapMetric;
}

export function OverviewFilters({
  coverage,
  period,
  unitType,
  procedureGroup,
  metric,
}: OverviewFiltersProps) {
  const { lang, t } = useI18n();
  const location = useLocation();

  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("filter.legend")}
      </h2>
      <PeriodPresetLinks period={period} />
      {/* Keyed by the query so the fields show the new values after a client-side navigation. */}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <MonthRangeFields idPrefix="filter" period={period} coverage={coverage} />
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
                {t(METRICS[option].name)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">{t("filter.apply")}</button>
          <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
        </div>
        <MonthHint idPrefix="filter" />
      </Form>
    </section>
  );
}
