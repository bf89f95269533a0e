// Province overview: KPI tiles, the monthly trend, the commune map, the ranking and the
// "needs attention" list, for the period and unit type in the URL.
import { canOpenPage, homePathOf, mustSuppressDemographics } from "~/lib/auth/policy";
import { withViewerMap } from "~/pages/overview/view.server";
import { buildHref, hrefWithLang } from "~/lib/http/href";
import { requirePermission } from "~/lib/auth/viewer.server";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { CommuneMapFigure } from "~/components/commune-map-figure";
import { CommuneRankingTable } from "~/components/commune-ranking-table";
import { DownloadLinks } from "~/components/download-links";
import { KpiTiles } from "~/components/kpi-tiles";
import { NeedsAttention } from "~/components/needs-attention";
import { OverviewFilters } from "~/components/overview-filters";
import { OverviewTrend } from "~/components/overview-trend";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { loadOverviewPage } from "~/pages/overview/load.server";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { showMonthTotals } from "~/lib/privacy/suppress-month-totals";
import { pageHeaders } from "~/lib/http/page-headers";
import { ClampedPeriodNotice, OpenMonthsNotice } from "~/components/filters/period-controls";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

// The page depends on the language cookie and on data that changes with every import.
export const headers: HeadersFunction = pageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "view_dashboard");
  const { lang } = await resolveLanguage(request);
  const url = new URL(request.url);
  // A bare "/" (after sign-in, or typed) is the viewer's home: a secretary's own commune. Every
  // link into the overview carries ?lang=, so the province overview stays one click away.
  const home = url.search === "" ? homePathOf(viewer) : null;
  if (home) throw redirect(hrefWithLang(home, lang), { headers: { "Cache-Control": "no-store" } });
  const { filter } = okOrThrow(parseOverviewFilter(url.searchParams));
  const suppress = mustSuppressDemographics(viewer);
  const { page } = okOrThrow(
    await loadOverviewPage(await getDb(), getEnv().PROVINCE_CODE, filter, lang, suppress),
  );
  const trend = showMonthTotals(page.trend, suppress);
  // Map shapes link to the commune pages the viewer may open, keeping the period and procedure
  // group (the commune page reads those; the metric and unit type are the overview's own).
  const kept = new URLSearchParams();
  for (const name of ["period", "from", "to", "procedure_group"]) {
    for (const value of url.searchParams.getAll(name)) kept.append(name, value);
  }
  const own = viewer.role === "secretary" ? viewer.communes : [];
  const withMap = withViewerMap(page, {
    hrefOf: (code) => {
      const href = buildHref(`/communes/${code}`, kept, {}, lang);
      return canOpenPage(viewer, href) ? href : null;
    },
    ownCodes: own,
    cacheKey: JSON.stringify([viewer.role === "secretary" ? own : "all", kept.toString()]),
  });
  return json(
    { ...withMap, trend },
    {
      headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" },
    },
  );
}

const RANKING_ID = "ranking";

// The page is complete as HTML (GET forms, links): no scripts, no hydration data (root.tsx).
// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { hydrate: false, pageCache: true };

export default function OverviewRoute() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { lang, t, fmt } = useI18n();
  const provinceName = lang === "vi" ? data.province.full_name : data.province.name;
  const { coverage, period, kpis, figures, attention } = data;
  return (
    <>
      <SiteHeader
        provinceName={provinceName}
        refreshedAt={coverage?.refreshed_at ?? null}
        lastBatchId={coverage?.last_batch_id ?? null}
      />
      <main id="main" className="overview">
        <h1>{t("overview.heading", { province: provinceName })}</h1>
        {!coverage || !period || !kpis || !figures || !attention ? (
          <p className="notice">{t("overview.noData")}</p>
        ) : (
          <>
            <OverviewFilters
              coverage={coverage}
              period={period}
              unitType={data.unit_type}
              procedureGroup={data.procedure_group}
              metric={data.metric}
            />
            <p className="overview__period">
              {t("overview.period", {
                from: fmt.monthLong(period.from),
                to: fmt.monthLong(period.to),
                months: period.months,
              })}
              {data.unit_type
                ? ` · ${t("overview.unitFilter", { unitType: t(`unitType.${data.unit_type}`) })}`
                : null}
            </p>
            {data.procedure_group ? (
              <p className="notice" role="note">
                <strong>
                  {t("overview.procedureGroupFilter", {
                    group: t(`procedureGroup.${data.procedure_group}`),
                  })}
                </strong>{" "}
                {t("overview.procedureGroupCaveat")}
              </p>
            ) : null}
            <ClampedPeriodNotice period={period} coverage={coverage} />
            <section aria-labelledby="kpi-heading">
              <h2 id="kpi-heading">{t("overview.kpiHeading")}</h2>
              <KpiTiles
                kpis={kpis}
                previousKpis={data.previous_kpis}
                previousPeriod={data.previous_period}
                periodOpen={period.open_months.length > 0}
              />
              {/* After the tiles: on a phone the headline figures come first (item 3). */}
              <OpenMonthsNotice period={period} coverage={coverage} />
            </section>
            <section aria-labelledby="trend-heading">
              <h2 id="trend-heading">{t("overview.trendHeading")}</h2>
              <OverviewTrend trend={data.trend} cases={figures.cases} rates={figures.rates} />
              <DownloadLinks
                href="/overview/download?table=trend"
                search={search}
                label={t("downloads.overview.trend")}
              />
            </section>
            <div className="map-and-attention">
              <section aria-labelledby="map-heading">
                <h2 id="map-heading">{t("overview.mapHeading")}</h2>
                <CommuneMapFigure
                  figure={figures.map}
                  metric={data.metric}
                  period={period}
                  rankingId={RANKING_ID}
                />
              </section>
              <NeedsAttention attention={attention} />
            </div>
            <CommuneRankingTable id={RANKING_ID} rows={data.ranking} metric={data.metric} />
            <DownloadLinks
              href="/overview/download?table=communes"
              search={search}
              label={t("downloads.overview.communes")}
            />
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
