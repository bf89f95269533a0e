// Loads a small generated sample into a test database through the real ETL (files written by the
// sample generator, imported with importFile, the mart refreshed by each batch), so page tests
// check their numbers against data that went the whole way a user's files go.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { importFile } from "~/lib/etl/import-file.server";
import { writeSample } from "~/lib/sample/write-sample.server";
import type { TestDatabase } from "../../support/test-db";

export interface SampleLoadOptions {
  /** Months from July 2025 (14 reach the same month a year earlier). */
  months: number;
  /** Fraction of the full sample's volume; small keeps the test quick. */
  scale: number;
  seed?: number;
}

export async function loadSampleThroughEtl(
  t: TestDatabase,
  { months, scale, seed = 1 }: SampleLoadOptions,
): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), "cns-sample-"));
  try {
    // "now" is the last day of the last month, so every sample month is complete.
    const lastMonthIndex = 2025 * 12 + 6 + months - 1;
    const now = new Date(
      Date.UTC(Math.floor((lastMonthIndex + 1) / 12), (lastMonthIndex + 1) % 12, 1) - 3_600_000,
    );
    const sample = await writeSample({ province: "68", months, seed, scale, now, out });
    for (const entry of sample.manifest.files) {
      await importFile(t.engine, {
        path: path.join(out, entry.file),
        kind: entry.kind,
        provinceCode: "68",
        loadedBy: "test",
      });
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
