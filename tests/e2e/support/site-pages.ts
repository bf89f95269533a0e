// The pages a role can reach, found the way a visitor finds them: the header's navigation, then
// the first link of each kind on the listing pages (a commune, a compare view, a batch, a reason's
// rejected rows). Codes and ids come from the pages, since the sample depends on the day it was
// generated. Used by the screenshot, phone-layout and accessibility tests.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Lang } from "~/lib/i18n/languages";

export interface SitePage {
  /** A short name for files and messages, e.g. "overview", "commune". */
  name: string;
  url: string;
}

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? "").filter((href) => href !== ""),
    );
}

function withLang(url: string, lang: Lang): string {
  const parsed = new URL(url, "http://site.invalid");
  parsed.searchParams.set("lang", lang);
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

const NAV_NAMES: Record<string, string> = {
  "/": "overview",
  "/communes": "communes",
  "/compare": "compare-chooser",
  "/report": "report",
  "/quality": "quality",
  "/methodology": "methodology",
  "/imports": "imports",
  "/admin/users": "admin-users",
  "/admin/audit": "admin-audit",
};

/**
 * Every page `page`'s signed-in viewer can open, in `lang`. The page must be signed in; it is
 * left on the last page visited.
 */
export async function discoverSitePages(page: Page, lang: Lang): Promise<SitePage[]> {
  await page.goto(`/?lang=${lang}`);
  const found = new Map<string, SitePage>();
  const add = (name: string, url: string) => {
    if (![...found.values()].some((known) => known.name === name))
      found.set(name, { name, url: withLang(url, lang) });
  };
  for (const href of await hrefs(page, ".site-header__nav a")) {
    const pathname = new URL(href, "http://site.invalid").pathname;
    add(NAV_NAMES[pathname] ?? `nav${pathname.replace(/\W+/g, "-")}`, href);
  }
  if (found.has("communes") || [...found.keys()].some((name) => name.startsWith("nav-communes"))) {
    await page.goto(withLang("/communes", lang));
    const communeLinks = await hrefs(page, "main a[href^='/communes/']");
    expect(communeLinks.length, "the commune list links at least one commune").toBeGreaterThan(0);
    add("commune", communeLinks[0]!);
    const codes = communeLinks
      .map((href) => /\/communes\/(\d{5})/.exec(href)?.[1])
      .filter((code): code is string => code !== undefined)
      .slice(0, 3);
    add("compare", `/compare?${codes.map((code) => `commune=${code}`).join("&")}`);
  }
  if (found.has("quality")) {
    await page.goto(withLang("/quality", lang));
    const reasons = await hrefs(page, "table.quality-reasons tbody th a");
    if (reasons[0]) add("quality-rejects", reasons[0]);
  }
  if (found.has("imports")) {
    await page.goto(withLang("/imports", lang));
    const batches = await hrefs(page, "main a[href^='/imports/']:not([href^='/imports/new'])");
    if (batches[0]) add("import-batch", batches[0]);
    add("imports-new", "/imports/new");
  }
  return [...found.values()];
}
