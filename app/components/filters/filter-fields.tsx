// The fields every filter form is built from: a labelled select (optionally with an "all" choice
// that sends an empty value), the unit-type select the pages share, and the apply/reset buttons.
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { PROCEDURE_GROUPS, UNIT_TYPES, type UnitTypeFilter } from "~/lib/filters/filter-options";
import { buildHref } from "~/lib/http/href";
import type { Translator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";

export interface SelectFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  value: string;
  options: readonly { value: string; label: string }[];
  /** The first option, value "": no filter on this field. */
  allLabel?: string;
  describedBy?: string;
}

export function SelectField({
  id,
  name,
  label,
  value,
  options,
  allLabel,
  describedBy,
}: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={describedBy}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function UnitTypeField({
  id,
  value,
  describedBy,
}: {
  id: string;
  value: UnitTypeFilter | null;
  describedBy?: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      name="unit_type"
      label={t("filter.unitType")}
      value={value ?? ""}
      allLabel={t("filter.unitType.all")}
      options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
      describedBy={describedBy}
    />
  );
}

/** Apply, and a reset link to the page without any parameter but the language. */
export function FilterActions() {
  const { lang, t } = useI18n();
  const location = useLocation();
  return (
    <div className="filters__actions">
      <button type="submit">{t("filter.apply")}</button>
      <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
    </div>
  );
}

/** The procedure groups as select options, by their names. */
export function procedureGroupOptions(t: Translator) {
  return PROCEDURE_GROUPS.map((group) => ({ value: group, label: t(`procedureGroup.${group}`) }));
}
