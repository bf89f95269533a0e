// The monthly report prints: Chromium's own print-to-PDF (what "Save as PDF" does) on A4 succeeds
// and the province report fits on two pages, with the site header, filters and buttons left out.
// Also the compare and methodology pages, read with JavaScript off.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { saveScreenshot, withPage } from "./support/browser";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ARTIFACTS_DIR } from "./support/app-server";
import { measurePhoneLayout } from "./support/phone-layout";

const t = createTranslator("vi");

/** Signs in with the demo sign-in the quick start offers (the e2e server is a quick start). */
async function signInAsDemo(page: Page, role: "admin" | "leader"): Promise<void> {
  await page.goto("/login");
  const button = page.locator(
    `form:has(input[name=role][value=${role}]) button[name=intent][value=demo]`,
  );
  expect(await button.count(), "the quick start offers demo sign-in").toBeGreaterThan(0);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), button.first().click()]);
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

describe("monthly report, compare and methodology in the browser", () => {
  it("prints the province report to an A4 PDF of at most two pages", async () => {
    await withPage({}, async (page) => {
      await signInAsDemo(page, "leader");
      const response = await page.goto("/report");
      expect(response?.status()).toBe(200);
      await expect.poll(() => page.locator("h1").textContent()).toContain("Báo cáo");
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.locator(".report__chooser").isVisible()).toBe(false);
      expect(await page.locator(".report__downloads").isVisible()).toBe(false);
      expect(await page.locator(".report__kpis").isVisible()).toBe(true);
      expect(await page.locator(".report__page .plot-figure__chart svg:visible").count()).toBe(2);
      const pdf = await page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true });
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await writeFile(path.join(ARTIFACTS_DIR, "report-province.pdf"), pdf);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = countPdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      // Laid out as on A4 (180 mm between the 15 mm margins ≈ 680 CSS px): chart text of at
      // least 8 pt (10.67 px), no demo banner, no database table name or bare path.
      await page.setViewportSize({ width: 680, height: 1000 });
      const printed = await measurePhoneLayout(page, (8 * 96) / 72);
      expect(printed.smallText, "printed chart text under 8 pt").toEqual([]);
      expect(printed.minTextPx, "printed chart text").not.toBeNull();
      expect(await page.locator(".demo-banner").isVisible()).toBe(false);
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/\bmart\.|\/methodology\b/);
      await page.emulateMedia({ media: "screen" });
      await saveScreenshot(page, "report-province-vi");
    });
  });

  it("compares communes and reads the methodology with JavaScript off", async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await signInAsDemo(page, "admin");
      await page.goto("/compare");
      // Tick two communes in the chooser and submit the GET form.
      const boxes = page.locator(".compare-chooser input[type=checkbox][name=commune]");
      expect(await boxes.count()).toBeGreaterThan(100);
      await boxes.nth(0).check();
      await boxes.nth(5).check();
      await Promise.all([
        page.waitForURL(/commune=.*commune=/),
        page.getByRole("button", { name: t("compare.chooser.submit") }).click(),
      ]);
      expect(await page.locator(".compare-table thead th").count()).toBe(4);
      expect(await page.locator(".small-multiples").count()).toBe(3);
      expect(await page.locator(".small-multiples__panel svg").count()).toBe(6);
      await saveScreenshot(page, "compare-vi-no-js");

      await page.goto("/methodology?lang=en");
      expect(await page.locator("h1").textContent()).toBe("Metrics");
      expect(await page.locator("#online-uptake").count()).toBe(1);
      expect(await page.locator(".methodology__toc a[href='#decision-766']").count()).toBe(1);
      await saveScreenshot(page, "methodology-en-no-js");
    });
  });
});
