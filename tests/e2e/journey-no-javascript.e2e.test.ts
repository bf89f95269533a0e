// The journeys on a browser with JavaScript off (issue 4: "every page works with JavaScript
// off"): the demo sign-in form, the overview's filter form, a commune page from the ranking, the
// compare chooser's checkboxes, the language switch and the report's month/commune chooser — each
// a plain form post or GET, i.e. a full page load.
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { countDocumentLoads, saveScreenshot, withPage } from "./support/browser";
import {
  COMMUNE_SECTION_HEADINGS,
  expectFigureRendered,
  expectSectionRendered,
  switchLanguage,
} from "./support/journey-pages";
import { readKpiValues, readPeriod, searchParamsOf } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

const vi = createTranslator("vi");
const en = createTranslator("en");

describe("journeys with JavaScript disabled", () => {
  it("signs in, filters, opens a commune, compares, switches language and picks a report", async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const documentLoads = countDocumentLoads(page);
      await signInAs(page, "leader");

      // Overview filters through the GET form.
      const before = await readPeriod(page);
      await page.locator("#filter-unit-type").selectOption("phuong");
      await page.locator("#filter-procedure-group").selectOption("cu_tru");
      await Promise.all([
        page.waitForURL(/[?&]procedure_group=cu_tru\b/),
        page.locator("form.filters__form button[type=submit]").click(),
      ]);
      expect(searchParamsOf(page).get("unit_type")).toBe("phuong");
      const filtered = await readPeriod(page);
      expect(filtered.months).toBe(before.months);
      expect(filtered.text).toContain(
        vi("overview.unitFilter", { unitType: vi("unitType.phuong") }),
      );
      expect(await page.locator("#filter-procedure-group").inputValue()).toBe("cu_tru");
      await expectFigureRendered(page, "figure-map");

      // A commune from the ranking keeps working as a plain link.
      const link = page.locator("#ranking tbody th a").first();
      const name = (await link.innerText()).trim();
      await Promise.all([page.waitForURL(/\/communes\/\d{5}\b/), link.click()]);
      expect((await page.locator("h1").innerText()).trim()).toContain(name);
      for (const heading of COMMUNE_SECTION_HEADINGS) await expectSectionRendered(page, heading);
      await expectFigureRendered(page, "commune-figure-uptake");

      // The compare chooser: tick three communes, submit.
      await page.goto("/compare");
      const boxes = page.locator(".compare-chooser__form input[type=checkbox][name=commune]");
      expect(await boxes.count()).toBeGreaterThan(100);
      const chosen: string[] = [];
      for (const index of [0, 1, 2]) {
        await boxes.nth(index).check();
        chosen.push((await boxes.nth(index).getAttribute("value"))!);
      }
      await Promise.all([
        page.waitForURL(/[?&]commune=\d{5}/),
        page.locator(".compare-chooser__form button[type=submit]").click(),
      ]);
      expect(searchParamsOf(page).getAll("commune")).toEqual(chosen);
      expect(await page.locator(".compare__selected li").count()).toBe(3);
      expect(
        await page
          .locator("figure.small-multiples")
          .first()
          .locator(".small-multiples__panel svg")
          .count(),
      ).toBeGreaterThanOrEqual(3);
      expect(await page.locator("table.compare-table").isVisible()).toBe(true);
      await saveScreenshot(page, "page-compare-no-js");

      // The language switch is a link: English, then back to Vietnamese.
      await switchLanguage(page, "en");
      expect((await page.locator("h1").innerText()).trim()).toBe(en("compare.heading"));
      expect(searchParamsOf(page).getAll("commune"), "the choice survives").toEqual(chosen);
      await switchLanguage(page, "vi");
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("compare.heading"));

      // The report's chooser: an earlier month for one commune.
      await page.goto("/report");
      const months = await page
        .locator("#report-month option")
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(months.length).toBeGreaterThan(1);
      const month = months[months.length - 2]!;
      await page.locator("#report-month").selectOption(month);
      const communeOption = page.locator("#report-commune optgroup option").first();
      const communeCode = (await communeOption.getAttribute("value"))!;
      const communeName = (await communeOption.innerText()).trim();
      await page.locator("#report-commune").selectOption(communeCode);
      await Promise.all([
        page.waitForURL(new RegExp(`[?&]commune=${communeCode}\\b`)),
        page.locator(".report__chooser button[type=submit]").click(),
      ]);
      expect(searchParamsOf(page).get("month")).toBe(month);
      expect(await page.locator("#report-heading").innerText()).toContain(communeName);
      expect(await page.locator("#report-month").inputValue()).toBe(month);
      await saveScreenshot(page, "page-report-commune-no-js");

      // Overview tiles still in vi-VN format after the round trip through English.
      await page.goto("/");
      expect((await readKpiValues(page)).cases).toMatch(/^\d{1,3}(\.\d{3})*$/);
      // Every step above was a full page load: nothing was done by scripts.
      expect(documentLoads()).toBeGreaterThanOrEqual(10);
    });
  });
});
