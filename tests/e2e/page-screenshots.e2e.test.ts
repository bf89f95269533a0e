// A full-page screenshot of every page, in Vietnamese, at 1366 and at 390 px wide (a phone), under
// tests/e2e/artifacts/vi-<width>-<page>.png (git-ignored), for people reviewing the UI. Signed in
// as an admin so every page renders in full; each page must answer 200 with its heading. On the
// phone every page must also fit (issue 12, item 3): nothing wider than the screen outside a
// scrolling region, chart text at least 11 px on screen and none cut off at its chart's edge; and
// the overview's first screen holds every headline figure with its change. Codes and ids in the
// URLs come from the pages themselves (the sample data depends on the day it was generated).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MOBILE_VIEWPORT, saveScreenshot, withPage } from "./support/browser";
import { kpisBelowFirstScreen, measurePhoneLayout } from "./support/phone-layout";
import { signInAs } from "./support/sign-in";
import { discoverSitePages } from "./support/site-pages";

const WIDE_VIEWPORT = { width: 1366, height: 900 };

async function shoot(page: Page, name: string, url: string, width: number): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(await page.locator("html").getAttribute("lang"), url).toBe("vi");
  expect((await page.locator("h1").first().innerText()).trim(), `${url} heading`).not.toBe("");
  await saveScreenshot(page, `vi-${width}-${name}`);
}

async function expectFitsPhone(page: Page, name: string): Promise<void> {
  const layout = await measurePhoneLayout(page);
  expect(layout.scrollWidth, `${name}: page width`).toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.overflowing, `${name}: elements past the screen's edge`).toEqual([]);
  expect(layout.smallText, `${name}: chart text under 11 px`).toEqual([]);
  expect(layout.cutText, `${name}: chart text cut off`).toEqual([]);
}

describe("screenshots of every page", () => {
  it("renders each page for an admin at 1366 px and saves it", async () => {
    await withPage({ viewport: WIDE_VIEWPORT }, async (page) => {
      await shoot(page, "login", "/login", WIDE_VIEWPORT.width);
      await signInAs(page, "admin");
      for (const site of await discoverSitePages(page, "vi")) {
        await shoot(page, site.name, site.url, WIDE_VIEWPORT.width);
      }
    });
  });

  it("renders each page for an admin at 390 px, fitting the phone, and saves it", async () => {
    await withPage({ viewport: MOBILE_VIEWPORT, mobile: true }, async (page) => {
      await shoot(page, "login", "/login", MOBILE_VIEWPORT.width);
      await expectFitsPhone(page, "login");
      await signInAs(page, "admin");
      const sites = await discoverSitePages(page, "vi");
      expect(sites.map((site) => site.name)).toEqual(
        expect.arrayContaining(["overview", "commune", "compare", "report", "quality"]),
      );
      for (const site of sites) {
        await shoot(page, site.name, site.url, MOBILE_VIEWPORT.width);
        await expectFitsPhone(page, site.name);
      }
    });
  });

  it("shows a leader every headline figure and its change on the phone's first screen", async () => {
    await withPage({ viewport: MOBILE_VIEWPORT, mobile: true }, async (page) => {
      // Three months: a period with an equal one before it, so every tile states its change.
      await signInAs(page, "leader", "/?period=3m&lang=vi");
      expect(await page.locator(".kpi__change").count(), "tiles with a change").toBeGreaterThan(3);
      expect(await kpisBelowFirstScreen(page)).toEqual([]);
      // The menu and the filters are folded: one line each, opened without JavaScript.
      expect(await page.locator(".site-header__nav").isVisible()).toBe(false);
      await page.locator(".site-menu__toggle").click();
      expect(await page.locator(".site-header__nav").isVisible()).toBe(true);
      expect(await page.locator(".filters__form").isVisible()).toBe(false);
      expect(await page.locator(".filters__summary").innerText()).toMatch(/^Bộ lọc: /);
      await saveScreenshot(page, "vi-390-overview-first-screen");
    });
  });
});
