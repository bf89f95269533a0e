// The CLI's contract: exit 2 with usage on bad arguments, exit 0 and a summary on success.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

async function generateSample(args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/generate-sample.ts", ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("scripts/generate-sample.ts", () => {
  it("exits 2 with the usage on an unknown flag, a missing --out or months past --now", async () => {
    const cases = [
      ["--out", "/tmp/never", "--colour", "blue"],
      ["--months", "3"],
      ["--out", "/tmp/never", "--months", "20", "--now", "2026-11-29T00:00:00Z"],
    ];
    const results = await Promise.all(cases.map(generateSample));
    results.forEach((result, i) => {
      expect(result.code, cases[i]!.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: npm run generate-sample");
    });
  });

  it("writes the files and prints rows per kind", async () => {
    const out = await mkdtemp(join(tmpdir(), "sample-cli-"));
    try {
      const result = await generateSample([
        "--out",
        out,
        "--months",
        "2",
        "--scale",
        "0.02",
        "--seed",
        "5",
        "--now",
        "2025-09-10T00:00:00Z",
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/assistance\s+2 files\s+[\d,]+ rows/);
      expect(result.stdout).toMatch(/Done in \d+\.\d s/);
      expect((await readdir(out)).sort()).toEqual([
        "assistance-2025-07.csv",
        "assistance-2025-08.csv",
        "dossiers-2025-07.csv",
        "dossiers-2025-08.csv",
        "manifest.json",
        "population-2025.csv",
        "shifts-2025-07.csv",
        "shifts-2025-08.csv",
      ]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
