// Journey of a commune youth-union secretary (issue 4), JavaScript on: signs in and lands on her
// own commune (issue 12, item 4), finds it first in the directory, marked as hers, with the other
// communes as plain text; reads its page — tiles with ranks, peers, demographic reach
// (suppressed), the weekday × hour heatmap — compares it with her peers, and is refused another
// commune's detail and the data-quality page with a 403 in her language under the site header.
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
import { demoButton, signInAs } from "./support/sign-in";

const vi = createTranslator("vi");
const en = createTranslator("en");

function codeOf(href: string | null): string {
  const match = /\/communes\/(\d{5})\b/.exec(href ?? "");
  if (!match) throw new Error(`not a commune link: ${href}`);
  return match[1]!;
}

describe("journey: commune secretary", () => {
  it("lands on her own commune after signing in", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await page.goto("/login");
      await Promise.all([
        page.waitForURL((url) => url.pathname !== "/login", { waitUntil: "load" }),
        demoButton(page, "secretary").click(),
      ]);
      await page.locator("main.login").waitFor({ state: "detached" });
      expect(new URL(page.url()).pathname).toMatch(/^\/communes\/\d{5}$/);
      expect(await page.locator("h1").innerText()).toContain(vi("commune.list.own"));
      const home = page.locator(".site-header__nav a", { hasText: vi("nav.home") });
      expect(await home.getAttribute("href")).toContain(new URL(page.url()).pathname);
      // Her rank in the province and among her peers, beside the province and peer medians.
      const ranks = await page.locator(".kpi__rank").allInnerTexts();
      expect(ranks.length).toBe(4);
      for (const text of ranks) {
        expect(text).toMatch(/^Hạng \d+\/\d+ trong tỉnh\s+Hạng \d+\/\d+ trong nhóm tương đồng$/);
      }
      expect(await page.locator(".kpi__help").count(), "a definition on every tile").toBe(4);

      // "/" opened again leads to the same page; the overview is one link away.
      await page.goto("/");
      expect(new URL(page.url()).pathname).toMatch(/^\/communes\/\d{5}$/);
      const overview = page.locator(".site-header__nav a", { hasText: vi("nav.overview") });
      await Promise.all([page.waitForURL((url) => url.pathname === "/"), overview.click()]);
      await page.locator("section.ranking").waitFor();
      // Other communes are named in the ranking, but only her own is a link.
      const links = page.locator("section.ranking tbody th a");
      expect(await links.count()).toBe(1);
      expect(await page.locator("section.ranking tbody th").count()).toBeGreaterThan(100);
    });
  });

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
      expect(await page.locator("tbody tr:not(.is-own) th a").count(), "others unlinked").toBe(0);
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
      // Peers are named (she cannot open their pages) and compared through one link.
      const peerNames = page.locator("table.commune-peers tbody th");
      expect(await peerNames.count(), "peers listed").toBeGreaterThanOrEqual(2);
      expect(await peerNames.locator("a").count(), "no link to a page she cannot open").toBe(0);
      expect((await page.locator("#commune-peers-heading + p").innerText()).trim()).not.toBe("");
      const compareHref = await page
        .locator('section[aria-labelledby="commune-peers-heading"] a[href^="/compare?"]')
        .getAttribute("href");
      const compareCodes = new URLSearchParams(compareHref!.split("?")[1]).getAll("commune");
      expect(compareCodes[0]).toBe(ownCode);
      const peers = await Promise.all(
        [0, 1].map(async (index) => ({
          code: compareCodes[index + 1]!,
          name: (await peerNames.nth(index).innerText()).trim(),
        })),
      );
      const otherCode = peers[0]!.code;
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
      // One language, and the site header with its navigation stays.
      expect(await page.locator(".error-page").innerText()).not.toContain(
        en("error.forbidden.title"),
      );
      expect(await page.locator(".site-header__nav a").count()).toBeGreaterThan(3);
      expect(await page.locator("main svg, table, .kpi").count(), "no data shown").toBe(0);
      await saveScreenshot(page, "page-forbidden-commune");

      const quality = await page.goto("/quality");
      expect(quality?.status()).toBe(403);
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("error.forbidden.title"));
      expect(await page.locator("table").count()).toBe(0);
    });
  });
});
