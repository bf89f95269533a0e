// Journey 4, filters in the URL with JavaScript on: a preset link, then the unit type through the
// form, both client-side navigations; the back button undoes them one at a time. The overview
// itself ships no scripts (handle.hydrate = false); they are running here because the reader came
// from the sign-in page, which has them, and Remix keeps navigating client-side from there.
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { countDocumentLoads, saveScreenshot, withPage } from "./support/browser";
import { readPeriod, searchParamsOf, waitForPeriodChange } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

const t = createTranslator("vi");

describe("overview filters and the back button (JavaScript on)", () => {
  it("applies 6 months then communes only, and goes back step by step", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "leader");
      const documentLoads = countDocumentLoads(page);
      const initial = await readPeriod(page);
      const unitFilter = t("overview.unitFilter", { unitType: t("unitType.xa") });
      expect(initial.text).not.toContain(unitFilter);

      await page.getByRole("link", { name: t("filter.preset.6m"), exact: true }).click();
      await page.waitForURL(/[?&]period=6m\b/);
      const sixMonthsText = await waitForPeriodChange(page, initial.text);
      const sixMonths = await readPeriod(page);
      expect(sixMonths.months).toBe(6);
      expect(sixMonthsText).not.toContain(unitFilter);
      expect(
        await page
          .getByRole("link", { name: t("filter.preset.6m"), exact: true })
          .getAttribute("aria-current"),
      ).toBe("true");
      const sixMonthsUrl = page.url();

      await page.locator("#filter-unit-type").selectOption("xa");
      await page.locator("form.filters__form button[type=submit]").click();
      await page.waitForURL(/[?&]unit_type=xa\b/);
      await waitForPeriodChange(page, sixMonthsText);
      const communesOnly = await readPeriod(page);
      expect(communesOnly.months, "the form keeps the 6-month range").toBe(6);
      expect(communesOnly.text).toContain(unitFilter);
      expect(communesOnly.text.startsWith(sixMonthsText)).toBe(true);
      expect(searchParamsOf(page).get("lang")).toBe("vi");
      await saveScreenshot(page, "overview-vi-xa-6m");

      await page.goBack();
      await page.waitForURL(sixMonthsUrl);
      await waitForPeriodChange(page, communesOnly.text);
      expect(await readPeriod(page)).toEqual(sixMonths);
      expect(await page.locator("#filter-unit-type").inputValue(), "form shows the URL again").toBe(
        "",
      );

      await page.goBack();
      await page.waitForURL((url) => url.pathname === "/" && url.search === "");
      await waitForPeriodChange(page, sixMonths.text);
      expect(await readPeriod(page)).toEqual(initial);

      expect(documentLoads(), "Remix navigated without reloading the page").toBe(0);
    });
  });
});

describe("overview filters and the back button (a script-free page)", () => {
  it("shows the URL's filters again after Back restores the page from the cache", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "leader");
      // A full load of the overview: no Remix scripts, plain GET-form navigations.
      await page.goto(page.url(), { waitUntil: "load" });
      const initialUrl = page.url();
      await page.locator("#filter-unit-type").selectOption("xa");
      await page.locator("form.filters__form button[type=submit]").click();
      await page.waitForURL(/[?&]unit_type=xa\b/);
      await page.goBack();
      await page.waitForURL(initialUrl);
      await expect
        .poll(() => page.locator("#filter-unit-type").inputValue(), {
          message: "the form shows the URL's (empty) unit type, not the choice left behind",
        })
        .toBe("");
    });
  });
});
