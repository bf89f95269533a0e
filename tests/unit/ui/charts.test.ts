import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { ChartContext } from "~/lib/charts/chart-context";
import {
  FILTERED_OUT_FILL,
  NO_VALUE_FILL,
  NO_VALUE_PATTERN_ID,
  buildCommuneChoroplethPlot,
  describeCommuneChoropleth,
} from "~/lib/charts/commune-choropleth";
import {
  CASES_BAR_COLOR,
  buildMonthlyCasesPlot,
  describeMonthlyCases,
} from "~/lib/charts/monthly-cases";
import {
  buildMonthlyOnlineRatesPlot,
  describeMonthlyOnlineRates,
} from "~/lib/charts/monthly-online-rates";
import { renderPlotToHtml } from "~/lib/charts/render-plot.server";
import { getI18n } from "~/lib/i18n/use-i18n";
import { squareCommuneShapes } from "../../fixtures/charts/square-commune-shapes";

const vi: ChartContext = getI18n("vi");
const en: ChartContext = getI18n("en");

function parseSvg(html: string) {
  return parseHTML(`<html><body>${html}</body></html>`).document;
}

/** An attribute of the element, or of its group when Plot set it there (constant channels). */
function styleOf(element: Element, name: string): string | null {
  return element.getAttribute(name) ?? element.parentElement?.getAttribute(name) ?? null;
}

const casesRows = [
  { month: "2025-12", cases: 120 },
  { month: "2026-01", cases: 340 },
  { month: "2026-02", cases: 210 },
];

describe("monthly cases chart", () => {
  it("draws one bar per month with Vietnamese month ticks and grouped numbers", () => {
    const document = parseSvg(renderPlotToHtml(buildMonthlyCasesPlot(casesRows, vi)));
    const bars = [...document.querySelectorAll("rect")].filter(
      (rect) => styleOf(rect, "fill") === CASES_BAR_COLOR,
    );
    expect(bars).toHaveLength(3);
    const text = document.querySelector("svg")!.textContent!;
    expect(text).toContain("T12");
    expect(text).toContain("2025"); // year under the first tick
    expect(text).toContain("2026"); // and under January
    expect(text).toContain("Số ca");
    expect([...document.querySelectorAll("title")].map((title) => title.textContent)).toContain(
      "tháng 1/2026: 340",
    );
  });

  it("is described in one sentence from the data", () => {
    expect(describeMonthlyCases(casesRows, vi)).toBe(
      "Số ca hỗ trợ từ 120 (12/2025) đến 210 (2/2026); nhiều nhất 340 vào 1/2026.",
    );
    expect(describeMonthlyCases([{ month: "2026-01", cases: 0 }], en)).toBe(
      "No assisted cases in the period.",
    );
  });
});

describe("monthly online rates chart", () => {
  const rows = [
    { month: "2025-07", online_uptake: 0.38, assisted_online_share: null },
    { month: "2025-08", online_uptake: 0.5, assisted_online_share: 0.3 },
    { month: "2025-09", online_uptake: 0.71, assisted_online_share: 0.25 },
  ];

  it("draws two lines on a 0–100 % axis and a dot per known value", () => {
    const document = parseSvg(renderPlotToHtml(buildMonthlyOnlineRatesPlot(rows, vi)));
    const lines = [...document.querySelectorAll("path")].filter(
      (path) => styleOf(path, "stroke-width") === "2",
    );
    expect(lines.map((path) => styleOf(path, "stroke"))).toEqual(["#1f5f9e", "#b35806"]);
    const titles = [...document.querySelectorAll("title")].map((title) => title.textContent);
    expect(titles).toHaveLength(5); // 3 uptake + 2 assisted (one month unknown)
    expect(titles).toContain("Tỷ lệ hồ sơ trực tuyến, tháng 9/2025: 71,0%");
    const text = document.querySelector("svg")!.textContent!;
    expect(text).toContain("100%");
    expect(text).toContain("0%");
  });

  it("says which way each share moved, between its first and last known month", () => {
    expect(describeMonthlyOnlineRates(rows, vi)).toBe(
      "Tỷ lệ hồ sơ trực tuyến tăng từ 38,0% (7/2025) lên 71,0% (9/2025). " +
        "Tỷ lệ ca hỗ trợ nộp trực tuyến giảm từ 30,0% (8/2025) xuống 25,0% (9/2025).",
    );
    expect(
      describeMonthlyOnlineRates(
        [{ month: "2025-07", online_uptake: null, assisted_online_share: 0.2 }],
        en,
      ),
    ).toBe("Online uptake: no data in the period. Assisted-online share was 20.0% (Jul 2025).");
  });
});

