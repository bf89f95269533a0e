// The Content-Security-Policy in a real browser: every page loads and triggers no CSP violation,
// caught both as `securitypolicyviolation` events and as Chromium's "Refused to …" console
// messages; pages that ship scripts prove they ran (Remix's inline scripts carry the nonce, or,
// on a page the page cache replays, are listed by hash: ADR 010).
// The pages are visited signed in as an admin through the demo sign-in when the server offers
// it, so they render in full; the sign-in form post also passes the CSRF check on the way.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "./support/browser";

/** Pages the page cache keeps (handle.pageCache): visited a second time, they are replayed. */
const CACHED_ROUTES = [
  "/",
  "/communes",
  "/communes/24778",
  "/compare?commune=24778&commune=24781",
  "/methodology",
  "/report?commune=24778",
] as const;

/** Every page route of the app. A page not built yet answers 404, which is fine here. */
const PAGE_ROUTES = [
  "/",
  "/?lang=en",
  "/imports",
  "/imports/new",
  "/imports/1",
  "/communes",
  "/communes/24778",
  "/compare",
  "/compare?commune=24778&commune=24781",
  "/quality",
  "/quality/rejects",
  "/methodology",
  "/report",
  "/report?commune=24778",
  "/admin/users",
  "/admin/audit",
  "/login",
] as const;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

interface PageReport {
  route: string;
  status: number;
  /** script-src is 'self' plus this response's nonce or its inline scripts' hashes. */
  policy_ok: boolean;
  /** X-Page-Cache: "hit", "miss", or null for a page the cache does not keep. */
  page_cache: string | null;
  /** Inline scripts without the nonce, or present but not run (hydration failed). */
  script_problems: string[];
  violations: Violation[];
  refused: string[];
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
    __remixContext?: unknown;
    __remixRouteModules?: unknown;
  }
}

/** Runs in every document before its own scripts, so even violations during parsing count. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    });
  });
}

/**
 * Waits until no request has been in flight for half a second. Remix fetches route manifests
 * (/__manifest) after hydration; leaving the page before they finish would abort them, which
 * withPage rightly reports as failed requests.
 */
function trackRequests(page: Page): () => Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return async () => {
    const deadline = Date.now() + 15_000;
    while (inFlight > 0 || Date.now() - lastChange < 500) {
      if (Date.now() > deadline) throw new Error(`${inFlight} request(s) still in flight`);
      await page.waitForTimeout(100);
    }
  };
}

/** Signs in as the demo admin when the login page offers it; returns whether it did. */
async function signInAsDemoAdmin(page: Page, settle: () => Promise<void>): Promise<boolean> {
  await page.goto("/login", { waitUntil: "networkidle" });
  await settle();
  const button = page.locator(
    "form:has(input[name=role][value=admin]) button[name=intent][value=demo]",
  );
  if ((await button.count()) === 0) return false;
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), button.first().click()]);
  await settle();
  return true;
}

async function visit(
  page: Page,
  settle: () => Promise<void>,
  route: string,
  refused: string[],
): Promise<PageReport> {
  refused.length = 0;
  const response = await page.goto(route, { waitUntil: "networkidle" });
  if (!response) throw new Error(`${route}: no response`);
  await settle();
  const headers = await response.allHeaders();
  const policy = headers["content-security-policy"] ?? "";
  const scripts = await page.evaluate(() => {
    const all = [...document.querySelectorAll("script")];
    return {
      // Pages whose routes opt out of hydration ship no Remix module script at all.
      remix: all.some((s) => s.type === "module"),
      // The nonce property survives the browser hiding the attribute.
      without_nonce: all.filter((s) => !s.src && !s.nonce).map((s) => s.outerHTML.slice(0, 80)),
      ran:
        typeof window.__remixContext === "object" && typeof window.__remixRouteModules === "object",
    };
  });
  return {
    route,
    status: response.status(),
    policy_ok:
      /script-src 'self'( '(nonce|sha256)-[A-Za-z0-9+/]+=*')+(;|$)/.test(policy) &&
      !/script-src[^;]*'unsafe-inline'/.test(policy),
    page_cache: headers["x-page-cache"] ?? null,
    script_problems: [
      ...scripts.without_nonce,
      ...(scripts.remix && !scripts.ran ? ["Remix's scripts present but not run"] : []),
    ],
    violations: await page.evaluate(() => window.__cspViolations ?? []),
    refused: [...refused],
  };
}

describe("Content-Security-Policy", () => {
  it("lets every page run its scripts without a single violation", async () => {
    await withPage({ expectedStatuses: [401, 403, 404] }, async (page) => {
      await recordViolations(page);
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Refused to|Content Security Policy/i.test(message.text()))
          refused.push(message.text());
      });
      const settle = trackRequests(page);
      const signedIn = await signInAsDemoAdmin(page, settle);
      const reports: PageReport[] = [];
      for (const route of PAGE_ROUTES) reports.push(await visit(page, settle, route, refused));
      const replayed: PageReport[] = [];
      if (signedIn) {
        for (const route of CACHED_ROUTES) replayed.push(await visit(page, settle, route, refused));
      }
      if (!signedIn) console.warn("[e2e] csp: no demo sign-in offered; pages checked anonymously");

      for (const report of reports) {
        expect(report.status, report.route).toBeLessThan(500);
      }
      expect(reports.filter((r) => !r.policy_ok).map((r) => r.route)).toEqual([]);
      // The second visit of a kept page is a replay, and its scripts run under the hash policy.
      expect(replayed.filter((r) => r.page_cache !== "hit").map((r) => r.route)).toEqual([]);
      const problems = [...reports, ...replayed].filter(
        (r) => r.script_problems.length + r.violations.length + r.refused.length > 0,
      );
      expect(problems).toEqual([]);
    });
  });
});
