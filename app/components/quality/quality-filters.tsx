// The data-quality filters, all in the URL (GET form and preset links, so they work without
// JavaScript): period, import kind, unit type.
import { Form, Link, useLocation } from "@remix-run/react";
import type { ImportKind } from "~/lib/db/types";
import { buildHref } from "~/lib/i18n/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { PERIOD_PRESETS, UNIT_TYPES, type UnitTypeFilter } from "~/lib/metrics/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/metrics/filters";
import { IMPORT_KINDS } from "~/lib/quality/quality-params";

export interface QualityFiltersProps {
  coverage: Coverage | null;
  period: ResolvedPeriod | null;
  kind: ImportKind | null;
  unitType: UnitTypeFilter | null;
}

const MONTH_INPUT_PATTERN = "[0-9]{4}-[0-9]{2}";

export function QualityFilters({ coverage, period, kind, unitType }: QualityFiltersProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const presetHref = (preset: string) =>
    buildHref(
      location.pathname,
      location.search,
      { period: preset, from: null, to: null, page: null },
      lang,
    );
  return (
    <section className="filters" aria-labelledby="quality-filters-heading">
      <h2 id="quality-filters-heading" className="visually-hidden">
        {t("filter.legend")}
      </h2>
      {period ? (
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
      ) : null}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        {period && coverage ? (
          <>
            <div className="field">
              <label htmlFor="quality-from">{t("filter.from")}</label>
              <input
                id="quality-from"
                type="month"
                name="from"
                defaultValue={period.from}
                min={coverage.first_month}
                max={coverage.last_month}
                pattern={MONTH_INPUT_PATTERN}
              />
            </div>
            <div className="field">
              <label htmlFor="quality-to">{t("filter.to")}</label>
              <input
                id="quality-to"
                type="month"
                name="to"
                defaultValue={period.to}
                min={coverage.first_month}
                max={coverage.last_month}
                pattern={MONTH_INPUT_PATTERN}
              />
            </div>
          </>
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
      </Form>
    </section>
  );
}
