// Checks the journeys share beyond the overview: a server-rendered figure is there (title,
// description, SVG), a page section rendered, the language switch, and the small-cell rule for
// demographic counts a leader or secretary sees.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Lang } from "~/lib/i18n/languages";
import { readHtmlLang } from "./overview-page";

/** The commune page's sections, by the id of their heading. */
export const COMMUNE_SECTION_HEADINGS = [
  "commune-summary-heading",
  "commune-trend-heading",
  "commune-peers-heading",
  "commune-procedures-heading",
  "commune-help-heading",
  "commune-reach-heading",
  "commune-teams-heading",
  "commune-heatmap-heading",
  "commune-predecessors-heading",
] as const;

export function plotFigure(page: Page, id: string) {
  return page.locator(`figure.plot-figure[aria-labelledby="${id}-title"]`);
}

/** A figure with a title, a description of some length and at least one drawn SVG. */
export async function expectFigureRendered(page: Page, id: string): Promise<void> {
  const element = plotFigure(page, id);
  expect(await element.count(), `figure ${id}`).toBe(1);
  expect((await element.locator(`#${id}-title`).innerText()).trim(), `${id} title`).not.toBe("");
  expect(
    (await element.locator(`#${id}-description`).innerText()).trim().length,
    `${id} description`,
  ).toBeGreaterThan(20);
  // The variant for this screen width (ADR 017); the other one is not displayed.
  const svg = element.locator(".plot-figure__chart svg:visible").last();
  expect(await svg.isVisible(), `${id} SVG visible`).toBe(true);
  const marks = await svg.locator("path, rect, circle, line").count();
  expect(marks, `${id} SVG draws marks`).toBeGreaterThan(0);
}

/** The heading of a section is shown and its section holds more than the heading. */
export async function expectSectionRendered(page: Page, headingId: string): Promise<void> {
  const heading = page.locator(`#${headingId}`);
  expect(await heading.isVisible(), `#${headingId} visible`).toBe(true);
  expect((await heading.innerText()).trim(), `#${headingId} text`).not.toBe("");
  const section = page.locator(`section[aria-labelledby="${headingId}"]`);
  const text = (await section.innerText()).trim();
  expect(text.length, `section ${headingId} has content`).toBeGreaterThan(
    (await heading.innerText()).trim().length + 10,
  );
}

/** Clicks the header's switch to `to` and waits for the page to be in that language. */
export async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await Promise.all([
    page.waitForURL(new RegExp(`[?&]lang=${to}\\b`), { waitUntil: "load" }),
    page.locator(`nav.language-switch a[hreflang="${to}"]`).first().click(),
  ]);
  await expect.poll(() => readHtmlLang(page)).toBe(to);
}

/**
 * A count as a leader or secretary may see it (app/lib/privacy/suppress.ts): 0, "<8", or a
 * multiple of 5 (≥ 10 after rounding from ≥ 8), written in the page's language.
 */
export function isSuppressedCountText(text: string, lang: Lang): boolean {
  const trimmed = text.trim();
  if (trimmed === "<8" || trimmed === "0") return true;
  const thousands = lang === "vi" ? "." : ",";
  const plain = trimmed.split(thousands).join("");
  if (!/^\d+$/.test(plain)) return false;
  const value = Number(plain);
  return value >= 10 && value % 5 === 0;
}

/**
 * Every cell under a column headed `countHeader` in the tables of `scope` (hidden cells of closed
 * "show table" disclosures included), as text.
 */
export async function countColumnCells(
  page: Page,
  scope: string,
  countHeader: string,
): Promise<string[]> {
  return page.locator(`${scope} table`).evaluateAll(
    (tables, header) =>
      tables.flatMap((table) => {
        const headers = [...table.querySelectorAll("thead th")].map((cell) =>
          (cell.textContent ?? "").trim(),
        );
        const column = headers.indexOf(header);
        if (column === -1) return [];
        return [...table.querySelectorAll("tbody tr")].map((row) =>
          (row.children[column]?.textContent ?? "").trim(),
        );
      }),
    countHeader,
  );
}

/** True when the stylesheets ask for A4 paper when printing (an `@page { size: A4 … }` rule). */
export async function printsOnA4(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const rules = (list: CSSRuleList): CSSRule[] =>
      [...list].flatMap((rule) =>
        "cssRules" in rule && (rule as CSSGroupingRule).cssRules
          ? [rule, ...rules((rule as CSSGroupingRule).cssRules)]
          : [rule],
      );
    return [...document.styleSheets].some((sheet) => {
      try {
        return rules(sheet.cssRules).some(
          (rule) =>
            rule instanceof CSSPageRule && /\bA4\b/i.test(rule.style.getPropertyValue("size")),
        );
      } catch {
        return false;
      }
    });
  });
}

/**
 * A table's body rows as cell texts, read from the DOM's text: unlike innerText, this also reads
 * tables inside a closed "show table" disclosure (Chromium skips their layout).
 */
export async function readTableText(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    [...element.querySelectorAll("tbody tr")].map((row) =>
      [...row.children].map((cell) => (cell.textContent ?? "").trim()),
    ),
  );
}
