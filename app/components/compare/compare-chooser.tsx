// The compare page's chooser: period presets as links, and one GET form with the month range and a
// checkbox per commune, grouped by unit type and sorted by Vietnamese name. Works without
// JavaScript; the URL (?commune=…&commune=…) is the whole state, so it can be shared and bookmarked.
import {
  MonthHint,
  MonthRangeFields,
  PeriodPresetLinks,
} from "~/components/filters/period-controls";
import { Form, Link, useLocation } from "@remix-run/react";
import { keepLinkParams } from "~/lib/http/link-params";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { CommuneOption } from "~/pages/compare/load.server";
import { UNIT_TYPES } from "~/lib/filters/filter-options";
import type { Coverage, ResolvedPeriod } from "~/lib/filters/filters";

export interface CompareChooserProps {
  options: CommuneOption[];
  selected: readonly string[];
  coverage: Coverage;
  period: ResolvedPeriod;
}

export function CompareChooser({ options, selected, coverage, period }: CompareChooserProps) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const chosen = new Set(selected);
  const clearHref = `${location.pathname}?${new URLSearchParams(
    [...keepLinkParams(location.search)].filter(([name]) => name !== "commune"),
  ).toString()}`;

  return (
    <section className="filters compare-chooser" aria-labelledby="compare-chooser-heading">
      <h2 id="compare-chooser-heading">{t("compare.chooser.heading")}</h2>
      <PeriodPresetLinks period={period} />
      <Form method="get" className="compare-chooser__form" key={location.search}>
        <input type="hidden" name={LANG_PARAM} value={lang} />
        <div className="filters__form">
          <MonthRangeFields idPrefix="compare" period={period} coverage={coverage} />
          <MonthHint idPrefix="compare" />
        </div>
        <fieldset className="compare-chooser__communes" aria-describedby="compare-chooser-hint">
          <legend>{t("compare.chooser.communes")}</legend>
          <p id="compare-chooser-hint" className="field__hint">
            {t("compare.chooser.hint")}
          </p>
          {UNIT_TYPES.map((unitType) => {
            const group = options.filter((option) => option.unit_type === unitType);
            if (group.length === 0) return null;
            return (
              <fieldset key={unitType} className="compare-chooser__group">
                <legend>
                  {t("compare.chooser.group", {
                    unitType: t(`unitType.${unitType}`),
                    count: group.length,
                  })}
                </legend>
                <ul>
                  {group.map((option) => (
                    <li key={option.code}>
                      <label>
                        <input
                          type="checkbox"
                          name="commune"
                          value={option.code}
                          defaultChecked={chosen.has(option.code)}
                        />{" "}
                        {option.name}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
        </fieldset>
        <div className="filters__actions">
          <button type="submit">{t("compare.chooser.submit")}</button>
          {selected.length > 0 ? <Link to={clearHref}>{t("compare.chooser.clear")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}
