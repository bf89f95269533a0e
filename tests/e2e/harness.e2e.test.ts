// The harness itself: withPage must fail a test whose page logged an error, threw, or had a
// failed request, or every "no errors" check in the journeys would pass vacuously.
import { describe, expect, it } from "vitest";
import { withPage, type PageProblems } from "./support/browser";

describe("withPage", () => {
  it("reports console errors, uncaught page errors and failed requests", async () => {
    let seen: PageProblems | undefined;
    await expect(
      withPage({ javaScriptEnabled: true }, async (page, problems) => {
        seen = problems;
        await page.goto("/healthz");
        await page.evaluate(async () => {
          console.error("e2e harness check");
          setTimeout(() => {
            throw new Error("e2e uncaught");
          });
          await fetch("/build/no-such-file.js").catch(() => undefined);
        });
        await expect.poll(() => seen!.page_errors.length).toBe(1);
      }),
    ).rejects.toThrow(/console errors, page errors or failed requests/);
    expect(seen!.console_errors.some((text) => text.includes("e2e harness check"))).toBe(true);
    expect(seen!.page_errors[0]).toContain("e2e uncaught");
    expect(seen!.failed_requests.some((text) => text.includes("no-such-file.js: HTTP 404"))).toBe(
      true,
    );
  });
});
