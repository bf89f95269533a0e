// Sections c and d of the commune page: what people need help with (procedure groups and the
// procedures with most cases, with their online share) and the types of help given.
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { HelpTypeRow, ProcedureGroupRow, ProcedureRow } from "~/pages/commune/load.server";
import { TOP_PROCEDURES } from "~/pages/commune/options";
import { METRICS, ratioOf } from "~/lib/metrics/registry";
import { PlotFigure } from "../plot-figure";
import { CommuneDownloadLinks } from "./commune-download-links";

export interface CommuneProceduresSectionProps {
  code: string;
  search: string;
  groups: ProcedureGroupRow[];
  procedures: ProcedureRow[];
  figure: RenderedFigure;
}

export function CommuneProceduresSection({
  code,
  search,
  groups,
  procedures,
  figure,
}: CommuneProceduresSectionProps) {
  const { lang, t, fmt } = useI18n();
  const top = procedures.slice(0, TOP_PROCEDURES);
  const groupName = (group: string) => t(`procedureGroup.${group}` as MessageKey);
  return (
    <section aria-labelledby="commune-procedures-heading" className="commune-section">
      <h2 id="commune-procedures-heading">{t("commune.procedures.heading")}</h2>
      <PlotFigure
        id="commune-figure-groups"
        title={t("commune.procedures.groupsTitle")}
        description={figure.description}
        html={figure.html}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("commune.procedures.group")}</th>
                <th scope="col" className="num">
                  {t(METRICS.cases.name)}
                </th>
                <th scope="col" className="num">
                  {t("commune.procedures.shareOfCases")}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.assisted_online_share.name)}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((row) => (
                <tr key={row.procedure_group}>
                  <th scope="row">{groupName(row.procedure_group)}</th>
                  <td className="num">{fmt.integer(row.cases)}</td>
                  <td className="num">{fmt.percent(row.share_of_cases, 1)}</td>
                  <td className="num">{fmt.percent(row.assisted_online_share, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <h3>{t("commune.procedures.topTitle")}</h3>
      <div className="table-scroll">
        <table>
          <caption>
            {t("commune.procedures.topCaption", {
              shown: fmt.integer(top.length),
              total: fmt.integer(procedures.length),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("commune.procedures.procedure")}</th>
              <th scope="col">{t("commune.procedures.code")}</th>
              <th scope="col">{t("commune.procedures.group")}</th>
              <th scope="col" className="num">
                {t(METRICS.cases.name)}
              </th>
              <th scope="col" className="num">
                {t(METRICS.assisted_online_share.name)}
              </th>
            </tr>
          </thead>
          <tbody>
            {top.map((row) => (
              <tr key={row.procedure_code}>
                <th scope="row">{lang === "vi" ? row.label_vi : row.label_en}</th>
                <td>{row.procedure_code}</td>
                <td>{groupName(row.procedure_group)}</td>
                <td className="num">{fmt.integer(row.cases)}</td>
                <td className="num">{fmt.percent(row.assisted_online_share, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CommuneDownloadLinks code={code} table="procedures" search={search} />
    </section>
  );
}

export interface CommuneHelpTypesSectionProps {
  code: string;
  search: string;
  rows: HelpTypeRow[];
  figure: RenderedFigure;
}

export function CommuneHelpTypesSection({
  code,
  search,
  rows,
  figure,
}: CommuneHelpTypesSectionProps) {
  const { t, fmt } = useI18n();
  return (
    <section aria-labelledby="commune-help-heading" className="commune-section">
      <h2 id="commune-help-heading">{t("commune.helpTypes.heading")}</h2>
      <PlotFigure
        id="commune-figure-help"
        title={t("commune.helpTypes.title")}
        description={figure.description}
        html={figure.html}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("commune.helpTypes.type")}</th>
                <th scope="col" className="num">
                  {t(METRICS.cases.name)}
                </th>
                <th scope="col" className="num">
                  {t("commune.procedures.shareOfCases")}
                </th>
                <th scope="col" className="num">
                  {t(METRICS.assisted_online_share.name)}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.help_type}>
                  <th scope="row">{t(`commune.helpType.${row.help_type}`)}</th>
                  <td className="num">{fmt.integer(row.cases)}</td>
                  <td className="num">{fmt.percent(row.share_of_cases, 1)}</td>
                  <td className="num">{fmt.percent(ratioOf("assisted_online_share", row), 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <CommuneDownloadLinks code={code} table="help_types" search={search} />
    </section>
  );
}
