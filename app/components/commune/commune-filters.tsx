// The commune page's filters, all in the URL: quick-period links and a GET form (months and
// procedure group), so they work with JavaScript off, can be shared, and back undoes them.
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import { Form, useLocation } from "@remix-run/react";
import { FilterPanel } from "~/components/filters/filter-panel";
import {
  FilterActions,
  procedureGroupOptions,
  SelectField,
} from "~/components/filters/filter-fields";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ProcedureGroup } from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";

export interface CommuneFiltersProps {
  coverage: Coverage;
  period: ResolvedPeriod;
  procedureGroup: ProcedureGroup | null;
}

export function CommuneFilters({ coverage, period, procedureGroup }: CommuneFiltersProps) {
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const current = [
    `${fmt.monthNumeric(period.from)} – ${fmt.monthNumeric(period.to)}`,
    procedureGroup ? t(`procedureGroup.${procedureGroup}`) : null,
  ].filter((part): part is string => part !== null);
  return (
    <FilterPanel headingId="filters-heading" current={current}>
      <PeriodPresetLinks period={period} />
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <MonthRangeFields idPrefix="commune-filter" period={period} coverage={coverage} />
        <SelectField
          id="commune-filter-group"
          name="procedure_group"
          label={t("commune.filter.procedureGroup")}
          value={procedureGroup ?? ""}
          allLabel={t("commune.filter.procedureGroupAll")}
          options={procedureGroupOptions(t)}
        />
        <FilterActions />
        <MonthHint idPrefix="commune-filter" />
      </Form>
    </FilterPanel>
  );
}
