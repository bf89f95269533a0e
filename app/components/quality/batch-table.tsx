// Recent import batches: kind, file, status, who, the row counts and how long each took, linking
// to the batch's own page.
import { Link } from "@remix-run/react";
import { hrefWithLang } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { BatchRow } from "~/pages/quality/load.server";

export function BatchTable({ batches, limit }: { batches: BatchRow[]; limit: number }) {
  const { lang, t, fmt } = useI18n();
  if (batches.length === 0) return <p className="notice">{t("quality.batches.empty")}</p>;
  const counts = [
    ["rows_read", "imports.col.rows"],
    ["rows_inserted", "imports.col.inserted"],
    ["rows_updated", "imports.col.updated"],
    ["rows_unchanged", "imports.col.unchanged"],
    ["rows_rejected", "imports.col.rejected"],
  ] as const;
  return (
    <div className="table-scroll">
      <table className="quality-batches">
        <caption>
          {t("quality.batches.caption", {
            count: fmt.integer(batches.length),
            limit: fmt.integer(limit),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("imports.col.batch")}
            </th>
            <th scope="col">{t("imports.col.kind")}</th>
            <th scope="col">{t("imports.col.file")}</th>
            <th scope="col">{t("imports.col.status")}</th>
            <th scope="col">{t("imports.col.loadedBy")}</th>
            {counts.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {t(label)}
              </th>
            ))}
            <th scope="col">{t("imports.col.startedAt")}</th>
            <th scope="col" className="num">
              {t("quality.col.duration")}
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.batch_id}>
              <td className="num">
                <Link to={hrefWithLang(`/imports/${batch.batch_id}`, lang)}>#{batch.batch_id}</Link>
              </td>
              <td>{t(`importKind.${batch.kind}`)}</td>
              <th scope="row" className="quality-batches__file">
                {batch.file_name}
              </th>
              <td>{t(`batchStatus.${batch.status}`)}</td>
              <td>{batch.loaded_by}</td>
              {counts.map(([key]) => (
                <td key={key} className="num">
                  {fmt.integer(batch[key])}
                </td>
              ))}
              <td>{fmt.dateTime(batch.started_at)}</td>
              <td className="num">
                {batch.duration_ms === null
                  ? "—"
                  : t("quality.duration.seconds", {
                      value: fmt.decimal(batch.duration_ms / 1000, 1),
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
