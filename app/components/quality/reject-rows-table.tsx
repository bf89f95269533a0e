// One page of rejected rows: batch (a link for those who may open it), file, line, column, message and the masked raw row —
// the last two only for viewers with record-level access (recordLevel); others see the reason.
import { TableScroll } from "~/components/table-scroll";
import { hrefWithLang } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { RejectedRowView } from "~/pages/quality/rejects.server";
import { PageLink } from "../page-link";
import { useReasonName } from "./reason-name";

export function RejectRowsTable({
  rows,
  caption,
  recordLevel,
}: {
  rows: RejectedRowView[];
  caption: string;
  recordLevel: boolean;
}) {
  const { lang, t, fmt } = useI18n();
  const reasonName = useReasonName();
  return (
    <TableScroll label={caption}>
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
            {recordLevel ? (
              <>
                <th scope="col">{t("quality.col.message")}</th>
                <th scope="col">{t("quality.col.raw")}</th>
              </>
            ) : (
              <th scope="col">{t("quality.col.reason")}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.batch_id}-${row.line}`}>
              <td className="num">
                <PageLink to={hrefWithLang(`/imports/${row.batch_id}`, lang)}>
                  #{row.batch_id}
                </PageLink>
              </td>
              <td>{row.file_name}</td>
              <th scope="row" className="num">
                {fmt.integer(row.line)}
              </th>
              <td>{row.column ? <code>{row.column}</code> : "—"}</td>
              {recordLevel ? (
                <>
                  <td>{lang === "vi" ? row.message_vi : row.message_en}</td>
                  <td>
                    <code className="quality-rejects__raw">{row.raw}</code>
                  </td>
                </>
              ) : (
                <td>{reasonName(row.reason_code)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
