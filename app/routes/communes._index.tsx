// The commune directory: every unit of the province with its headline figures for the period,
// narrowed by unit type and a name search (a GET form, so it works with JavaScript off), each
// linking to its page. A secretary's own communes come first.
import { TableScroll } from "~/components/table-scroll";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CommuneName } from "~/components/commune-name";
import { UnitTypeField } from "~/components/filters/filter-fields";
import { PeriodPresetLinks } from "~/components/filters/period-controls";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { requireViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import { buildHref } from "~/lib/http/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { getCommuneList } from "~/pages/communes/load.server";
import { COMMUNE_SEARCH_MAX_LENGTH, parseCommuneSearch } from "~/lib/filters/commune-search";
import { MAP_METRICS } from "~/lib/filters/filter-options";
import { failureResponse, okOrThrow } from "~/lib/http/page-failure.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { pageHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = pageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const { lang } = await resolveLanguage(request);
  const searchParams = new URL(request.url).searchParams;
  const parsed = parseOverviewFilter(searchParams);
  const search = parseCommuneSearch(searchParams);
  if (!parsed.ok || !search.ok) {
    throw failureResponse({
      ok: false,
      issues: [...(parsed.ok ? [] : parsed.issues), ...(search.ok ? [] : [search.issue])],
    });
  }
  const { list } = okOrThrow(
    await getCommuneList(await getDb(), getEnv().PROVINCE_CODE, parsed.filter, search.q, viewer),
  );
  return json(
    { ...list, lang, title: createTranslator(lang)("commune.list.metaTitle") },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { pageCache: true };

export default function CommunesRoute() {
  const data = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const provinceName = lang === "vi" ? data.province.full_name : data.province.name;
  const { period, coverage } = data;
  // A commune's link keeps the period chosen here, so its page shows the same months.
  const periodQuery = new URLSearchParams(location.search);
  for (const name of [...periodQuery.keys()]) {
    if (!["period", "from", "to"].includes(name)) periodQuery.delete(name);
  }
  return (
    <>
      <SiteHeader
        provinceName={provinceName}
        refreshedAt={coverage?.refreshed_at ?? null}
        lastBatchId={coverage?.last_batch_id ?? null}
      />
      <main id="main" className="commune-list">
        <h1>{t("commune.list.title")}</h1>
        <p>{t("commune.list.intro", { province: provinceName })}</p>
        <section className="filters" aria-labelledby="commune-list-filters">
          <h2 id="commune-list-filters" className="visually-hidden">
            {t("filter.legend")}
          </h2>
          {period ? <PeriodPresetLinks period={period} /> : null}
          <Form method="get" className="filters__form" key={location.search}>
            <input type="hidden" name={LANG_PARAM} value={lang} />
            <div className="field">
              <label htmlFor="commune-search">{t("commune.list.search")}</label>
              <input
                id="commune-search"
                type="search"
                name="q"
                defaultValue={data.q}
                maxLength={COMMUNE_SEARCH_MAX_LENGTH}
                aria-describedby="commune-search-hint"
              />
            </div>
            <UnitTypeField id="commune-unit-type" value={data.unit_type} />
            {/* A custom range from a shared link is kept; the preset links replace it. */}
            {period && period.preset === null ? (
              <>
                <input type="hidden" name="from" value={period.from} />
                <input type="hidden" name="to" value={period.to} />
              </>
            ) : period?.preset ? (
              <input type="hidden" name="period" value={period.preset} />
            ) : null}
            <div className="filters__actions">
              <button type="submit">{t("filter.apply")}</button>
              <Link to={buildHref(location.pathname, "", {}, lang)}>{t("filter.reset")}</Link>
            </div>
            <p id="commune-search-hint" className="field__hint">
              {t("commune.list.searchHint")}
            </p>
          </Form>
        </section>
        <p aria-live="polite">
          {t("commune.list.count", {
            shown: fmt.integer(data.rows.length),
            total: fmt.integer(data.total),
          })}
        </p>
        {data.rows.length === 0 ? (
          <p className="notice">{t("commune.list.empty")}</p>
        ) : (
          <TableScroll label={t("commune.list.title")}>
            <table>
              <caption>
                {period
                  ? t("commune.list.caption", {
                      from: fmt.monthNumeric(period.from),
                      to: fmt.monthNumeric(period.to),
                    })
                  : t("commune.list.captionNoData")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("ranking.commune")}</th>
                  <th scope="col">{t("ranking.unitType")}</th>
                  <th scope="col" className="num">
                    {t("commune.list.population")}
                  </th>
                  <th scope="col" className="num">
                    {t(METRICS.cases.name)}
                  </th>
                  {MAP_METRICS.map((metric) => (
                    <th key={metric} scope="col" className="num">
                      {t(METRICS[metric].name)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.code} className={row.own ? "is-own" : undefined}>
                    <th scope="row">
                      <CommuneName code={row.code} name={row.name} search={periodQuery} />
                      {row.own ? (
                        <span className="commune-list__own"> · {t("commune.list.own")}</span>
                      ) : null}
                    </th>
                    <td>{t(`unitType.${row.unit_type}`)}</td>
                    <td className="num">
                      {fmt.integer(row.population)}
                      {row.population !== null && !row.population_ok ? (
                        <span className="commune-list__suspect">
                          {" "}
                          ({t("commune.list.populationSuspect")})
                        </span>
                      ) : null}
                    </td>
                    <td className="num">{fmt.integer(row.cases)}</td>
                    {MAP_METRICS.map((metric) => (
                      <td key={metric} className="num">
                        {formatMetric(metric, row[metric], fmt)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