describe("commune choropleth", () => {
  const shapes = squareCommuneShapes(["A", "B", "C", "D"]);
  const communes = [
    { code: "A", name: "Xã A", value: 0.8 },
    { code: "B", name: "Xã B", value: 0.2 },
    { code: "C", name: "Xã C", value: null },
  ];

  it("fills valued communes from the colour scale, hatches missing ones, greys the rest", () => {
    const html = renderPlotToHtml(
      buildCommuneChoroplethPlot(shapes, communes, "online_uptake", vi),
    );
    const document = parseSvg(html);
    expect(document.querySelector(`pattern#${NO_VALUE_PATTERN_ID}`)).not.toBeNull();
    const paths = [...document.querySelectorAll("path")];
    const titled = paths.filter((path) => path.querySelector("title"));
    expect(titled.map((path) => path.querySelector("title")!.textContent)).toEqual([
      "Xã A: 80,0%",
      "Xã B: 20,0%",
      "Xã C: không có giá trị",
      "Xã D (Ngoài bộ lọc)",
    ]);
    const fills = titled.map((path) => styleOf(path, "fill"));
    expect(fills[0]).not.toBe(fills[1]);
    expect(fills[2]).toBe(NO_VALUE_FILL);
    expect(fills[3]).toBe(FILTERED_OUT_FILL);
    // The colour legend is part of the figure, labelled with the metric's name.
    expect(html).toContain("Tỷ lệ hồ sơ trực tuyến");
  });

  it("names the highest and lowest commune and counts those without a value", () => {
    expect(describeCommuneChoropleth(communes, "online_uptake", vi)).toBe(
      "Cao nhất: Xã A (80,0%); thấp nhất: Xã B (20,0%). 1 đơn vị không có giá trị (tô gạch chéo).",
    );
    expect(
      describeCommuneChoropleth([{ code: "C", name: "Xã C", value: null }], "volunteer_hours", en),
    ).toBe("No unit has a value for this indicator in the period.");
  });

  it("draws a single unit, or communes sharing one value, in one class (no 500)", () => {
    for (const value of [0.5, 0, 12]) {
      const one = [{ code: "A", name: "Xã A", value }];
      const html = renderPlotToHtml(buildCommuneChoroplethPlot(shapes, one, "cases_per_1000", en));
      expect(html).toContain("Xã A:");
      const same = [
        { code: "A", name: "Xã A", value },
        { code: "B", name: "Xã B", value },
      ];
      const document = parseSvg(
        renderPlotToHtml(buildCommuneChoroplethPlot(shapes, same, "cases_per_1000", en)),
      );
      const fills = [...document.querySelectorAll("path")]
        .filter((path) => path.querySelector("title")?.textContent?.startsWith("Xã "))
        .slice(0, 2)
        .map((path) => styleOf(path, "fill"));
      expect(fills[0]).toBe(fills[1]);
    }
  });

  it("renders without a colour legend when no commune has a value", () => {
    const html = renderPlotToHtml(
      buildCommuneChoroplethPlot(
        shapes,
        [{ code: "A", name: "Xã A", value: null }],
        "cases_per_1000",
        en,
      ),
    );
    expect(html.startsWith("<svg")).toBe(true);
    expect(html).toContain("Xã A: no value");
  });
});
