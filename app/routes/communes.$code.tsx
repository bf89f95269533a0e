// One commune: its trends against peers and the province, procedure mix, help types, demographic
// reach, teams, the weekday × hour heatmap and the pre-2025 units, for the period and procedure
// group in the URL. 404 for a code outside the province, 403 for a secretary of another commune.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  CommuneHeatmapSection,
  CommunePredecessorsSection,
  CommuneTeamsSection,
} from "~/components/commune/commune-activity-sections";
import { CommuneFilters } from "~/components/commune/commune-filters";
import { CommuneKpiTiles } from "~/components/commune/commune-kpi-tiles";
import {
  CommuneHelpTypesSection,
  CommuneProceduresSection,
} from "~/components/commune/commune-mix-sections";
import { CommuneReachSection } from "~/components/commune/commune-reach-section";
import {
  CommunePeersSection,
  CommuneTrendSection,
} from "~/components/commune/commune-trend-section";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { useOptionalViewer } from "~/lib/auth/use-viewer";
import { requireViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { buildHref } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { useI18n } from "~/lib/i18n/use-i18n";
import { getCommunePage } from "~/pages/commune/load.server";
import { buildCommunePageView } from "~/pages/commune/view.server";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { pageHeaders } from "~/lib/http/page-headers";
import { ClampedPeriodNotice, OpenMonthsNotice } from "~/components/filters/period-controls";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { lang } = await resolveLanguage(request);
  const searchParams = new URL(request.url).searchParams;
  const { filter } = okOrThrow(parseOverviewFilter(searchParams));
  const { page } = okOrThrow(
    await getCommunePage(await getDb(), getEnv().PROVINCE_CODE, params.code ?? "", filter, viewer),
  );
  return json(buildCommunePageView(page, lang, searchParams), {
    headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" },
  });
}

// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { pageCache: true };

export default function CommuneRoute() {
  const data = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const { commune, coverage, period, figures, summary } = data;
  // A secretary's home page ("/" leads here): said at the top, beside the name.
  const own = useOptionalViewer()?.communes.includes(commune.code) ?? false;
  const name = lang === "vi" ? commune.full_name : commune.full_name_en;
  const provinceName = lang === "vi" ? data.province.full_name : data.province.name;
  return (
    <>
      <SiteHeader
        provinceName={provinceName}
        refreshedAt={coverage?.refreshed_at ?? null}
        lastBatchId={coverage?.last_batch_id ?? null}
      />
      <main id="main" className="commune-page">
        <p className="commune-page__back">
          <Link to={buildHref("/communes", "", {}, lang)}>← {t("commune.backToList")}</Link>
        </p>
        <h1>
          {name}
          {own ? <span className="commune-page__own"> · {t("commune.list.own")}</span> : null}
        </h1>
        <p className="commune-page__facts">
          {t("commune.facts", {
            unitType: t(`unitType.${commune.unit_type}`),
            code: commune.code,
            population: commune.population_ok
              ? fmt.integer(commune.population)
              : t("commune.populationUnusable"),
          })}
        </p>
        {!coverage || !period || !figures || !summary ? (
          <p className="notice">{t("commune.noData")}</p>
        ) : (
          <>
            <CommuneFilters
              coverage={coverage}
              period={period}
              procedureGroup={data.procedure_group}
            />
            <p className="overview__period">
              {t("commune.period", {
                from: fmt.monthLong(period.from),
                to: fmt.monthLong(period.to),
                months: period.months,
              })}
              {data.procedure_group
                ? ` · ${t("commune.groupFilter", { group: t(`procedureGroup.${data.procedure_group}`) })}`
                : null}
            </p>
            {data.procedure_group ? (
              <p className="commune-note">{t("commune.groupFilterNote")}</p>
            ) : null}
            <ClampedPeriodNotice period={period} coverage={coverage} />
            <OpenMonthsNotice period={period} coverage={coverage} />
            <section aria-labelledby="commune-summary-heading" className="commune-section">
              <h2 id="commune-summary-heading">{t("commune.summaryHeading")}</h2>
              {data.standings ? <CommuneKpiTiles standings={data.standings} /> : null}
            </section>
            <CommuneTrendSection
              code={commune.code}
              search={data.search}
              trend={data.trend}
              uptake={figures.uptake}
              cases={figures.cases}
              provinceCommuneCount={data.province_commune_count}
            />
            <CommunePeersSection commune={commune} peers={data.peers} search={data.search} />
            <CommuneProceduresSection
              code={commune.code}
              search={data.search}
              groups={data.procedure_groups}
              procedures={data.procedures}
              figure={figures.procedure_groups}
            />
            <CommuneHelpTypesSection
              code={commune.code}
              search={data.search}
              rows={data.help_types}
              figure={figures.help_types}
            />
            <CommuneReachSection
              code={commune.code}
              search={data.search}
              reach={data.reach}
              periodYear={Number(period.to.slice(0, 4))}
              figure={figures.reach}
            />
            <CommuneTeamsSection
              code={commune.code}
              search={data.search}
              teams={data.teams}
              figure={figures.teams}
            />
            <CommuneHeatmapSection
              code={commune.code}
              search={data.search}
              heatmap={data.heatmap}
              demand={figures.demand}
              presence={figures.presence}
            />
          </>
        )}
        <CommunePredecessorsSection predecessors={data.predecessors} />
      </main>
      <SiteFooter />
    </>
  );
}
