// The overview's filters, all in the URL: quick-period links and a GET form, so they work with
// JavaScript off, can be bookmarked, and the back button undoes them.
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
  UnitTypeField,
} from "~/components/filters/filter-fields";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  MAP_METRICS,
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
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const current = [
    `${fmt.monthNumeric(period.from)} – ${fmt.monthNumeric(period.to)}`,
    unitType ? t(`unitType.${unitType}`) : null,
    procedureGroup ? t(`procedureGroup.${procedureGroup}`) : null,
    t(METRICS[metric].name),
  ].filter((part): part is string => part !== null);

  return (
    <FilterPanel headingId="filters-heading" current={current}>
      <PeriodPresetLinks period={period} />
      {/* Keyed by the query so the fields show the new values after a client-side navigation. */}
      <Form method="get" className="filters__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <MonthRangeFields idPrefix="filter" period={period} coverage={coverage} />
        <UnitTypeField id="filter-unit-type" value={unitType} />
        {procedureGroup !== undefined ? (
          <SelectField
            id="filter-procedure-group"
            name="procedure_group"
            label={t("filter.procedureGroup")}
            value={procedureGroup ?? ""}
            allLabel={t("filter.procedureGroup.all")}
            options={procedureGroupOptions(t)}
          />
        ) : null}
        <SelectField
          id="filter-metric"
          name="metric"
          label={t("filter.metric")}
          value={metric}
          options={MAP_METRICS.map((option) => ({ value: option, label: t(METRICS[option].name) }))}
        />
        <FilterActions />
        <MonthHint idPrefix="filter" />
      </Form>
    </FilterPanel>
  );
}
