// Sections c and d of the commune page: what people need help with (procedure groups and the
// procedures with most cases, with their online share) and the types of help given.
import { TableScroll } from "~/components/table-scroll";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { HelpTypeRow, ProcedureGroupRow, ProcedureRow } from "~/pages/commune/load.server";
import { TOP_PROCEDURES } from "~/pages/commune/options";
import { ratioOf } from "~/lib/metrics/registry";
import { DataTable, metricColumn, type DataColumn } from "../data-table";
import { DataFigure } from "../data-figure";
import { CommuneDownloadLinks } from "./commune-download-links";

type OnlineShareRow = Pick<ProcedureRow, "assisted_online_share">;

/** The columns the procedure, group and help-type tables share. */
function useSharedColumns() {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const casesColumn = metricColumn<{ cases: number }>("cases", (row) => row.cases, i18n);
  const shareOfCasesColumn: DataColumn<{ share_of_cases: number | null }> = {
    header: t("commune.procedures.shareOfCases"),
    numeric: true,
    cell: (row) => fmt.percent(row.share_of_cases, 1),
  };
  /** A group's or help type's table: its name, then its cases, share of cases and online share. */
  const mixColumns = <Row extends { cases: number; share_of_cases: number | null }>(
    name: DataColumn<Row>,
    onlineShare: (row: Row) => number | null,
  ): DataColumn<Row>[] => [
    name,
    casesColumn,
    shareOfCasesColumn,
    metricColumn("assisted_online_share", onlineShare, i18n),
  ];
  return { casesColumn, mixColumns };
}

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
  const i18n = useI18n();
  const { lang, t, fmt } = i18n;
  const { casesColumn, mixColumns } = useSharedColumns();
  const top = procedures.slice(0, TOP_PROCEDURES);
  const groupName = (group: string) => t(`procedureGroup.${group}` as MessageKey);
  return (
    <section aria-labelledby="commune-procedures-heading" className="commune-section">
      <h2 id="commune-procedures-heading">{t("commune.procedures.heading")}</h2>
      <DataFigure
        id="commune-figure-groups"
        title={t("commune.procedures.groupsTitle")}
        figure={figure}
        rows={groups}
        rowKey={(row) => row.procedure_group}
        columns={mixColumns<ProcedureGroupRow>(
          {
            header: t("commune.procedures.group"),
            rowHeader: true,
            cell: (row) => groupName(row.procedure_group),
          },
          (row) => row.assisted_online_share,
        )}
      />
      <h3>{t("commune.procedures.topTitle")}</h3>
      <TableScroll label={t("commune.procedures.topTitle")}>
        <DataTable
          caption={t("commune.procedures.topCaption", {
            shown: fmt.integer(top.length),
            total: fmt.integer(procedures.length),
          })}
          rows={top}
          rowKey={(row) => row.procedure_code}
          columns={[
            {
              header: t("commune.procedures.procedure"),
              rowHeader: true,
              cell: (row) => (lang === "vi" ? row.label_vi : row.label_en),
            },
            { header: t("commune.procedures.code"), cell: (row) => row.procedure_code },
            {
              header: t("commune.procedures.group"),
              cell: (row) => groupName(row.procedure_group),
            },
            casesColumn,
            metricColumn<OnlineShareRow>(
              "assisted_online_share",
              (row) => row.assisted_online_share,
              i18n,
            ),
          ]}
        />
      </TableScroll>
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
  const { t } = useI18n();
  const { mixColumns } = useSharedColumns();
  return (
    <section aria-labelledby="commune-help-heading" className="commune-section">
      <h2 id="commune-help-heading">{t("commune.helpTypes.heading")}</h2>
      <DataFigure
        id="commune-figure-help"
        title={t("commune.helpTypes.title")}
        figure={figure}
        rows={rows}
        rowKey={(row) => row.help_type}
        columns={mixColumns<HelpTypeRow>(
          {
            header: t("commune.helpTypes.type"),
            rowHeader: true,
            cell: (row) => t(`commune.helpType.${row.help_type}`),
          },
          (row) => ratioOf("assisted_online_share", row),
        )}
      />
      <CommuneDownloadLinks code={code} table="help_types" search={search} />
    </section>
  );
}
