// The real calendar (issue 12, item 1; ADR 020): the demo's sample runs to today, so the month
// under way is partial. A leader opening the overview and the report must not meet it as a whole
// month: the default period and the report end at the latest complete month and say what they
// left out; asked for, the running month is starred, hatched and compared with nothing.
import { describe, expect, it } from "vitest";
import { vietnamDate } from "~/lib/calendar/month-status";
import { getFormatter } from "~/lib/i18n/formatter";
import { withPage } from "./support/browser";
import { signInAs } from "./support/sign-in";

const running = vietnamDate(new Date()).slice(0, 7);
const vi = getFormatter("vi");

describe("periods on the real calendar", () => {
  it("leaves the running month out of the default period and marks it when asked for", async () => {
    await withPage({}, async (page) => {
      await signInAs(page, "leader");
      await page.goto("/?period=3m", { waitUntil: "networkidle" });
      const period = await page.locator(".overview__period").innerText();
      expect(period).not.toContain(vi.monthLong(running));
      const notice = page.locator('p.notice[role="note"]', { hasText: vi.monthNumeric(running) });
      await expect.poll(() => notice.count()).toBe(1);
      expect(await notice.innerText()).toContain("chưa kết thúc");

      // The notice's link asks for the period through the running month.
      await notice.locator("a").click();
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).searchParams.get("to")).toBe(running);
      const open = page.locator('div.notice[role="note"] li', {
        hasText: vi.monthNumeric(running),
      });
      expect(await open.count()).toBe(1);
      // Compared with nothing: no tile shows a change, and the note says why.
      expect(await page.locator(".kpi-grid__note").innerText()).toContain("chưa đủ số liệu");
      // The running month's tick is starred in the cases chart and its bar hatched.
      const ticks = await page
        .locator("#trend-heading ~ * svg text")
        .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ""));
      expect(ticks.some((text) => text.includes("*"))).toBe(true);
      expect(await page.locator('svg pattern[id="cns-open-month-hatch"]').count()).toBeGreaterThan(
        0,
      );
    });
  });

  it("opens the monthly report on the latest complete month", async () => {
    await withPage({}, async (page) => {
      await signInAs(page, "leader");
      await page.goto("/report", { waitUntil: "networkidle" });
      const heading = await page.locator("#report-heading").innerText();
      expect(heading).not.toContain(vi.monthNumeric(running));
      expect(await page.locator(".report__head .notice").first().innerText()).toContain(
        vi.monthLong(running),
      );
    });
  });
});
