// ADR 016: the layer rule in eslint.config.js must bite. A fixture importing two layers up is
// linted as if it sat in app/lib/privacy/ (its real folder is excluded from the normal lint run),
// and the application tree as it stands must lint clean under the same configuration.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "tests/fixtures/lint/upward-import.ts");
const LAYER_RULE = "@typescript-eslint/no-restricted-imports";

function layerMessages(results: ESLint.LintResult[]) {
  return results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId === LAYER_RULE),
  );
}

describe("the layer rule", () => {
  const eslint = new ESLint({ cwd: root });

  it("reports each import of a higher layer, naming both layers", async () => {
    const results = await eslint.lintText(fs.readFileSync(fixture, "utf8"), {
      filePath: path.join(root, "app/lib/privacy/upward-import.ts"),
    });
    const messages = layerMessages(results);
    expect(messages.map((message) => message.line)).toEqual([3, 4]);
    expect(messages[0]!.message).toContain("lib/privacy sits below lib/metrics");
    expect(messages[1]!.message).toContain("lib/privacy sits below pages");
    expect(messages.every((message) => message.severity === 2)).toBe(true);
  });

  it("reports a relative import that leaves its folder", async () => {
    const results = await eslint.lintText(
      'import { ratioOf } from "../metrics/registry";\n\nexport const up = ratioOf;\n',
      { filePath: path.join(root, "app/lib/charts/relative-escape.ts") },
    );
    expect(layerMessages(results)).toHaveLength(1);
  });

  it("lets the same import through from a layer above", async () => {
    const results = await eslint.lintText(fs.readFileSync(fixture, "utf8"), {
      filePath: path.join(root, "app/components/upward-import.ts"),
    });
    expect(layerMessages(results)).toEqual([]);
  });

  it("passes on the application tree as it stands", async () => {
    const results = await eslint.lintFiles(["app"]);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${path.relative(root, result.filePath)}: ${message.ruleId}`),
    );
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });
});
