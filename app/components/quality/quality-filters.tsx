// The data-quality filters, all in the URL (GET form and preset links, so they work without
// JavaScript): period, import kind, unit type.
import { Form, Link, useLocation } from "@remix-run/react";
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import type { ImportKind } from "~/lib/db/types";
import { buildHref } from "~/lib/http/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { UNIT_TYPES, type UnitTypeFilter } from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";
import { IMPORT_KINDS } from "~/lib/filters/quality-params";

export interface QualityFiltersProps {
  coverage: Coverage | null;
  period: ResolvedPeriod | null;
  kind: ImportKind | null;
  unitType: UnitTypeFilter | null;
}

export function QualityFilters({ coverage, period, kind, unitType }: QualityFiltersProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  return (
    <section className="filters" aria-labelledby="quality-filters-heading">
      <h2 id="quality-filters-heading" className="visually-hidden">
        {t("filter.legend")}
      </h2>
      {period ? <PeriodPresetLinks period={period} clear={["page"]} /> : null}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        {period && coverage ? (
          <MonthRangeFields idPrefix="quality" period={period} coverage={coverage} />
        ) : null}
        <div className="field">
          <label htmlFor="quality-kind">{t("quality.filter.kind")}</label>
          <select id="quality-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("quality.filter.kindAll")}</option>
            {IMPORT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`importKind.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quality-unit-type">{t("filter.unitType")}</label>
          <select
            id="quality-unit-type"
            name="unit_type"
            defaultValue={unitType ?? ""}
            aria-describedby="quality-unit-type-note"
          >
            <option value="">{t("filter.unitType.all")}</option>
            {UNIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`unitType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit">{t("filter.apply")}</button>
          <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
        </div>
        <p id="quality-unit-type-note" className="field__hint">
          {t("quality.filter.unitTypeNote")}
        </p>
        {period && coverage ? <MonthHint idPrefix="quality" /> : null}
      </Form>
    </section>
  );
}
