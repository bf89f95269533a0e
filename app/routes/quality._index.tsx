// Data quality: recent import batches, rejected rows by reason (each a link to its rows), and
// which communes sent nothing for which months, for the period, kind and unit type in the URL.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { DownloadLinks } from "~/components/download-links";
import { BatchTable } from "~/components/quality/batch-table";
import { CompletenessSection } from "~/components/quality/completeness-section";
import { QualityFilters } from "~/components/quality/quality-filters";
import { ReasonsTable } from "~/components/quality/reasons-table";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { can } from "~/lib/auth/policy";
import { useCanOpen } from "~/lib/auth/use-viewer";
import { getDatabase, getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { getQualityPage, RECENT_BATCHES } from "~/pages/quality/load.server";
import { requireQualityRequest } from "~/pages/quality/request.server";
import { countUnmappedLabels } from "~/lib/quality/vocabulary-page.server";
import { pageHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

// Everything is in the HTML; the page needs no JavaScript (see root.tsx).
export const handle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, filter, params } = await requireQualityRequest(request);
  const { lang } = await resolveLanguage(request);
  const { page } = okOrThrow(
    await getQualityPage(await getDb(), getEnv().PROVINCE_CODE, filter, params, viewer, lang),
  );
  // Those who may import also see what the importer does not understand yet (issue 11).
  const unmapped = can(viewer, "import")
    ? await countUnmappedLabels((await getDatabase()).engine)
    : null;
  return json(
    { ...page, unmapped },
    {
      headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" },
    },
  );
}

export default function QualityRoute() {
  const data = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const canOpen = useCanOpen();
  const { coverage, period, window } = data;
  return (
    <>
      <SiteHeader
        provinceName={null}
        refreshedAt={coverage?.refreshed_at ?? null}
        lastBatchId={coverage?.last_batch_id ?? null}
      />
      <main id="main" className="overview quality">
        <h1>{t("quality.title")}</h1>
        <p>{t("quality.intro")}</p>
        <QualityFilters
          coverage={coverage}
          period={period}
          kind={data.kind}
          unitType={data.unit_type}
        />
        {period && window ? (
          <p className="overview__period">
            {t("quality.period", {
              from: fmt.monthLong(period.from),
              to: fmt.monthLong(period.to),
              months: period.months,
            })}
            {" · "}
            {window.before
              ? t("quality.loadWindowBounded", {
                  from: fmt.monthLong(window.from),
                  to: fmt.monthLong(period.to),
                })
              : t("quality.loadWindowOpen", { from: fmt.monthLong(window.from) })}
          </p>
        ) : (
          <p className="notice">{t("quality.noData")}</p>
        )}

        <section aria-labelledby="batches-heading">
          <h2 id="batches-heading">{t("quality.batches.heading")}</h2>
          <BatchTable batches={data.batches} limit={RECENT_BATCHES} />
          {canOpen("/imports") ? (
            <p>
              <Link to={hrefWithLang("/imports", lang)}>{t("quality.batches.all")}</Link>
            </p>
          ) : null}
        </section>

        <section aria-labelledby="rejects-heading">
          <h2 id="rejects-heading">{t("quality.rejects.heading")}</h2>
          <ReasonsTable reasons={data.reasons} />
          {data.unmapped ? (
            <p>
              <Link to={hrefWithLang("/quality/vocabulary", lang)}>
                {t("vocab.link", {
                  bucketed: fmt.integer(data.unmapped.bucketed),
                  quarantined: fmt.integer(data.unmapped.quarantined),
                })}
              </Link>
            </p>
          ) : null}
        </section>

        {data.completeness ? (
          <section aria-labelledby="completeness-heading">
            <h2 id="completeness-heading">{t("quality.completeness.heading")}</h2>
            <p>{t("quality.completeness.intro")}</p>
            <DownloadLinks
              href="/quality/download?dataset=completeness"
              search={location.search}
              label={t("quality.download.completeness")}
            />
            <CompletenessSection completeness={data.completeness} />
          </section>
        ) : null}
      </main>
      <SiteFooter />
    </>
  );
}
