// Rejected rows counted by reason, each linking to the rows themselves.
import { TableScroll } from "~/components/table-scroll";
import { Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ReasonCount } from "~/pages/quality/rejects.server";
import { DataTable, type DataColumn } from "../data-table";
import { useReasonName } from "./reason-name";

export function ReasonsTable({ reasons }: { reasons: ReasonCount[] }) {
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const reasonName = useReasonName();
  if (reasons.length === 0) return <p>{t("quality.rejects.none")}</p>;
  const rows = reasons.reduce((total, reason) => total + reason.rows, 0);
  // Examples quote a row's cells, so viewers without record-level access get none (ADR 012).
  const examples = reasons.some((reason) => reason.example_vi !== "");
  const drillHref = (reason: string) =>
    buildHref("/quality/rejects", location.search, { reason, page: null }, lang);
  const exampleColumn: DataColumn<ReasonCount> = {
    header: t("quality.col.example"),
    cellClassName: "quality-reasons__example",
    cell: (reason) => (lang === "vi" ? reason.example_vi : reason.example_en),
  };
  return (
    <TableScroll label={t("quality.rejects.heading")}>
      <DataTable
        className="quality-reasons"
        caption={t("quality.rejects.caption", { rows: fmt.integer(rows) })}
        rows={reasons}
        rowKey={(reason) => reason.reason_code}
        columns={[
          {
            header: t("quality.col.reason"),
            rowHeader: true,
            cell: (reason) => (
              <>
                <Link to={drillHref(reason.reason_code)}>{reasonName(reason.reason_code)}</Link>{" "}
                <code className="quality-reasons__code">{reason.reason_code}</code>
              </>
            ),
          },
          {
            header: t("quality.col.rows"),
            numeric: true,
            cell: (reason) => fmt.integer(reason.rows),
          },
          {
            header: t("quality.col.batches"),
            numeric: true,
            cell: (reason) => fmt.integer(reason.batches),
          },
          ...(examples ? [exampleColumn] : []),
        ]}
      />
    </TableScroll>
  );
}
