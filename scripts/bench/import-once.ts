// Benchmark child: one importFile() of an assistance file, alone in its process so that its peak
// RSS is the importer's own. Usage: node --import tsx scripts/bench/import-once.ts TARGET_JSON FILE
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { importFile } from "~/lib/etl/import-file.server";
import { openBenchEngine, parseBenchTarget } from "./bench-target";
import { reportToParent } from "./child-report";

export interface ImportResult {
  summary: ImportSummary;
  /** importFile() wall time, engine opening excluded. */
  ms: number;
  /** RSS with the engine open, just before importFile(): what the import adds is above it. */
  rss_before_mb: number;
  max_rss_mb: number;
}

async function main(): Promise<void> {
  const [targetJson, file] = process.argv.slice(2);
  if (!file) throw new Error("bad arguments");
  const engine = await openBenchEngine(parseBenchTarget(targetJson));
  try {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const summary = await importFile(engine, {
      path: file,
      kind: "assistance",
      provinceCode: "68",
      loadedBy: "bench",
    });
    const ms = performance.now() - started;
    reportToParent({
      summary,
      ms: Math.round(ms),
      rss_before_mb: Math.round(rssBefore / 2 ** 20),
    });
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
