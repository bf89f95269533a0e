// ADR 004: every pure chart builder's SVG, rendered on the server as the pages do, for a small
// fixed input, kept in tests/unit/__snapshots__/charts/<builder>.svg. A change to a builder, to
// Plot or to the renderer shows up as a diff of those files, read as text (a file that starts with
// <svg> also opens as an image; charts with a legend are Plot's <figure> around two SVGs). Accept
// an intended change with
//   npx vitest run tests/unit/chart-snapshots.test.ts -u
import type * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { NARROW_CHART_WIDTH, type ChartContext } from "~/lib/charts/chart-context";
import { addFocusNames, buildCommuneChoroplethPlot } from "~/lib/charts/commune-choropleth";
import { buildSmallMultiplePlot, sharedYDomain } from "~/lib/charts/compare-small-multiples";
import { buildCompletenessGridPlot } from "~/lib/charts/completeness-grid";
import { buildHorizontalBarsPlot } from "~/lib/charts/horizontal-bars";
import { buildMonthlyCasesPlot } from "~/lib/charts/monthly-cases";
import { buildMonthlyOnlineRatesPlot } from "~/lib/charts/monthly-online-rates";
import { buildReachSharesPlot } from "~/lib/charts/reach-shares";
import { renderPlotToHtml } from "~/lib/charts/render-plot.server";
import { buildTrendAgainstMediansPlot } from "~/lib/charts/trend-against-medians";
import { buildWeekdayHourHeatmapPlot, heatmapHours } from "~/lib/charts/weekday-hour-heatmap";
import { getI18n } from "~/lib/i18n/use-i18n";
import { buildCompleteness } from "~/pages/quality/completeness";
import { squareCommuneShapes } from "../fixtures/charts/square-commune-shapes";

const vi: ChartContext = getI18n("vi");

/**
 * The SVG as the page embeds it, one element per line so a snapshot diff points at the mark that
 * changed (the markup is otherwise one long line). Plot's class names (`plot-d6a7b5`) are derived
 * from its version, not random, and the renderer rounds float noise, so nothing else needs
 * normalising; the determinism test below guards that.
 */
function svgOf(options: Plot.PlotOptions): string {
  return `${renderPlotToHtml(options).replace(/></g, ">\n<")}\n`;
}

const snapshot = (name: string) => `./__snapshots__/charts/${name}.svg`;

const MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03"];

/** Rows for MONTHS from one list of values per field, e.g. `{ cases: [120, 340, 0, 210] }`. */
function byMonth<K extends string>(values: Record<K, readonly (number | null)[]>) {
  return MONTHS.map((month, index) => {
    const row = { month } as { month: string } & Record<K, number | null>;
    for (const key of Object.keys(values) as K[]) {
      (row as Record<K, number | null>)[key] = values[key][index] ?? null;
    }
    return row;
  });
}

