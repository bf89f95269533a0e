// Debian's Chromium driven by playwright-core (no downloaded browsers). Every page gets a fresh
// context (no cookies, so no remembered language) and records what went wrong in it: console
// errors, uncaught page errors, failed requests and HTTP error responses. withPage fails the
// test when any of them happened, unless the test said that status was expected.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { ARTIFACTS_DIR } from "./app-server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };
export const MOBILE_VIEWPORT = { width: 390, height: 844 };

let shared: Browser | undefined;

async function getBrowser(): Promise<Browser> {
  shared ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return shared;
}

/** Closes the browser launched for the current test file (see close-browser-after-file.ts). */
export async function closeBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await browser?.close();
}

export function baseUrl(): string {
  return inject("e2eBaseUrl");
}

export interface PageProblems {
  console_errors: string[];
  page_errors: string[];
  failed_requests: string[];
}

export interface PageOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** HTTP statuses ≥ 400 the test expects (e.g. 400 for a refused URL); not reported. */
  expectedStatuses?: number[];
  /** Phone emulation (mobile viewport meta, touch), for the small-screen checks. */
  mobile?: boolean;
}

function watchPage(
  page: Page,
  expectedStatuses: readonly number[],
  javaScriptEnabled: boolean,
): PageProblems {
  const problems: PageProblems = { console_errors: [], page_errors: [], failed_requests: [] };
  const expectedLoadError = new RegExp(
    `Failed to load resource: the server responded with a status of (${expectedStatuses.join("|") || "none"})\\b`,
  );
  page.on("console", (message) => {
    if (message.type() !== "error" || expectedLoadError.test(message.text())) return;
    problems.console_errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.page_errors.push(String(error.stack ?? error)));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    // With JavaScript off, Chromium refuses the page's scripts (and their preloads) this way.
    if (!javaScriptEnabled && reason === "csp" && request.resourceType() === "script") return;
    // Remix looks up the routes of the links on a page (/__manifest) in the background; leaving
    // the page cancels a lookup still in flight, which is not a failure of the app.
    // The same for the favicon, which Chromium fetches on its own after the page has loaded:
    // a quick navigation (a page now answered from the page cache) cancels it.
    const background = ["/__manifest", "/favicon.svg"];
    if (reason === "net::ERR_ABORTED" && background.includes(new URL(request.url()).pathname))
      return;
    problems.failed_requests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on("response", (response) => {
    const status = response.status();
    if (status >= 400 && !expectedStatuses.includes(status)) {
      problems.failed_requests.push(
        `${response.request().method()} ${response.url()}: HTTP ${status}`,
      );
    }
  });
  return problems;
}

/**
 * Runs `run` with a new page in a fresh browser context, then asserts the page logged no
 * console error, threw no uncaught error and had no failed request.
 */
export async function withPage<T>(
  options: PageOptions,
  run: (page: Page, problems: PageProblems) => Promise<T>,
): Promise<T> {
  const browser = await getBrowser();
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled,
    viewport: options.viewport ?? DESKTOP_VIEWPORT,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    // 1 even on "phones": a 2× full-page shot of the long ranking takes ~10 s on two cores.
    deviceScaleFactor: 1,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  context.setDefaultTimeout(15_000);
  try {
    const page = await context.newPage();
    const problems = watchPage(page, options.expectedStatuses ?? [], javaScriptEnabled);
    let result: T;
    try {
      result = await run(page, problems);
    } catch (error) {
      // Often the real cause of a failed assertion (a crashed hydration, a 500 on a fetch).
      if (Object.values(problems).some((list) => list.length > 0)) {
        console.error("[e2e] browser problems on this page:", problems);
      }
      throw error;
    }
    expect(problems, "console errors, page errors or failed requests").toEqual({
      console_errors: [],
      page_errors: [],
      failed_requests: [],
    });
    return result;
  } finally {
    await context.close();
  }
}

/** Writes a full-page screenshot to tests/e2e/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Counts the full-page (document) loads from now on: with JavaScript on, Remix navigates
 * without them; with it off, every navigation is one.
 */
export function countDocumentLoads(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.resourceType() === "document" && request.frame() === page.mainFrame()) count += 1;
  });
  return () => count;
}
