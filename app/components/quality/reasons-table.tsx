// Rejected rows counted by reason, each linking to the rows themselves.
import { Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ReasonCount } from "~/pages/quality/rejects.server";
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
  return (
    <div className="table-scroll">
      <table className="quality-reasons">
        <caption>{t("quality.rejects.caption", { rows: fmt.integer(rows) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.col.reason")}</th>
            <th scope="col" className="num">
              {t("quality.col.rows")}
            </th>
            <th scope="col" className="num">
              {t("quality.col.batches")}
            </th>
            {examples ? <th scope="col">{t("quality.col.example")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {reasons.map((reason) => (
            <tr key={reason.reason_code}>
              <th scope="row">
                <Link to={drillHref(reason.reason_code)}>{reasonName(reason.reason_code)}</Link>{" "}
                <code className="quality-reasons__code">{reason.reason_code}</code>
              </th>
              <td className="num">{fmt.integer(reason.rows)}</td>
              <td className="num">{fmt.integer(reason.batches)}</td>
              {examples ? (
                <td className="quality-reasons__example">
                  {lang === "vi" ? reason.example_vi : reason.example_en}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