// Each builder with an input small enough to read in the snapshot and covering its cases: a
// missing value, a zero, a filtered-out unit.
const CHARTS: Record<string, () => string> = {
  "monthly-cases": () =>
    svgOf(
      buildMonthlyCasesPlot(
        [120, 340, 0, 210].map((cases, index) => ({ month: MONTHS[index]!, cases })),
        vi,
      ),
    ),
  "monthly-online-rates": () =>
    svgOf(
      buildMonthlyOnlineRatesPlot(
        byMonth({
          online_uptake: [0.42, 0.5, null, 0.61],
          assisted_online_share: [0.7, 0.65, 0.8, 0.75],
        }),
        vi,
      ),
    ),
  "compare-small-multiple-uptake": () => {
    const points = byMonth({ value: [0.3, null, 0.45, 0.5] });
    return svgOf(
      buildSmallMultiplePlot(
        points,
        "online_uptake",
        sharedYDomain("online_uptake", [points]),
        "Xã Lạc Dương",
        vi,
      ),
    );
  },
  "compare-small-multiple-hours": () => {
    const points = byMonth({ value: [12.5, 30, 0, 18] });
    return svgOf(
      buildSmallMultiplePlot(
        points,
        "volunteer_hours",
        sharedYDomain("volunteer_hours", [points]),
        "Phường Lâm Viên - Đà Lạt",
        vi,
      ),
    );
  },
  "completeness-grid": () =>
    svgOf(
      buildCompletenessGridPlot(
        buildCompleteness(
          [
            { code: "68001", name: "Xã Đạ Tẻh", unit_type: "xa" },
            { code: "68002", name: "Xã Di Linh", unit_type: "xa" },
          ],
          ["2026-01", "2026-02"],
          [
            {
              commune_code: "68001",
              month: "2026-01",
              assistance: true,
              shifts: true,
              dossiers: true,
            },
            {
              commune_code: "68002",
              month: "2026-01",
              assistance: true,
              shifts: false,
              dossiers: true,
            },
          ],
        ),
        vi,
      ),
    ),
  "horizontal-bars": () =>
    svgOf(
      buildHorizontalBarsPlot(
        [
          { label: "Hộ tịch", value: 42 },
          { label: "Cư trú", value: 17 },
          { label: "Thủ tục khác", value: 0 },
        ],
        { title: "Số ca theo nhóm thủ tục", axisLabel: "Số ca", format: vi.fmt.integer },
      ),
    ),
  "horizontal-bars-narrow": () =>
    svgOf(
      buildHorizontalBarsPlot(
        [
          { label: "Hộ tịch", value: 42 },
          { label: "Cấp, đổi thẻ căn cước và đăng ký tài khoản định danh điện tử", value: 17 },
          { label: "Thủ tục khác", value: 0 },
        ],
        {
          title: "Số ca theo nhóm thủ tục",
          axisLabel: "Số ca",
          format: vi.fmt.integer,
          width: NARROW_CHART_WIDTH,
        },
      ),
    ),
  "monthly-cases-narrow": () =>
    svgOf(
      buildMonthlyCasesPlot(
        [120, 340, 0, 210].map((cases, index) => ({ month: MONTHS[index]!, cases })),
        { ...vi, width: NARROW_CHART_WIDTH },
      ),
    ),
  "reach-shares": () =>
    svgOf(
      buildReachSharesPlot(
        [
          { label: "Dân tộc thiểu số", share_helped: 0.45, population_share: 0.3 },
          { label: "Người cao tuổi", share_helped: 0.2, population_share: 0.12 },
          { label: "Phụ nữ", share_helped: 0.52, population_share: null },
        ],
        "Tỷ lệ được hỗ trợ so với dân số",
        vi,
      ),
    ),
  "trend-against-medians": () =>
    svgOf(
      buildTrendAgainstMediansPlot(
        byMonth({
          own: [0.4, 0.45, null, 0.6],
          peer_median: [0.35, 0.4, 0.42, 0.44],
          province_median: [0.3, 0.32, 0.33, 0.35],
        }),
        "share",
        "Tỷ lệ hồ sơ trực tuyến",
        "Tỷ lệ",
        vi,
      ),
    ),
  "weekday-hour-heatmap": () => {
    const cells = [
      { weekday: 1, hour: 8, value: 5 },
      { weekday: 1, hour: 9, value: 2 },
      { weekday: 3, hour: 14, value: 7 },
      { weekday: 6, hour: 18, value: 1 },
    ];
    return svgOf(
      buildWeekdayHourHeatmapPlot(
        cells,
        heatmapHours(cells),
        {
          title: "Nhu cầu theo thứ và giờ",
          valueLabel: "Số ca hỗ trợ",
          scheme: "blues",
          format: vi.fmt.integer,
        },
        vi,
      ),
    );
  },
  "commune-choropleth": () =>
    svgOf(
      buildCommuneChoroplethPlot(
        squareCommuneShapes(["68001", "68002", "68003", "68004"]),
        [
          { code: "68001", name: "Xã Lạc Dương", value: 0.8 },
          { code: "68002", name: "Xã Đam Rông", value: 0.2 },
          { code: "68003", name: "Xã Di Linh", value: null },
        ],
        "online_uptake",
        vi,
      ),
    ),
  // As a secretary of 68001 sees it: only the own commune is a link, and it is outlined.
  "commune-choropleth-links": () =>
    `${renderPlotToHtml(
      buildCommuneChoroplethPlot(
        squareCommuneShapes(["68001", "68002"]),
        [
          { code: "68001", name: "Xã Lạc Dương", value: 0.8 },
          { code: "68002", name: "Xã Đam Rông", value: 0.2 },
        ],
        "online_uptake",
        vi,
        {
          hrefOf: (code) => (code === "68001" ? `/communes/${code}?lang=vi` : null),
          ownCodes: ["68001"],
        },
      ),
      { decorate: addFocusNames },
    ).replace(/></g, ">\n<")}\n`,
};

describe("chart snapshots (ADR 004)", () => {
  it.each(Object.keys(CHARTS))("%s renders the SVG in its snapshot file", async (name) => {
    await expect(CHARTS[name]!()).toMatchFileSnapshot(snapshot(name));
  });

  it("renders the same markup every time, so a snapshot diff is a real change", () => {
    for (const [name, render] of Object.entries(CHARTS)) expect(render(), name).toBe(render());
  });
});
