// The commune page's filters, all in the URL: quick-period links and a GET form (months and
// procedure group), so they work with JavaScript off, can be shared, and back undoes them.
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import { Form, Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/http/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { PROCEDURE_GROUPS, type ProcedureGroup } from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";

export interface CommuneFiltersProps {
  coverage: Coverage;
  period: ResolvedPeriod;
  procedureGroup: ProcedureGroup | null;
}

export function CommuneFilters({ coverage, period, procedureGroup }: CommuneFiltersProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  return (
    <section className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("filter.legend")}
      </h2>
      <PeriodPresetLinks period={period} />
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <MonthRangeFields idPrefix="commune-filter" period={period} coverage={coverage} />
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
        <MonthHint idPrefix="commune-filter" />
      </Form>
    </section>
  );
}
