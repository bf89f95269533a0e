// Journey of a commune youth-union secretary (issue 4), JavaScript on: signs in, finds her own
// commune (first in the directory, marked as hers), reads its page — peers, demographic reach
// (suppressed), the weekday × hour heatmap — compares it with two of its peers, and is refused
// another commune's detail and the data-quality page with a 403 that shows no data.
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { saveScreenshot, withPage } from "./support/browser";
import {
  countColumnCells,
  expectFigureRendered,
  expectSectionRendered,
  isSuppressedCountText,
  readTableText,
} from "./support/journey-pages";
import { readTableBody } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

const vi = createTranslator("vi");
const en = createTranslator("en");

function codeOf(href: string | null): string {
  const match = /\/communes\/(\d{5})\b/.exec(href ?? "");
  if (!match) throw new Error(`not a commune link: ${href}`);
  return match[1]!;
}

describe("journey: commune secretary", () => {
  it("reads her commune, compares it with peers and is refused the rest", async () => {
    await withPage({ javaScriptEnabled: true, expectedStatuses: [403] }, async (page) => {
      await signInAs(page, "secretary", "/communes");
      expect(await page.locator(".site-header__user").innerText()).toContain(
        vi("auth.role.secretary"),
      );
      // The header offers no data-quality link to her role.
      expect(await page.locator(".site-header__nav a[href^='/quality']").count()).toBe(0);

      // The directory lists her commune first, marked as hers.
      const own = page.locator("tbody tr.is-own");
      expect(await own.count(), "one bound commune").toBe(1);
      expect(await page.locator("tbody tr").first().getAttribute("class")).toBe("is-own");
      expect(await own.locator(".commune-list__own").innerText()).toContain(vi("commune.list.own"));
      const ownLink = own.locator("th a");
      const ownName = (await ownLink.innerText()).trim();
      const ownCode = codeOf(await ownLink.getAttribute("href"));
      const otherCode = codeOf(
        await page.locator("tbody tr:not(.is-own) th a").first().getAttribute("href"),
      );
      await saveScreenshot(page, "page-communes");

      // Her commune's page: peers, reach and the heatmap.
      await Promise.all([
        page.waitForURL(new RegExp(`/communes/${ownCode}\\b`), { waitUntil: "load" }),
        ownLink.click(),
      ]);
      await expect
        .poll(async () => (await page.locator("h1").innerText()).trim())
        .toContain(ownName);
      for (const heading of [
        "commune-peers-heading",
        "commune-reach-heading",
        "commune-heatmap-heading",
      ]) {
        await expectSectionRendered(page, heading);
      }
      const peerLinks = page.locator("table.commune-peers tbody th a");
      const peerCount = await peerLinks.count();
      expect(peerCount, "peers listed").toBeGreaterThanOrEqual(2);
      expect((await page.locator("#commune-peers-heading + p").innerText()).trim()).not.toBe("");
      const peers = await Promise.all(
        [0, 1].map(async (index) => ({
          code: codeOf(await peerLinks.nth(index).getAttribute("href")),
          name: (await peerLinks.nth(index).innerText()).trim(),
        })),
      );
      for (const id of [
        "commune-figure-reach",
        "commune-figure-demand",
        "commune-figure-presence",
      ]) {
        await expectFigureRendered(page, id);
      }
      // A drawn cell for every weekday × hour slot of the table that had demand.
      const demand = page.locator('figure[aria-labelledby="commune-figure-demand-title"]');
      const demandCells = await demand.locator(".chart-variant--wide svg rect").count();
      const slotsWithCases = (await readTableText(demand.locator("table"))).filter(
        (row) => row[2] !== "0",
      ).length;
      expect(slotsWithCases, "weekday × hour slots with cases").toBeGreaterThan(7);
      expect(demandCells).toBeGreaterThanOrEqual(slotsWithCases);
      const reachCounts = await countColumnCells(
        page,
        'section[aria-labelledby="commune-reach-heading"]',
        vi("commune.reach.cases"),
      );
      expect(reachCounts.length).toBeGreaterThan(5);
      expect(reachCounts.filter((text) => !isSuppressedCountText(text, "vi"))).toEqual([]);
      await saveScreenshot(page, "page-commune-secretary");

      // Compare her commune with two peers: small multiples and the table.
      const codes = [ownCode, ...peers.map((peer) => peer.code)];
      const compare = await page.goto(
        `/compare?${codes.map((code) => `commune=${code}`).join("&")}`,
      );
      expect(compare?.status()).toBe(200);
      const selected = (await page.locator(".compare__selected li").allInnerTexts()).map((text) =>
        text.replace(/×\s*$/, "").trim(),
      );
      expect(selected).toEqual([ownName, ...peers.map((peer) => peer.name)]);
      const multiples = page.locator("figure.small-multiples");
      expect(await multiples.count(), "one figure per indicator").toBeGreaterThan(0);
      for (let index = 0; index < (await multiples.count()); index += 1) {
        const panels = multiples.nth(index).locator(".small-multiples__panel");
        expect(await panels.count(), "a panel per commune").toBe(3);
        expect(await panels.locator("svg").count()).toBeGreaterThanOrEqual(3);
      }
      const tableHead = await page.locator("table.compare-table thead th").allInnerTexts();
      for (const name of [ownName, ...peers.map((peer) => peer.name)]) {
        expect(
          tableHead.some((text) => text.includes(name)),
          `${name} column`,
        ).toBe(true);
      }
      expect((await readTableBody(page.locator("table.compare-table"))).length).toBeGreaterThan(2);
      await saveScreenshot(page, "page-compare");

      // Another commune's detail: 403, explained, and no data of it.
      const other = await page.goto(`/communes/${otherCode}`);
      expect(other?.status()).toBe(403);
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("error.forbidden.title"));
      expect(await page.locator('.error-page section[lang="en"]').innerText()).toContain(
        en("error.forbidden.title"),
      );
      expect(await page.locator("svg, table, .commune-summary").count(), "no data shown").toBe(0);
      await saveScreenshot(page, "page-forbidden-commune");

      const quality = await page.goto("/quality");
      expect(quality?.status()).toBe(403);
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("error.forbidden.title"));
      expect(await page.locator("table").count()).toBe(0);
    });
  });
});
