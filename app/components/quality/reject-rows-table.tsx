// One page of rejected rows: batch (link), file, line, column, message and the masked raw row.
import { Link } from "@remix-run/react";
import { hrefWithLang } from "~/lib/i18n/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { RejectedRowView } from "~/lib/quality/rejects.server";

export function RejectRowsTable({ rows, caption }: { rows: RejectedRowView[]; caption: string }) {
  const { lang, t, fmt } = useI18n();
  return (
    <div className="table-scroll">
      <table className="quality-rejects">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("quality.col.batch")}
            </th>
            <th scope="col">{t("quality.col.file")}</th>
            <th scope="col" className="num">
              {t("quality.col.line")}
            </th>
            <th scope="col">{t("quality.col.column")}</th>
            <th scope="col">{t("quality.col.message")}</th>
            <th scope="col">{t("quality.col.raw")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.batch_id}-${row.line}`}>
              <td className="num">
                <Link to={hrefWithLang(`/imports/${row.batch_id}`, lang)}>#{row.batch_id}</Link>
              </td>
              <td>{row.file_name}</td>
              <th scope="row" className="num">
                {fmt.integer(row.line)}
              </th>
              <td>{row.column ? <code>{row.column}</code> : "—"}</td>
              <td>{lang === "vi" ? row.message_vi : row.message_en}</td>
              <td>
                <code className="quality-rejects__raw">{row.raw}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
