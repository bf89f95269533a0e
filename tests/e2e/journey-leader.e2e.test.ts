// Journey of the provincial leader (issue 4), JavaScript on: signs in, reads the overview (tiles,
// trend, map, a "?" definition), narrows it with the filters and goes back, switches to English
// and back, opens the busiest commune from the ranking — whose demographic counts reach a leader
// only small-cell suppressed — and opens the monthly report laid out for A4.
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { METRICS } from "~/lib/metrics/registry";
import { saveScreenshot, withPage } from "./support/browser";
import {
  INTEGER_PATTERN,
  PERCENT_PATTERN,
  parseDisplayedNumber,
} from "./support/displayed-numbers";
import {
  COMMUNE_SECTION_HEADINGS,
  countColumnCells,
  expectFigureRendered,
  expectSectionRendered,
  isSuppressedCountText,
  printsOnA4,
  switchLanguage,
} from "./support/journey-pages";
import {
  figure,
  readKpiValues,
  readPeriod,
  readTableBody,
  searchParamsOf,
} from "./support/overview-page";
import { fetchDownload, readDownloaded } from "./support/downloaded-files";
import { signInAs } from "./support/sign-in";

const vi = createTranslator("vi");
const en = createTranslator("en");

describe("journey: provincial leader", () => {
  it("reads the overview, filters it, goes back, switches language and opens a commune", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "leader");
      expect(await page.locator(".site-header__user").innerText()).toContain(
        vi("auth.role.leader"),
      );

      // The overview: tiles in vi-VN format, the trend chart and the map of every unit.
      const kpis = await readKpiValues(page);
      expect(kpis.cases).toMatch(INTEGER_PATTERN.vi);
      expect(kpis.cases, "thousands separator in vi").toContain(".");
      expect(kpis.online_uptake).toMatch(PERCENT_PATTERN.vi);
      await expectFigureRendered(page, "figure-cases");
      await expectFigureRendered(page, "figure-rates");
      await expectFigureRendered(page, "figure-map");
      const mapShapes = await figure(page, "figure-map")
        .locator(".plot-figure__chart svg path")
        .count();
      expect(mapShapes, "one outline per commune-level unit").toBeGreaterThan(100);
      await saveScreenshot(page, "page-overview-leader");

      // A "?" opens the tile's definition.
      const definition = page.locator("#kpi-online_uptake-definition");
      expect(await definition.isVisible()).toBe(false);
      await page
        .locator('article.kpi[aria-labelledby="kpi-online_uptake-name"] details.kpi__help summary')
        .click();
      await definition.waitFor({ state: "visible" });
      expect((await definition.innerText()).trim()).toBe(vi(METRICS.online_uptake.definition));

      // Filters: a period preset link, then unit type and procedure group through the form.
      const initial = await readPeriod(page);
      await Promise.all([
        page.waitForURL(/[?&]period=6m\b/, { waitUntil: "load" }),
        page.getByRole("link", { name: vi("filter.preset.6m"), exact: true }).click(),
      ]);
      // Signed in with scripts on, Remix navigates client-side: wait for the new render.
      await expect.poll(async () => (await readPeriod(page)).months).toBe(6);
      const sixMonths = await readPeriod(page);
      const sixMonthsUrl = page.url();

      await page.locator("#filter-unit-type").selectOption("xa");
      await page.locator("#filter-procedure-group").selectOption("ho_tich");
      await Promise.all([
        page.waitForURL(/[?&]procedure_group=ho_tich\b/, { waitUntil: "load" }),
        page.locator("form.filters__form button[type=submit]").click(),
      ]);
      const params = searchParamsOf(page);
      expect(params.get("unit_type")).toBe("xa");
      expect(params.get("procedure_group")).toBe("ho_tich");
      expect(params.get("lang")).toBe("vi");
      const unitFilter = vi("overview.unitFilter", { unitType: vi("unitType.xa") });
      await expect.poll(async () => (await readPeriod(page)).text).toContain(unitFilter);
      const filtered = await readPeriod(page);
      expect(filtered.months, "the form keeps the six months").toBe(6);
      expect(await page.locator("p.notice[role=note]").innerText()).toContain(
        vi("procedureGroup.ho_tich"),
      );
      const filteredCases = parseDisplayedNumber((await readKpiValues(page)).cases, "vi");
      expect(filteredCases).toBeLessThan(parseDisplayedNumber(kpis.cases, "vi"));
      await saveScreenshot(page, "page-overview-filtered");

      // Back: the six months without the other filters, then the first view.
      await page.goBack({ waitUntil: "load" });
      expect(page.url()).toBe(sixMonthsUrl);
      await expect.poll(() => readPeriod(page)).toEqual(sixMonths);
      expect(await page.locator("#filter-unit-type").inputValue()).toBe("");
      expect(await page.locator("#filter-procedure-group").inputValue()).toBe("");
      await page.goBack({ waitUntil: "load" });
      expect(new URL(page.url()).search).toBe("");
      await expect.poll(() => readPeriod(page)).toEqual(initial);

      // English and back: the texts and the number formats change with the language.
      await switchLanguage(page, "en");
      expect((await page.locator("#kpi-heading").innerText()).trim()).toBe(
        en("overview.kpiHeading"),
      );
      const english = await readKpiValues(page);
      expect(english.cases).toMatch(INTEGER_PATTERN.en);
      expect(english.cases, "thousands separator in en").toContain(",");
      expect(english.online_uptake).toMatch(PERCENT_PATTERN.en);
      expect(parseDisplayedNumber(english.cases, "en")).toBe(
        parseDisplayedNumber(kpis.cases, "vi"),
      );
      await switchLanguage(page, "vi");
      expect((await page.locator("#kpi-heading").innerText()).trim()).toBe(
        vi("overview.kpiHeading"),
      );
      expect((await readKpiValues(page)).cases).toBe(kpis.cases);

      // The busiest unit of the ranking (enough cases for its demographic breakdown).
      const rows = await readTableBody(page.locator("#ranking table"));
      const busiest = rows.reduce((best, row) =>
        parseDisplayedNumber(row[3]!, "vi") > parseDisplayedNumber(best[3]!, "vi") ? row : best,
      );
      const name = busiest[1]!;
      await Promise.all([
        page.waitForURL(/\/communes\/\d{5}\b/, { waitUntil: "load" }),
        page.locator("#ranking tbody th a", { hasText: name }).first().click(),
      ]);
      await expect.poll(async () => (await page.locator("h1").innerText()).trim()).toContain(name);
      for (const heading of COMMUNE_SECTION_HEADINGS) await expectSectionRendered(page, heading);
      for (const id of ["commune-figure-uptake", "commune-figure-cases", "commune-figure-reach"]) {
        await expectFigureRendered(page, id);
      }

      // Demographic counts reach a leader suppressed: 0, "<8" or multiples of 5.
      const reach = 'section[aria-labelledby="commune-reach-heading"]';
      expect(await page.locator(`${reach} .commune-note`).first().innerText()).toBe(
        vi("commune.reach.suppressed"),
      );
      const counts = await countColumnCells(page, reach, vi("commune.reach.cases"));
      expect(counts.length, "reach, ethnic group and age band rows").toBeGreaterThan(5);
      const unsuppressed = counts.filter((text) => !isSuppressedCountText(text, "vi"));
      expect(unsuppressed, "counts a leader must not see").toEqual([]);
      expect(
        counts.some((text) => text !== "0" && text !== "<8"),
        "the busiest commune has some large groups",
      ).toBe(true);
      // …and so does the section's download.
      const reachHref = await page
        .locator(`${reach} p.commune-downloads a`)
        .first()
        .getAttribute("href");
      const reachFile = await readDownloaded("csv", await fetchDownload(page, reachHref!));
      const fileCounts = reachFile.rows.map((row) => String(row.cases));
      expect(fileCounts.length).toBe(counts.length);
      expect(fileCounts.filter((text) => !isSuppressedCountText(text, "vi"))).toEqual([]);
      await saveScreenshot(page, "page-commune-leader");

      // The monthly report: laid out for A4 and printable without the site chrome.
      const report = await page.goto("/report");
      expect(report?.status()).toBe(200);
      expect(await page.locator("article.report__page").isVisible()).toBe(true);
      expect((await page.locator("#report-heading").innerText()).trim()).not.toBe("");
      expect(await printsOnA4(page), "an @page rule with size A4").toBe(true);
      await saveScreenshot(page, "page-report");
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.locator("article.report__page").isVisible()).toBe(true);
      await page.emulateMedia({ media: "screen" });
    });
  });
});
