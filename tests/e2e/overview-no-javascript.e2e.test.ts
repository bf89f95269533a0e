// Journey 2, the leader on a locked-down or slow browser with JavaScript off: the same overview,
// filters applied through the GET form and the preset links, and the back button undoing them.
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { countDocumentLoads, saveScreenshot, withPage } from "./support/browser";
import { parseDisplayedNumber } from "./support/displayed-numbers";
import {
  expectOverviewIntact,
  expectServerRenderedFigures,
  readPeriod,
  searchParamsOf,
} from "./support/overview-page";
import { signInAs } from "./support/sign-in";

const t = createTranslator("vi");

describe("province overview with JavaScript disabled", () => {
  it("shows everything, filters through the GET form and preset links, and goes back", async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      // The demo sign-in is a plain POST form: it works without scripts too.
      await signInAs(page, "leader");
      const documentLoads = countDocumentLoads(page);
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      expectServerRenderedFigures(await response!.text());
      const initial = await expectOverviewIntact(page, "vi");
      await saveScreenshot(page, "overview-vi-no-js");

      // A unit type through the form: a plain GET navigation.
      await page.locator("#filter-unit-type").selectOption("xa");
      await Promise.all([
        page.waitForURL(/[?&]unit_type=xa\b/),
        page.locator("form.filters__form button[type=submit]").click(),
      ]);
      const byForm = searchParamsOf(page);
      expect(byForm.get("lang")).toBe("vi");
      const unitFilter = t("overview.unitFilter", { unitType: t("unitType.xa") });
      const filtered = await expectOverviewIntact(page, "vi");
      expect(filtered.period.text).toContain(unitFilter);
      expect(filtered.period.months).toBe(initial.period.months);
      expect(
        parseDisplayedNumber(filtered.kpis.cases, "vi"),
        "communes only: fewer cases than the whole province",
      ).toBeLessThan(parseDisplayedNumber(initial.kpis.cases, "vi"));
      expect(await page.locator("#filter-unit-type").inputValue()).toBe("xa");

      // Then the 3-month preset: keeps the unit type, replaces the months.
      await Promise.all([
        page.waitForURL(/[?&]period=3m\b/),
        page.getByRole("link", { name: t("filter.preset.3m"), exact: true }).click(),
      ]);
      expect(searchParamsOf(page).get("unit_type")).toBe("xa");
      expect(searchParamsOf(page).has("from")).toBe(false);
      const threeMonths = await readPeriod(page);
      expect(threeMonths.months).toBe(3);
      expect(threeMonths.text).toContain(unitFilter);
      await saveScreenshot(page, "overview-vi-no-js-xa-3m");

      await page.goBack();
      expect(searchParamsOf(page).toString()).toBe(byForm.toString());
      expect(await readPeriod(page)).toEqual(filtered.period);
      await page.goBack();
      expect(new URL(page.url()).search).toBe("");
      expect(await readPeriod(page)).toEqual(initial.period);
      // Proof that no script took over: the first load, form, preset link (back may use the cache).
      expect(documentLoads()).toBeGreaterThanOrEqual(3);
    });
  });
});
