// Benchmark child: the baseline. Bulk-loads a generated assistance CSV into a bare table (the same
// columns, all text, no constraints, no indexes) in one transaction, streamed in chunks through
// the engine's copyCsv: the path the importer stages through, without reading, normalizing or
// merging anything. With a fifth argument "indexed", the table has core.assistance's key and
// indexes (the indexed ceiling, a reference figure).
// Usage: node --import tsx scripts/bench/copy-baseline.ts TARGET_JSON FILE TABLE CHUNK_CHARS [indexed]
import { BARE_COLUMNS, createBareTableSql } from "./bare-table";
import { openBenchEngine, parseBenchTarget } from "./bench-target";
import { reportToParent } from "./child-report";
import { readCsvChunks } from "./csv-chunks";

export interface BaselineResult {
  rows: number;
  chunks: number;
  ms: number;
  max_rss_mb: number;
}

async function main(): Promise<void> {
  const [targetJson, file, table, chunkText, variant] = process.argv.slice(2);
  if (!file || !table) throw new Error("bad arguments");
  const chunkChars = Number(chunkText);
  const engine = await openBenchEngine(parseBenchTarget(targetJson));
  const session = await engine.acquire();
  try {
    await session.exec(createBareTableSql(table, { indexed: variant === "indexed" }));
    const started = performance.now();
    let rows = 0;
    let chunks = 0;
    await session.query("begin");
    for await (const csv of readCsvChunks(file, chunkChars)) {
      rows += await session.copyCsv(table, BARE_COLUMNS, csv);
      chunks++;
    }
    await session.query("commit");
    const ms = performance.now() - started;
    await session.exec(`drop table ${table}`);
    reportToParent({ rows, chunks, ms: Math.round(ms) });
  } finally {
    session.release();
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
