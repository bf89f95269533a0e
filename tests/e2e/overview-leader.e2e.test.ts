// Journey 1, the provincial leader with JavaScript on: the overview opens in Vietnamese with
// vi-VN numbers, server-rendered charts and map with titles and descriptions, the "?" definitions
// and the table alternatives, whose numbers agree with the charts and the tiles.
import { describe, expect, it } from "vitest";
import { DESKTOP_VIEWPORT, MOBILE_VIEWPORT, saveScreenshot, withPage } from "./support/browser";
import { expectOverviewIntact, expectServerRenderedFigures } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

describe("province overview for a leader (JavaScript on)", () => {
  it("shows Vietnamese tiles, charts and map whose tables agree with them", async () => {
    await withPage({ javaScriptEnabled: true, viewport: DESKTOP_VIEWPORT }, async (page) => {
      await signInAs(page, "leader");
      const response = await page.goto("/", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      expectServerRenderedFigures(await response!.text());
      await saveScreenshot(page, "overview-vi-desktop");
      await expectOverviewIntact(page, "vi");
      await saveScreenshot(page, "overview-vi-desktop-tables-open");
    });
  });

  it("fits a 390 px phone screen without horizontal scrolling of the page", async () => {
    await withPage(
      { javaScriptEnabled: true, viewport: MOBILE_VIEWPORT, mobile: true },
      async (page) => {
        await signInAs(page, "leader");
        await page.goto("/", { waitUntil: "networkidle" });
        await saveScreenshot(page, "overview-vi-mobile");
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, "page wider than the phone screen").toBeLessThanOrEqual(0);
      },
    );
  });
});
