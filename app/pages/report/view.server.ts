// The monthly report as the route sends it: titles, the month chooser, the trend with its
// demographic counts suppressed like the month's figures, and the two trend charts (cases per
// month; online uptake and assisted-online share per month), drawn by the same builders as the
// overview so the report and the page agree.
import { monthState, type DataCalendar } from "~/lib/calendar/month-status";
import { listMonths } from "~/lib/calendar/months";
import { vi } from "~/lib/i18n/catalog-vi";
import { getFormatter } from "~/lib/i18n/formatter";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import { showMonthTotals } from "~/lib/privacy/suppress-month-totals";
import type { MonthlyReport, ReportCommune } from "./load.server";
import type { ProvinceInfo } from "~/lib/metrics/province.server";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { MonthTotals } from "~/lib/metrics/kpis";
import {
  renderMonthlyTrendFigures,
  type MonthlyTrendFigures,
} from "~/lib/charts/monthly-trend-figures.server";

export function renderReportFigures(
  trend: readonly MonthTotals[],
  lang: Lang,
  calendar: DataCalendar,
): MonthlyTrendFigures {
  const keyOf = (chart: string, rows: unknown) => JSON.stringify(["report", chart, lang, rows]);
  const open = trend
    .map((row) => row.month)
    .filter((month) => monthState(calendar, month) !== "complete");
  return renderMonthlyTrendFigures(trend, getI18n(lang), keyOf, open);
}

export function buildReportPageView(
  loaded: { report: MonthlyReport | null; province: ProvinceInfo; options: ReportCommune[] },
  lang: Lang,
) {
  const { report, province, options } = loaded;
  const t = createTranslator(lang);
  const fmt = getFormatter(lang);
  const provinceName = lang === "vi" ? province.full_name : province.name;
  const scope = report?.commune?.name ?? provinceName;
  return {
    lang,
    province,
    report: report ? { ...report, trend: showMonthTotals(report.trend, report.suppressed) } : null,
    meta_title: report
      ? t("report.metaTitle", { month: fmt.monthNumeric(report.month), scope })
      : vi["app.name"],
    scope,
    options,
    months: report
      ? listMonths(report.coverage.first_month, report.coverage.last_month).reverse()
      : [],
    figures: report ? renderReportFigures(report.trend, lang, report.coverage.calendar) : null,
  };
}
