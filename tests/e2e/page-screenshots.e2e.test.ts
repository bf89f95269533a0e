// A full-page screenshot of every page, in Vietnamese, under tests/e2e/artifacts/vi-<page>.png
// (git-ignored), for people reviewing the UI. Signed in as an admin so every page renders in full;
// each page must answer 200 with its heading. Codes and ids in the URLs come from the pages
// themselves (the sample data depends on the day it was generated).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { saveScreenshot, withPage } from "./support/browser";
import { signInAs } from "./support/sign-in";

async function shoot(page: Page, name: string, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(await page.locator("html").getAttribute("lang"), url).toBe("vi");
  expect((await page.locator("h1").first().innerText()).trim(), `${url} heading`).not.toBe("");
  await saveScreenshot(page, `vi-${name}`);
}

async function firstHref(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, selector).toBeTruthy();
  return href!;
}

describe("screenshots of every page", () => {
  it("renders each page for an admin and saves it", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await shoot(page, "login", "/login");
      await signInAs(page, "admin");
      await shoot(page, "overview", "/");

      await shoot(page, "communes", "/communes");
      const communeHrefs = await page
        .locator("tbody th a")
        .evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute("href")!));
      const codes = communeHrefs.map((href) => /\/communes\/(\d{5})/.exec(href)![1]!);
      await shoot(page, "commune", `/communes/${codes[0]}`);
      await shoot(page, "compare", `/compare?${codes.map((code) => `commune=${code}`).join("&")}`);

      await shoot(page, "quality", "/quality");
      const rejectsHref = await firstHref(page, "table.quality-reasons tbody th a");
      await shoot(page, "quality-rejects", rejectsHref);
      await shoot(page, "methodology", "/methodology");
      await shoot(page, "report", "/report");

      await shoot(page, "imports", "/imports");
      const batchHref = await firstHref(
        page,
        "main a[href^='/imports/']:not([href^='/imports/new'])",
      );
      await shoot(page, "import-batch", batchHref);
      await shoot(page, "imports-new", "/imports/new");

      await shoot(page, "admin-users", "/admin/users");
      await shoot(page, "admin-audit", "/admin/audit");
    });
  });
});
