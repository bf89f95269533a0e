// Monthly report: one month for the province or one commune, laid out for A4 so it prints (or
// saves as PDF) cleanly from the browser, without JavaScript. ?month=YYYY-MM&commune=CODE.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { DataTable, metricColumn, monthColumn } from "~/components/data-table";
import { DownloadLinks } from "~/components/download-links";
import { OnlineRatesLegend } from "~/components/overview-trend";
import { PlotFigure } from "~/components/plot-figure";
import { PrintButton } from "~/components/report/print-button";
import { ReportKpiTable } from "~/components/report/report-kpi-table";
import { ReportProvinceSections } from "~/components/report/report-province-sections";
import { SiteHeader } from "~/components/site-header";
import { requirePermission } from "~/lib/auth/viewer.server";
import { buildReportPageView } from "~/pages/report/view.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vi } from "~/lib/i18n/catalog-vi";
import { buildHref } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { UNIT_TYPES } from "~/lib/filters/filter-options";
import type { ShownMonthTotals } from "~/lib/privacy/suppress-month-totals";
import type { MonthTotals } from "~/lib/metrics/kpis";
import { METRICS, ratioOf, type MetricId } from "~/lib/metrics/registry";
import { loadReportPage, type ReportMonthFigures } from "~/pages/report/load.server";
import { reportDatasetsOf } from "~/pages/report/tables";
import { parseReportParams } from "~/lib/filters/report-params";
import { pageHeaders } from "~/lib/http/page-headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta_title ?? vi["app.name"] },
];

export const headers: HeadersFunction = pageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download");
  const { lang } = await resolveLanguage(request);
  const { params } = okOrThrow(parseReportParams(new URL(request.url).searchParams));
  const loaded = okOrThrow(
    await loadReportPage(await getDb(), getEnv().PROVINCE_CODE, params, viewer),
  );
  return json(buildReportPageView(loaded, lang), {
    headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" },
  });
}

const FIGURE_ROWS: ReadonlyArray<keyof ReportMonthFigures & MetricId> = [
  "cases_online",
  "cases_completed",
  "cases_not_completed",
  "cases_vneid",
  "cases_minority",
  "cases_elderly",
  "cases_female",
];

/** The trend charts' numbers, for readers who cannot see the charts (not printed). */
type TrendRow = ShownMonthTotals<MonthTotals>;

function TrendTable({ trend }: { trend: TrendRow[] }) {
  const i18n = useI18n();
  return (
    <DataTable
      rows={trend}
      rowKey={(row) => row.month}
      columns={[
        monthColumn<TrendRow>(i18n),
        metricColumn<TrendRow>("cases", (row) => row.cases, i18n),
        metricColumn<TrendRow>("online_uptake", (row) => ratioOf("online_uptake", row), i18n),
        metricColumn<TrendRow>(
          "assisted_online_share",
          (row) => ratioOf("assisted_online_share", row),
          i18n,
        ),
      ]}
    />
  );
}

// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { pageCache: true };

