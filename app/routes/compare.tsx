// Compare: up to six communes side by side over one period — small multiples per month and a
// table of the period's key figures with the province as reference. The URL holds the choice.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { CommuneName } from "~/components/commune-name";
import { CompareChooser } from "~/components/compare/compare-chooser";
import { CompareSmallMultiples } from "~/components/compare/compare-small-multiples";
import { CompareTable } from "~/components/compare/compare-table";
import { DownloadLinks } from "~/components/download-links";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { requirePermission } from "~/lib/auth/viewer.server";
import { buildComparePageView } from "~/pages/compare/view.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { buildHref } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import { getCompareData } from "~/pages/compare/load.server";
import { keepLinkParams } from "~/lib/http/link-params";
import { COMPARE_DATASETS } from "~/pages/compare/tables";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { pageHeaders } from "~/lib/http/page-headers";
import { ClampedPeriodNotice, OpenMonthsNotice } from "~/components/filters/period-controls";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

// Complete as HTML (GET forms, links), like the overview: no scripts needed.
// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { hydrate: false, pageCache: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "view_dashboard");
  const { lang } = await resolveLanguage(request);
  const { filter } = okOrThrow(parseOverviewFilter(new URL(request.url).searchParams));
  const { data } = okOrThrow(
    await getCompareData(await getDb(), getEnv().PROVINCE_CODE, filter, viewer),
  );
  return json(buildComparePageView(data, lang, viewer), {
    headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" },
  });
}

export default function CompareRoute() {
  const data = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const provinceName = lang === "vi" ? data.province.full_name : data.province.name;
  const { coverage, period, province_figures: provinceFigures } = data;
  const selected = data.communes.map((commune) => commune.code!);
  const removeHref = (code: string) => {
    const params = keepLinkParams(location.search);
    params.delete("commune");
    for (const other of selected) if (other !== code) params.append("commune", other);
    return buildHref(location.pathname, params, {}, lang);
  };
  return (
    <>
      <SiteHeader
        provinceName={provinceName}
        refreshedAt={coverage?.refreshed_at ?? null}
        lastBatchId={coverage?.last_batch_id ?? null}
      />
      <main id="main" className="overview compare">
        <h1>{t("compare.heading")}</h1>
        <p>{t("compare.intro")}</p>
        {!coverage || !period || !provinceFigures ? (
          <p className="notice">{t("compare.noData")}</p>
        ) : (
          <>
            <p className="overview__period">
              {t("compare.period", {
                from: fmt.monthLong(period.from),
                to: fmt.monthLong(period.to),
                months: period.months,
              })}
            </p>
            <ClampedPeriodNotice period={period} coverage={coverage} message="compare.clamped" />
            <OpenMonthsNotice period={period} coverage={coverage} />
            {data.communes.length === 0 ? (
              <p className="notice">{t("compare.none")}</p>
            ) : (
              <>
                <nav className="compare__selected" aria-label={t("compare.selected")}>
                  <span>{t("compare.selected")}:</span>
                  <ul>
                    {data.communes.map((commune) => (
                      <li key={commune.code}>
                        <CommuneName code={commune.code!} name={commune.name} />{" "}
                        <Link
                          to={removeHref(commune.code!)}
                          aria-label={t("compare.remove", { name: commune.name })}
                        >
                          ×
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                <section aria-labelledby="compare-table-heading">
                  <h2 id="compare-table-heading">{t("compare.tableHeading")}</h2>
                  <CompareTable
                    communes={data.communes}
                    province={provinceFigures}
                    period={period}
                    suppressed={data.suppressed}
                  />
                </section>
                <section aria-labelledby="compare-multiples-heading">
                  <h2 id="compare-multiples-heading">{t("compare.multiplesHeading")}</h2>
                  <p className="compare__note">{t("compare.multiplesNote")}</p>
                  {data.figures.map((figure) => (
                    <CompareSmallMultiples
                      key={figure.metric}
                      figure={figure}
                      monthly={data.monthly}
                    />
                  ))}
                </section>
                {data.can_download ? (
                  <section aria-labelledby="compare-downloads-heading">
                    <h2 id="compare-downloads-heading">{t("compare.downloadsHeading")}</h2>
                    {COMPARE_DATASETS.map((dataset) => (
                      <DownloadLinks
                        key={dataset}
                        label={t(`compare.download.${dataset}`)}
                        href={buildHref("/compare/download", location.search, { dataset }, lang)}
                      />
                    ))}
                  </section>
                ) : null}
              </>
            )}
            <CompareChooser
              options={data.options}
              selected={selected}
              coverage={coverage}
              period={period}
            />
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
