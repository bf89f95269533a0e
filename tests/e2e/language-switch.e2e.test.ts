// Journey 3, switching language: English labels and en-GB number formats, internal links that
// keep lang=en, the choice remembered for the next visit, and back to Vietnamese.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import { saveScreenshot, withPage } from "./support/browser";
import { expectOverviewIntact, readHtmlLang, searchParamsOf } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await page.locator(`nav.language-switch a[hreflang="${to}"]`).click();
  await page.waitForURL(new RegExp(`[?&]lang=${to}\\b`));
  await expect.poll(() => readHtmlLang(page)).toBe(to);
}

/**
 * Every same-site link on the page, except in-page anchors and downloads (the files are the same
 * in both languages, so their links drop `lang`), carries the language.
 */
async function expectLinksKeepLanguage(page: Page, lang: Lang): Promise<void> {
  const hrefs = (
    await page
      .locator("a[href]:not([download])")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))
  ).filter((href) => !href.startsWith("#"));
  const internal = hrefs.filter((href) => href.startsWith("/"));
  expect(internal.length, "the page has internal links").toBeGreaterThan(0);
  for (const href of internal) {
    const params = new URL(href, "http://x").searchParams;
    // The switch itself links to the other language too.
    if (params.get("lang") !== lang) {
      expect(await page.locator(`nav.language-switch a[href="${href}"]`).count(), href).toBe(1);
    }
  }
  expect(await page.locator('form.filters__form input[name="lang"]').inputValue()).toBe(lang);
}

describe("language switch", () => {
  it("switches to English and back, keeping the filters and remembering the choice", async () => {
    const en = createTranslator("en");
    const vi = createTranslator("vi");
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "leader");
      await page.goto("/?period=6m", { waitUntil: "networkidle" });
      expect(await readHtmlLang(page)).toBe("vi");

      await switchLanguage(page, "en");
      expect(searchParamsOf(page).get("period"), "filters survive the switch").toBe("6m");
      expect((await page.locator("#kpi-heading").innerText()).trim()).toBe(
        en("overview.kpiHeading"),
      );
      const reading = await expectOverviewIntact(page, "en");
      expect(reading.period.months).toBe(6);
      await expectLinksKeepLanguage(page, "en");
      await saveScreenshot(page, "overview-en-desktop");

      // The cookie remembers English for a visit without ?lang=.
      await page.goto("/", { waitUntil: "networkidle" });
      expect(await readHtmlLang(page)).toBe("en");
      expect((await page.locator("#kpi-heading").innerText()).trim()).toBe(
        en("overview.kpiHeading"),
      );

      await switchLanguage(page, "vi");
      expect((await page.locator("#kpi-heading").innerText()).trim()).toBe(
        vi("overview.kpiHeading"),
      );
      await expectLinksKeepLanguage(page, "vi");
      await expectOverviewIntact(page, "vi");
    });
  });
});
