// One import batch: what the ledger recorded (file, status, options, counts, warnings, dropped
// columns, replaced batches) and its rejected rows a page at a time, with a CSV download of all.
import { TableScroll } from "~/components/table-scroll";
import { requirePermission } from "~/lib/auth/viewer.server";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getDb } from "~/lib/db.server";
import { buildHref, hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import {
  BatchIdParamSchema,
  getBatchDetail,
  getRejectPage,
  PageParamSchema,
} from "~/lib/uploads/batch-page.server";
import {
  DroppedColumns,
  ImportCountTiles,
  IssueList,
  RejectTable,
} from "~/lib/uploads/import-report-view";
import { pageHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import");
  const { lang } = await resolveLanguage(request);
  const batchId = BatchIdParamSchema.safeParse(params.batchId);
  if (!batchId.success) {
    throw badFilterResponse([
      { param: "batchId", message_key: "imports.error.batchId", value: params.batchId ?? null },
    ]);
  }
  const pageValue = new URL(request.url).searchParams.get("page");
  const page = PageParamSchema.safeParse(pageValue ?? "1");
  const db = await getDb();
  const batch = await getBatchDetail(db, batchId.data);
  if (!batch) throw new Response(null, { status: 404 });
  const rejects = await getRejectPage(db, batch.batch_id, page.success ? page.data : 1);
  if (!page.success || rejects.page > rejects.pages) {
    throw badFilterResponse([
      {
        param: "page",
        message_key: "imports.error.page",
        value: pageValue,
        params: { pages: String(rejects.pages) },
      },
    ]);
  }
  const t = createTranslator(lang);
  return json(
    { title: t("imports.batch.metaTitle", { batch: batch.batch_id }), batch, rejects },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

export default function ImportBatchRoute() {
  const { batch, rejects } = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const options = [
    batch.options.strict ? t("imports.option.strict") : null,
    batch.options.derive_ids ? t("imports.option.deriveIds") : null,
    batch.options.sheet ? t("imports.option.sheet", { sheet: batch.options.sheet }) : null,
  ].filter((option): option is string => option !== null);
  const pageHref = (page: number) =>
    buildHref(`/imports/${batch.batch_id}`, "", { page: String(page) }, lang);
  const first = (rejects.page - 1) * rejects.page_size + 1;
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview">
        <p>
          <Link to={hrefWithLang("/imports", lang)}>{t("imports.batch.all")}</Link>
        </p>
        <h1>{t("imports.batch.title", { batch: batch.batch_id })}</h1>
        <p className="overview__period">
          {t(`importKind.${batch.kind}`)} · {t(`batchStatus.${batch.status}`)}
        </p>
        {batch.error ? (
          <div className="notice" role="status">
            <p>
              <strong>{t("imports.batch.error")}:</strong> <span lang="en">{batch.error}</span>
            </p>
          </div>
        ) : null}

        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t("imports.batch.details")}</h2>
          <TableScroll label={t("imports.batch.details")}>
            <table>
              <tbody>
                <tr>
                  <th scope="row">{t("imports.batch.file")}</th>
                  <td>
                    {batch.file_name} (
                    {t("imports.batch.size", { bytes: fmt.integer(batch.file_bytes) })})
                  </td>
                </tr>
                {batch.sheet !== null ? (
                  <tr>
                    <th scope="row">{t("imports.batch.sheet")}</th>
                    <td>{batch.sheet}</td>
                  </tr>
                ) : null}
                {batch.skipped.total_row || batch.skipped.signature_block ? (
                  <tr>
                    <th scope="row">{t("imports.batch.skipped")}</th>
                    <td>
                      {t("imports.batch.skippedCounts", {
                        totals: fmt.integer(batch.skipped.total_row),
                        signatures: fmt.integer(batch.skipped.signature_block),
                      })}
                    </td>
                  </tr>
                ) : null}
                <tr>
                  <th scope="row">{t("imports.batch.sha256")}</th>
                  <td>
                    <code>{batch.file_sha256}</code>
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("imports.col.loadedBy")}</th>
                  <td>{batch.loaded_by}</td>
                </tr>
                <tr>
                  <th scope="row">{t("imports.batch.options")}</th>
                  <td>{options.length ? options.join(", ") : t("imports.option.none")}</td>
                </tr>
                <tr>
                  <th scope="row">{t("imports.batch.startedAt")}</th>
                  <td>{fmt.dateTime(batch.started_at)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("imports.batch.finishedAt")}</th>
                  <td>{fmt.dateTime(batch.finished_at)}</td>
                </tr>
                {batch.reverted_at ? (
                  <tr>
                    <th scope="row">{t("imports.batch.revertedAt")}</th>
                    <td>{fmt.dateTime(batch.reverted_at)}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableScroll>
        </section>

        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">{t("imports.batch.countsHeading")}</h2>
          <ImportCountTiles counts={batch.counts} planned={false} />
        </section>

        <section aria-labelledby="warnings-heading">
          <h2 id="warnings-heading">{t("imports.warnings.heading")}</h2>
          {batch.warnings.length ? (
            <IssueList issues={batch.warnings} />
          ) : (
            <p>{t("imports.warnings.none")}</p>
          )}
        </section>

        {batch.dropped_columns.length ? (
          <DroppedColumns
            columns={batch.dropped_columns.map((name) => ({ name, personal_data: null }))}
          />
        ) : null}

        {batch.replaced_batches.length ? (
          <section aria-labelledby="replaced-heading">
            <h2 id="replaced-heading">{t("imports.batch.replaced.heading")}</h2>
            <p>{t("imports.batch.replaced.intro")}</p>
            <ul>
              {batch.replaced_batches.map((replaced) => (
                <li key={replaced}>
                  <Link to={hrefWithLang(`/imports/${replaced}`, lang)}>
                    {t("imports.batch.title", { batch: replaced })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="rejects-heading">
          <h2 id="rejects-heading">{t("imports.rejects.heading")}</h2>
          {rejects.total === 0 ? (
            <p>{t("imports.rejects.none")}</p>
          ) : (
            <>
              {batch.reject_reasons.length ? (
                <>
                  <h3>{t("imports.rejectReasons.heading")}</h3>
                  <IssueList issues={batch.reject_reasons} />
                </>
              ) : null}
              <p>
                <a href={hrefWithLang(`/imports/${batch.batch_id}/rejects.csv`, lang)} download>
                  {t("imports.rejects.download")}
                </a>
              </p>
              <RejectTable
                rows={rejects.rows}
                caption={t("imports.rejects.range", {
                  from: fmt.integer(first),
                  to: fmt.integer(first + rejects.rows.length - 1),
                  total: fmt.integer(rejects.total),
                })}
              />
              {rejects.pages > 1 ? (
                <nav aria-label={t("imports.rejects.pages")} className="filters__actions">
                  {rejects.page > 1 ? (
                    <Link to={pageHref(rejects.page - 1)} rel="prev">
                      {t("imports.rejects.previous")}
                    </Link>
                  ) : null}
                  <span>
                    {t("imports.rejects.page", {
                      page: fmt.integer(rejects.page),
                      pages: fmt.integer(rejects.pages),
                    })}
                  </span>
                  {rejects.page < rejects.pages ? (
                    <Link to={pageHref(rejects.page + 1)} rel="next">
                      {t("imports.rejects.next")}
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
