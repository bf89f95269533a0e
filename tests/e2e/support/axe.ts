// axe-core in the page under test. The app's CSP allows only scripts with the page's nonce, so
// the source is not added as a <script>: it is evaluated through the DevTools protocol (as
// page.evaluate does), which CSP does not govern. Every rule of axe's default set runs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let source: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** How many elements break the rule, and the selectors of the first few. */
  count: number;
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<AxeResult> };
  }
}

/** The violations of axe's default rules on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(source);
  const result = await page.evaluate(() =>
    window.axe!.run(document, { resultTypes: ["violations"] }),
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    count: violation.nodes.length,
    targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
  }));
}
