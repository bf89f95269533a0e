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
  /** Largest V8 heap (used) and off-heap memory (Buffers, WASM) seen, sampled every 100 ms. */
  peak_heap_used_mb: number;
  peak_external_mb: number;
  max_rss_mb: number;
}

/** Samples the process's memory split while fn runs: what the RSS peak is made of. */
async function sampleMemory<T>(fn: () => Promise<T>) {
  const peak = { heapUsed: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  const timer = setInterval(sample, 100);
  try {
    return { value: await fn(), peak };
  } finally {
    clearInterval(timer);
    sample();
  }
}

async function main(): Promise<void> {
  const [targetJson, file] = process.argv.slice(2);
  if (!file) throw new Error("bad arguments");
  const engine = await openBenchEngine(parseBenchTarget(targetJson));
  try {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { value: summary, peak } = await sampleMemory(() =>
      importFile(engine, { path: file, kind: "assistance", provinceCode: "68", loadedBy: "bench" }),
    );
    const ms = performance.now() - started;
    reportToParent({
      summary,
      ms: Math.round(ms),
      rss_before_mb: Math.round(rssBefore / 2 ** 20),
      peak_heap_used_mb: Math.round(peak.heapUsed / 2 ** 20),
      peak_external_mb: Math.round(peak.external / 2 ** 20),
    });
  } finally {
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
