// The streaming API benchmarks use: exact row counts, lazy generation, a streamed CSV file.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { ASSISTANCE_COLUMNS, generateAssistanceRows } from "~/lib/sample/assistance-rows";
import { loadSampleReference } from "~/lib/sample/load-sample-reference.server";
import type { SampleReference } from "~/lib/sample/sample-reference";
import { writeAssistanceCsv } from "~/lib/sample/write-sample.server";

const NOW = new Date("2026-12-01T00:00:00Z");
let reference: SampleReference;
beforeAll(async () => {
  reference = await loadSampleReference("68");
});

describe("generateAssistanceRows", () => {
  it("yields exactly the requested number of canonical rows", () => {
    let count = 0;
    for (const row of generateAssistanceRows({ reference, seed: 3, now: NOW, rows: 3_000 })) {
      expect(row).toHaveLength(ASSISTANCE_COLUMNS.length);
      count++;
    }
    expect(count).toBe(3_000);
  });

  it("is lazy: the first rows of a 2,000,000-row stream come at once", () => {
    const started = performance.now();
    const rows: string[][] = [];
    for (const row of generateAssistanceRows({ reference, seed: 1, now: NOW, rows: 2_000_000 })) {
      rows.push(row);
      if (rows.length === 1_000) break;
    }
    expect(rows[0]![0]).toBe("LD-2025-07-000001");
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("writeAssistanceCsv", () => {
  it("streams a parseable CSV with a header and N rows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "assistance-csv-"));
    try {
      const path = join(dir, "bench.csv");
      const result = await writeAssistanceCsv(path, { rows: 4_000, seed: 7, now: NOW, reference });
      expect(result.rows).toBe(4_000);
      const text = await readFile(path, "utf8");
      expect(Buffer.byteLength(text)).toBe(result.bytes);
      const records = parse(text, { columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(4_000);
      expect(Object.keys(records[0]!)).toEqual([...ASSISTANCE_COLUMNS]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
