// Journeys 5 and 6: the health check a load balancer polls, and what a reader sees for a URL the
// app refuses (400, listed in their language) or does not know (404, in both languages).
import { describe, expect, it } from "vitest";
import { createTranslator } from "~/lib/i18n/translate";
import { baseUrl, saveScreenshot, withPage } from "./support/browser";
import { readHtmlLang } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

describe("/healthz", () => {
  it("answers 200 JSON with a reachable database, never cached", async () => {
    const response = await fetch(new URL("/healthz", baseUrl()));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      status: string;
      db: { ok: boolean; engine: string; latency_ms: number };
    };
    expect(body.status).toBe("ok");
    expect(body.db.ok).toBe(true);
    expect(body.db.engine).toMatch(/^(pglite|pg)/);
    expect(body.db.latency_ms).toBeGreaterThanOrEqual(0);
  });
});

describe("refused and unknown URLs", () => {
  it("sends a visitor without a session to the login page, keeping where they were going", async () => {
    const raw = await fetch(new URL("/?from=2025-13", baseUrl()), { redirect: "manual" });
    expect(raw.status).toBe(302);
    expect(raw.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/?from=2025-13")}`);
  });

  it("answers ?from=2025-13 with a 400 page naming the parameter, in Vietnamese", async () => {
    const vi = createTranslator("vi");
    await withPage({ javaScriptEnabled: true, expectedStatuses: [400] }, async (page) => {
      await signInAs(page, "leader");
      // The raw answer, with the session: an HTML 400, not a redirect.
      const raw = await page.request.get("/?from=2025-13", { maxRedirects: 0 });
      expect(raw.status()).toBe(400);
      expect(raw.headers()["content-type"]).toMatch(/^text\/html/);
      const response = await page.goto("/?from=2025-13", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(400);
      expect(await readHtmlLang(page)).toBe("vi");
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("error.badRequest.title"));
      const issues = await page.locator(".error-page__issues li").allInnerTexts();
      expect(issues.map((issue) => issue.trim())).toEqual([
        `from=2025-13 ${vi("filter.error.month")}`,
      ]);
      await saveScreenshot(page, "bad-request-vi");
    });
  });

  it("gives the same 400 in English for a reader who chose English", async () => {
    const en = createTranslator("en");
    await withPage({ javaScriptEnabled: false, expectedStatuses: [400] }, async (page) => {
      await signInAs(page, "leader");
      const response = await page.goto("/?from=2025-13&lang=en");
      expect(response?.status()).toBe(400);
      expect(await readHtmlLang(page)).toBe("en");
      expect((await page.locator("h1").innerText()).trim()).toBe(en("error.badRequest.title"));
      expect((await page.locator(".error-page__issues li").innerText()).trim()).toBe(
        `from=2025-13 ${en("filter.error.month")}`,
      );
      await saveScreenshot(page, "bad-request-en");
    });
  });

  it("answers an unknown page with a 404 explained in both languages", async () => {
    const vi = createTranslator("vi");
    const en = createTranslator("en");
    await withPage({ javaScriptEnabled: true, expectedStatuses: [404] }, async (page) => {
      const response = await page.goto("/khong-co-trang-nay", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(404);
      expect(await page.locator('.error-page section[lang="vi"]').innerText()).toContain(
        vi("error.notFound"),
      );
      expect(await page.locator('.error-page section[lang="en"]').innerText()).toContain(
        en("error.notFound"),
      );
      await saveScreenshot(page, "not-found");
    });
  });
});
