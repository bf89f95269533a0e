// The compare page as the route sends it: the query's data, the title, whether the viewer may
// download, and the small multiples rendered to SVG (for each indicator, one panel per chosen
// commune on a shared y scale, and a sentence naming the highest and lowest commune).
import { can, type Viewer } from "~/lib/auth/policy";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { CompareData } from "~/pages/compare/load.server";
import {
  SMALL_MULTIPLE_METRICS,
  buildSmallMultiplePlot,
  describeSmallMultiples,
  sharedYDomain,
  type SmallMultipleMetric,
  type SmallMultiplePoint,
} from "~/lib/charts/compare-small-multiples";
import { renderPlotToHtmlCached } from "~/lib/charts/render-plot.server";

export interface SmallMultiplePanel {
  code: string;
  name: string;
  /** SVG markup from Plot, built from our own data only. */
  html: string;
}

export interface SmallMultiplesFigure {
  metric: SmallMultipleMetric;
  description: string;
  panels: SmallMultiplePanel[];
}

export function renderCompareFigures(data: CompareData, lang: Lang): SmallMultiplesFigure[] {
  const context = getI18n(lang);
  const openMonths = data.period?.open_months.map((open) => open.month) ?? [];
  const open = new Set(openMonths);
  const series = data.communes.map((commune) => ({
    code: commune.code!,
    name: commune.name,
    rows: data.monthly.filter((row) => row.commune_code === commune.code),
  }));
  return SMALL_MULTIPLE_METRICS.map((metric) => {
    const panels = series.map((entry) => ({
      ...entry,
      points: entry.rows.map((row): SmallMultiplePoint => ({
        month: row.month,
        value: row[metric],
      })),
    }));
    const yDomain = sharedYDomain(
      metric,
      panels.map((panel) => panel.points),
    );
    const periodValue = (code: string) => {
      const figures = data.communes.find((commune) => commune.code === code)!;
      return figures[metric];
    };
    return {
      metric,
      description: describeSmallMultiples(
        panels.map((panel) => ({ name: panel.name, value: periodValue(panel.code) })),
        metric,
        context,
      ),
      panels: panels.map((panel) => ({
        code: panel.code,
        name: panel.name,
        html: renderPlotToHtmlCached(
          JSON.stringify(["compare", metric, lang, panel.name, yDomain, panel.points, openMonths]),
          () =>
            buildSmallMultiplePlot(panel.points, metric, yDomain, panel.name, { ...context, open }),
        ),
      })),
    };
  });
}

export function buildComparePageView(data: CompareData, lang: Lang, viewer: Viewer) {
  return {
    ...data,
    lang,
    title: createTranslator(lang)("compare.metaTitle"),
    figures: data.period && data.communes.length > 0 ? renderCompareFigures(data, lang) : [],
    can_download: can(viewer, "download"),
  };
}