export default function ReportRoute() {
  const data = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const location = useLocation();
  const { report, figures } = data;
  const provinceName = lang === "vi" ? data.province.full_name : data.province.name;
  return (
    <>
      <SiteHeader
        provinceName={provinceName}
        refreshedAt={report?.coverage.refreshed_at ?? null}
        lastBatchId={report?.coverage.last_batch_id ?? null}
      />
      <main id="main" className="report">
        {!report || !figures ? (
          <p className="notice">{t("report.noData")}</p>
        ) : (
          <>
            <section className="filters report__chooser" aria-labelledby="report-chooser-heading">
              <h2 id="report-chooser-heading" className="visually-hidden">
                {t("report.chooser.heading")}
              </h2>
              <Form method="get" className="filters__form" key={location.search}>
                <input type="hidden" name={LANG_PARAM} value={lang} />
                <div className="field">
                  <label htmlFor="report-month">{t("report.chooser.month")}</label>
                  <select id="report-month" name="month" defaultValue={report.month}>
                    {data.months.map((month) => (
                      <option key={month} value={month}>
                        {fmt.monthNumeric(month)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="report-commune">{t("report.chooser.commune")}</label>
                  <select
                    id="report-commune"
                    name="commune"
                    defaultValue={report.commune?.code ?? ""}
                  >
                    <option value="">{t("report.chooser.province")}</option>
                    {UNIT_TYPES.map((unitType) => {
                      const group = data.options.filter((option) => option.unit_type === unitType);
                      return group.length === 0 ? null : (
                        <optgroup key={unitType} label={t(`unitType.${unitType}`)}>
                          {group.map((option) => (
                            <option key={option.code} value={option.code}>
                              {option.name}
                            </option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                </div>
                <div className="filters__actions">
                  <button type="submit">{t("report.chooser.submit")}</button>
                  <PrintButton />
                </div>
                <p className="field__hint">{t("report.printHint")}</p>
              </Form>
            </section>

            <article className="report__page" aria-labelledby="report-heading">
              <header className="report__head">
                <p className="report__kicker">{t("report.kicker")}</p>
                <h1 id="report-heading">
                  {t("report.heading", { month: fmt.monthLong(report.month), scope: data.scope })}
                </h1>
                {report.calendar.skipped_running ? (
                  <p className="notice">
                    {t("report.calendar.skipped", {
                      running: fmt.monthLong(report.calendar.skipped_running),
                      month: fmt.monthLong(report.month),
                    })}
                  </p>
                ) : null}
                {report.calendar.late ? (
                  <p className="notice" role="status">
                    {t("report.calendar.late", {
                      month: fmt.monthLong(report.month),
                      missing: fmt.integer(report.calendar.late.missing),
                      expected: fmt.integer(report.calendar.late.expected),
                    })}
                  </p>
                ) : null}
                {report.calendar.partial_through ? (
                  <p className="notice" role="status">
                    {t("report.calendar.partial", {
                      month: fmt.monthLong(report.month),
                      through: fmt.day(report.calendar.partial_through),
                    })}
                  </p>
                ) : null}
              </header>

              <section className="report__section" aria-labelledby="report-kpi-heading">
                <h2 id="report-kpi-heading">{t("report.kpiHeading")}</h2>
                <ReportKpiTable
                  rows={report.kpis}
                  month={report.month}
                  previousMonth={report.previous_month}
                  yearAgoMonth={report.year_ago_month}
                  withReferences={report.commune !== null}
                />
                {report.commune ? (
                  <p className="report__note">
                    {report.peers.length > 0
                      ? t("report.peersNote", {
                          count: report.peers.length,
                          names: report.peers.map((peer) => peer.name).join(", "),
                        })
                      : t("report.noPeers")}
                  </p>
                ) : null}
              </section>

              <section className="report__section" aria-labelledby="report-trend-heading">
                <h2 id="report-trend-heading">{t("report.trendHeading")}</h2>
                <div className="report__columns">
                  <PlotFigure
                    id="report-rates"
                    title={t("chart.rates.title")}
                    description={figures.rates.description}
                    html={figures.rates.html}
                    legend={<OnlineRatesLegend />}
                    table={<TrendTable trend={report.trend} />}
                  />
                  <PlotFigure
                    id="report-cases"
                    title={t("chart.cases.title")}
                    description={figures.cases.description}
                    html={figures.cases.html}
                    table={<TrendTable trend={report.trend} />}
                  />
                </div>
              </section>

              {report.province_sections ? (
                <ReportProvinceSections sections={report.province_sections} />
              ) : null}

              {report.month_figures ? (
                <section className="report__section" aria-labelledby="report-figures-heading">
                  <h2 id="report-figures-heading">{t("report.figuresHeading")}</h2>
                  <table className="report__figures">
                    <thead>
                      <tr>
                        <th scope="col">{t("report.figure")}</th>
                        <th scope="col" className="num">
                          {t("report.value")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">{t(METRICS.dossiers_total.name)}</th>
                        <td className="num">{fmt.integer(report.month_figures.dossiers_total)}</td>
                      </tr>
                      <tr>
                        <th scope="row">{t(METRICS.dossiers_online.name)}</th>
                        <td className="num">{fmt.integer(report.month_figures.dossiers_online)}</td>
                      </tr>
                      {FIGURE_ROWS.map((key) => {
                        const value = report.month_figures![key];
                        return (
                          <tr key={key}>
                            <th scope="row">{t(METRICS[key].name)}</th>
                            <td className="num">
                              {typeof value === "number" ? fmt.integer(value) : value}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  {report.suppressed ? (
                    <p className="report__note">{t("report.suppressedNote")}</p>
                  ) : null}
                </section>
              ) : null}

              <footer className="report__footer">
                {t("report.footer", {
                  asOf: fmt.dateTime(report.coverage.refreshed_at),
                  batch:
                    report.coverage.last_batch_id !== null
                      ? t("report.footerBatch", { batch: report.coverage.last_batch_id })
                      : "",
                })}
              </footer>
            </article>

            <section className="report__downloads" aria-labelledby="report-downloads-heading">
              <h2 id="report-downloads-heading">{t("report.downloadsHeading")}</h2>
              {reportDatasetsOf(report).map((table) => (
                <DownloadLinks
                  key={table}
                  label={t(`report.download.${table}`)}
                  href={buildHref("/report/download", location.search, { table }, lang)}
                />
              ))}
            </section>
          </>
        )}
      </main>
    </>
  );
}
