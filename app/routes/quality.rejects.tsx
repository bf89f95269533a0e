// The rows rejected for one reason (?reason=…) in the data-quality page's scope, a page at a
// time, with the same rows as a download. Only viewers with record-level access see each row's
// record, and each such page is written to the audit log; leaders see lines and reasons.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { DownloadLinks } from "~/components/download-links";
import { RejectRowsTable } from "~/components/quality/reject-rows-table";
import { useReasonName } from "~/components/quality/reason-name";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { recordAudit } from "~/lib/auth/audit.server";
import { clientAddress } from "~/lib/auth/client-address.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { buildHref } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { getRejectDrill } from "~/pages/quality/reject-drill.server";
import { requireQualityRequest } from "~/pages/quality/request.server";
import { pageHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

export const handle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, filter, params } = await requireQualityRequest(request);
  const { lang } = await resolveLanguage(request);
  const db = await getDb();
  const { data } = okOrThrow(
    await getRejectDrill(db, getEnv().PROVINCE_CODE, filter, params, viewer),
  );
  const { reason, rows, record_level } = data;
  if (record_level && rows && rows.rows.length > 0) {
    await recordAudit(db, {
      viewer,
      action: "rejects.view",
      target: new URL(request.url).pathname,
      details: { reason, page: rows.page, rows: rows.rows.length },
      address: clientAddress(request),
    });
  }
  const t = createTranslator(lang);
  return json(
    {
      title: `${t("quality.title")} — ${t("app.name")}`,
      reason,
      rows,
      record_level,
    },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

export default function QualityRejectsRoute() {
  const { reason, rows, record_level: recordLevel } = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const reasonName = useReasonName();
  const backHref = buildHref("/quality", location.search, { reason: null, page: null }, lang);
  const pageHref = (page: number) =>
    buildHref(location.pathname, location.search, { page: String(page) }, lang);
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview quality">
        <p>
          <Link to={backHref}>{t("quality.drill.back")}</Link>
        </p>
        {reason === null || rows === null ? (
          <>
            <h1>{t("quality.title")}</h1>
            <p className="notice">{t("quality.drill.missingReason")}</p>
          </>
        ) : (
          <>
            <h1>
              {t("quality.drill.title", { reason: reasonName(reason) })} <code>{reason}</code>
            </h1>
            {rows.total === 0 ? (
              <p>{t("quality.drill.none")}</p>
            ) : (
              <>
                <DownloadLinks
                  href="/quality/download?dataset=rejects"
                  search={location.search}
                  label={t("quality.download.rejects")}
                />
                <RejectRowsTable
                  recordLevel={recordLevel}
                  rows={rows.rows}
                  caption={t("quality.drill.range", {
                    from: fmt.integer((rows.page - 1) * rows.page_size + 1),
                    to: fmt.integer((rows.page - 1) * rows.page_size + rows.rows.length),
                    total: fmt.integer(rows.total),
                  })}
                />
                {rows.pages > 1 ? (
                  <nav aria-label={t("quality.drill.pages")} className="filters__actions">
                    {rows.page > 1 ? (
                      <Link to={pageHref(rows.page - 1)} rel="prev">
                        {t("quality.drill.previous")}
                      </Link>
                    ) : null}
                    <span>
                      {t("quality.drill.page", {
                        page: fmt.integer(rows.page),
                        pages: fmt.integer(rows.pages),
                      })}
                    </span>
                    {rows.page < rows.pages ? (
                      <Link to={pageHref(rows.page + 1)} rel="next">
                        {t("quality.drill.next")}
                      </Link>
                    ) : null}
                  </nav>
                ) : null}
              </>
            )}
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
