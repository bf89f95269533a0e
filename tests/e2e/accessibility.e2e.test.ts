// axe-core on every page each role can reach, at 1366 and 390 px wide, in Vietnamese and English
// (issue 12, item 9): no violation of axe's default rules. The results, page by page, are also
// written to tests/e2e/artifacts/axe-results.json for the review note.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/auth/policy";
import type { Lang } from "~/lib/i18n/languages";
import { ARTIFACTS_DIR } from "./support/app-server";
import { runAxe, type AxeViolation } from "./support/axe";
import { withPage } from "./support/browser";
import { signInAs } from "./support/sign-in";
import { discoverSitePages } from "./support/site-pages";

const ROLES: Role[] = ["leader", "secretary", "analyst", "admin"];
const WIDTHS = [1366, 390] as const;
const LANGS: Lang[] = ["vi", "en"];

interface PageResult {
  role: Role;
  width: number;
  lang: Lang;
  page: string;
  url: string;
  violations: AxeViolation[];
}

const results: PageResult[] = [];

async function saveResults(): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await writeFile(
    path.join(ARTIFACTS_DIR, "axe-results.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

describe("accessibility (axe-core)", () => {
  const cases = ROLES.flatMap((role) => WIDTHS.map((width) => ({ role, width })));
  // Some 20 pages, each checked in two languages: minutes on a busy two-core machine.
  it.each(cases)(
    "has no axe violation on a page the role $role can open at $width px, in vi and en",
    async ({ role, width }) => {
      await withPage({ viewport: { width, height: 844 }, mobile: width < 500 }, async (page) => {
        // A secretary would land on their own commune; the overview is the common start.
        await signInAs(page, role, "/?lang=vi");
        for (const lang of LANGS) {
          for (const site of await discoverSitePages(page, lang)) {
            const response = await page.goto(site.url);
            expect(response?.status(), site.url).toBe(200);
            const violations = await runAxe(page);
            results.push({ role, width, lang, page: site.name, url: site.url, violations });
            await saveResults();
          }
        }
      });
      const mine = results.filter((result) => result.role === role && result.width === width);
      expect(mine.length, "pages checked").toBeGreaterThan(0);
      const failing = mine
        .filter((result) => result.violations.length > 0)
        .map(
          (result) =>
            `${result.lang} ${result.page}: ${result.violations
              .map((violation) => `${violation.id} ×${violation.count} ${violation.targets[0]}`)
              .join("; ")}`,
        );
      expect(failing).toEqual([]);
    },
    600_000,
  );
});
