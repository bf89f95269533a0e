// No page links to a page the viewer's role cannot open (issue 12, item 4): signed in as each demo
// role, follow every same-site link of every reachable page and expect no 403 (nor any other
// error). The crawl is bounded: URLs are deduplicated by route (codes and ids as placeholders) and
// the names of their query parameters, a few of each are fetched, downloads and sign-out are
// skipped; it must still reach every page route the role may open.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/auth/policy";
import { withPage } from "./support/browser";
import { signInAs } from "./support/sign-in";

/** URLs fetched per route and set of query-parameter names. */
const PER_SHAPE = 2;
/** Pages fetched per role at most. */
const MAX_PAGES = 160;

// Links that are not pages: files, the API, the sign-out form's target.
const NOT_A_PAGE = [/\/download$/, /\.(csv|xlsx|arrow|parquet|json)$/, /^\/api\//, /^\/logout$/];

/** The route a path belongs to: commune codes and batch ids become placeholders. */
function routeOf(pathname: string): string {
  return pathname
    .replace(/^\/communes\/[^/]+/, "/communes/:code")
    .replace(/^\/imports\/\d+/, "/imports/:id");
}

function shapeOf(url: URL): string {
  const names = [...new Set(url.searchParams.keys())].filter((name) => name !== "lang").sort();
  return `${routeOf(url.pathname)}?${names.join("&")}`;
}

/** The URL with its query sorted (and no fragment): the key two links are the same page by. */
function normalised(url: URL): string {
  const params = [...url.searchParams].sort(([a, av], [b, bv]) =>
    a === b ? av.localeCompare(bv) : a.localeCompare(b),
  );
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** Every href of an <a> element in the HTML (attribute values unescaped). */
function linksIn(html: string): string[] {
  const hrefs: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
    hrefs.push(match[1]!.replaceAll("&amp;", "&"));
  }
  return hrefs;
}

interface CrawlResult {
  visited: number;
  routes: Set<string>;
  failures: string[];
}

async function crawl(page: Page, start: string): Promise<CrawlResult> {
  const origin = new URL(page.url()).origin;
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const queue: Array<{ url: URL; from: string }> = [{ url: new URL(start, origin), from: "start" }];
  const routes = new Set<string>();
  const failures: string[] = [];
  let visited = 0;
  while (queue.length > 0 && visited < MAX_PAGES) {
    const { url, from } = queue.shift()!;
    const key = normalised(url);
    const shape = shapeOf(url);
    if (seen.has(key) || (perShape.get(shape) ?? 0) >= PER_SHAPE) continue;
    seen.add(key);
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const response = await page.request.get(url.toString(), { maxRedirects: 5 });
    visited += 1;
    if (response.status() >= 400) {
      failures.push(`${response.status()} ${url.pathname}${url.search} (linked from ${from})`);
      continue;
    }
    const landed = new URL(response.url());
    routes.add(routeOf(landed.pathname));
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    for (const href of linksIn(await response.text())) {
      const next = new URL(href, landed);
      next.hash = "";
      if (next.origin !== origin) continue;
      if (NOT_A_PAGE.some((pattern) => pattern.test(next.pathname))) continue;
      queue.push({ url: next, from: `${landed.pathname}${landed.search}` });
    }
  }
  return { visited, routes, failures };
}

// The page routes each role may open: the crawl must reach all of them from its home page.
const SHARED = ["/", "/communes", "/communes/:code", "/compare", "/report", "/methodology"];
const ROUTES: Record<Role, string[]> = {
  leader: [...SHARED, "/quality", "/quality/rejects"],
  secretary: SHARED,
  analyst: [...SHARED, "/quality", "/quality/rejects", "/imports", "/imports/:id", "/imports/new"],
  admin: [
    ...SHARED,
    "/quality",
    "/quality/rejects",
    "/quality/vocabulary",
    "/imports",
    "/imports/:id",
    "/imports/new",
    "/admin/users",
    "/admin/audit",
  ],
};

describe("every link a role is shown opens", () => {
  for (const role of ["leader", "secretary", "analyst", "admin"] as const) {
    it(`as ${role}: no link on any reachable page ends in a 403`, async () => {
      await withPage({ javaScriptEnabled: false }, async (page) => {
        await signInAs(page, role, "/?lang=vi");
        const result = await crawl(page, "/");
        console.log(
          `[crawl] ${role}: ${result.visited} pages, ${result.routes.size} routes, ` +
            `${result.failures.length} failures`,
        );
        expect(result.failures).toEqual([]);
        expect([...result.routes].sort()).toEqual(expect.arrayContaining(ROUTES[role]));
        expect(result.visited, "the crawl went beyond the home page").toBeGreaterThan(10);
      });
    });
  }
});
