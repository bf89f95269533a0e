// The data-quality filters, all in the URL (GET form and preset links, so they work without
// JavaScript): period, import kind, unit type.
import { Form, useLocation } from "@remix-run/react";
import { FilterPanel } from "~/components/filters/filter-panel";
import { FilterActions, SelectField, UnitTypeField } from "~/components/filters/filter-fields";
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import type { ImportKind } from "~/lib/db/types";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";
import { IMPORT_KINDS } from "~/lib/filters/quality-params";

export interface QualityFiltersProps {
  coverage: Coverage | null;
  period: ResolvedPeriod | null;
  kind: ImportKind | null;
  unitType: UnitTypeFilter | null;
}

export function QualityFilters({ coverage, period, kind, unitType }: QualityFiltersProps) {
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const current = [
    period ? `${fmt.monthNumeric(period.from)} – ${fmt.monthNumeric(period.to)}` : null,
    kind ? t(`importKind.${kind}`) : null,
    unitType ? t(`unitType.${unitType}`) : null,
  ].filter((part): part is string => part !== null);
  return (
    <FilterPanel
      headingId="quality-filters-heading"
      current={current.length > 0 ? current : [t("quality.filter.kindAll")]}
    >
      {period ? <PeriodPresetLinks period={period} clear={["page"]} /> : null}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        {period && coverage ? (
          <MonthRangeFields idPrefix="quality" period={period} coverage={coverage} />
        ) : null}
        <SelectField
          id="quality-kind"
          name="kind"
          label={t("quality.filter.kind")}
          value={kind ?? ""}
          allLabel={t("quality.filter.kindAll")}
          options={IMPORT_KINDS.map((option) => ({
            value: option,
            label: t(`importKind.${option}`),
          }))}
        />
        <UnitTypeField
          id="quality-unit-type"
          value={unitType}
          describedBy="quality-unit-type-note"
        />
        <FilterActions />
        <p id="quality-unit-type-note" className="field__hint">
          {t("quality.filter.unitTypeNote")}
        </p>
        {period && coverage ? <MonthHint idPrefix="quality" /> : null}
      </Form>
    </FilterPanel>
  );
}
