// The parts of an import report that the preview (a dry run) and a batch's page both show:
// counts, grouped issues, dropped columns, rejected rows, and messages in both languages.
import { MISSING_VALUE } from "~/lib/i18n/formatter";
import { LANGUAGES, type Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { IssueSummary, RejectSample } from "~/lib/etl/batch-summary";
import type { UploadProblem } from "./import-form";

export interface ImportCountsView {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** The reader's language first, then the other one, each marked with its lang. */
function inReadingOrder(lang: Lang): Lang[] {
  return [lang, ...LANGUAGES.filter((other) => other !== lang)];
}

/** A message the ETL wrote in both languages (file-level rejections). */
export function BilingualMessage({ vi, en }: { vi: string; en: string }) {
  const { lang } = useI18n();
  return (
    <>
      {inReadingOrder(lang).map((l) => (
        <p key={l} lang={l}>
          {l === "vi" ? vi : en}
        </p>
      ))}
    </>
  );
}

/** Why a submission was refused, in both languages: the reader may have chosen either. */
export function UploadProblemNotice({ problem }: { problem: UploadProblem }) {
  const { lang } = useI18n();
  return (
    <div className="notice" role="alert">
      {inReadingOrder(lang).map((l) => {
        const t = createTranslator(l);
        return (
          <p key={l} lang={l}>
            {l === lang ? <strong>{t("imports.error.title")}. </strong> : null}
            {t(`upload.error.${problem.code}`, problem.params)}
          </p>
        );
      })}
    </div>
  );
}

export function ImportCountTiles({
  counts,
  planned,
}: {
  counts: ImportCountsView;
  planned: boolean;
}) {
  const { t, fmt } = useI18n();
  const tiles = [
    { key: "rows", label: t("imports.count.rows"), value: counts.rows },
    {
      key: "inserted",
      label: t(planned ? "imports.count.wouldInsert" : "imports.count.inserted"),
      value: counts.inserted,
    },
    {
      key: "updated",
      label: t(planned ? "imports.count.wouldUpdate" : "imports.count.updated"),
      value: counts.updated,
    },
    {
      key: "unchanged",
      label: t(planned ? "imports.count.wouldKeep" : "imports.count.unchanged"),
      value: counts.unchanged,
    },
    { key: "rejected", label: t("imports.count.rejected"), value: counts.rejected },
  ];
  return (
    <div className="kpi-grid">
      {tiles.map((tile) => (
        <div key={tile.key} className="kpi">
          <div className="kpi__name">{tile.label}</div>
          <p className="kpi__value">{fmt.integer(tile.value)}</p>
        </div>
      ))}
    </div>
  );
}

/** Issues grouped by code: how many rows, the message in the reader's language, first lines. */
export function IssueList({ issues }: { issues: IssueSummary[] }) {
  const { lang, t, fmt } = useI18n();
  return (
    <ul>
      {issues.map((issue) => {
        const count = t("imports.issue.count", { count: fmt.integer(issue.count) });
        const lines = t("imports.issue.lines", {
          lines: issue.lines.join(", ") + (issue.lines.length < issue.count ? "…" : ""),
        });
        return (
          <li key={issue.code}>
            <code>{issue.code}</code> ({count}, {lines}):{" "}
            {lang === "vi" ? issue.message_vi : issue.message_en}
          </li>
        );
      })}
    </ul>
  );
}

export function DroppedColumns({
  columns,
}: {
  columns: { name: string; personal_data: boolean | null }[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="dropped-heading">
      <h2 id="dropped-heading">{t("imports.dropped.heading")}</h2>
      <p>{t("imports.dropped.intro")}</p>
      <ul>
        {columns.map((column) => (
          <li key={column.name}>
            {column.name}
            {column.personal_data ? ` (${t("imports.dropped.personal")})` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RejectTable({ rows, caption }: { rows: RejectSample[]; caption: string }) {
  const { lang, t } = useI18n();
  return (
    // A focusable, named region, like components/table-scroll (this layer sits below components).
    <div className="table-scroll" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("imports.rejects.line")}
            </th>
            <th scope="col">{t("imports.rejects.column")}</th>
            <th scope="col">{t("imports.rejects.reason")}</th>
            <th scope="col">{t("imports.rejects.message")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <th scope="row" className="num">
                {row.line}
              </th>
              <td>{row.column ?? MISSING_VALUE}</td>
              <td>
                <code>{row.reason_code}</code>
              </td>
              <td>{lang === "vi" ? row.message_vi : row.message_en}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
