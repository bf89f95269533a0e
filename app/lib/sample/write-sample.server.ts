// Writes the sample's files and manifest.json to a directory, streaming each file so that any
// --scale fits in memory; and writes a single assistance CSV of N rows for benchmarks.
import { createWriteStream } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";

import {
  assistanceHeader,
  generateAssistanceRows,
  type AssistanceStreamOptions,
} from "./assistance-rows";
import { formatCsvLine } from "./csv-line";
import { loadSampleReference } from "./load-sample-reference.server";
import type { SampleOptions } from "./sample-options";
import {
  planSampleFiles,
  renderSampleFile,
  type SampleFileKind,
  type SampleFileStats,
  type SampleManifest,
} from "./sample-files";
import { buildSamplePlan } from "./sample-plan";
import type { SampleReference } from "./sample-reference";

export interface SampleSummary {
  outDir: string;
  manifest: SampleManifest;
  rowsByKind: Record<SampleFileKind, number>;
  anomalyRowsByKind: Record<SampleFileKind, number>;
  bytes: number;
  /** Files already in the directory that this sample did not write (left untouched). */
  strayFiles: string[];
  elapsedMs: number;
}

const FLUSH_BYTES = 1 << 16;

/** Writes text chunks to a file with back-pressure, in ~64 kB writes. Returns the byte count. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const stream = createWriteStream(path, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  let buffer = "";
  let bytes = 0;
  const flush = async () => {
    bytes += Buffer.byteLength(buffer);
    if (!stream.write(buffer)) await Promise.race([once(stream, "drain"), failed]);
    buffer = "";
  };
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= FLUSH_BYTES) await flush();
  }
  if (buffer.length > 0) await flush();
  stream.end();
  await Promise.race([once(stream, "finish"), failed]);
  return bytes;
}

export async function writeSample(
  options: SampleOptions,
  reference?: SampleReference,
): Promise<SampleSummary> {
  const started = performance.now();
  const ref = reference ?? (await loadSampleReference(options.province));
  const plan = buildSamplePlan(ref, {
    seed: options.seed,
    scale: options.scale,
    months: options.months,
    now: options.now,
  });
  await mkdir(options.out, { recursive: true });
  const manifest: SampleManifest = {
    generator: "cau-noi-so generate-sample",
    synthetic: true,
    options: {
      province: options.province,
      seed: options.seed,
      months: options.months,
      scale: options.scale,
      now: options.now.toISOString(),
    },
    files: [],
  };
  const rowsByKind: Record<SampleFileKind, number> = {
    population: 0,
    assistance: 0,
    shifts: 0,
    dossiers: 0,
  };
  const anomalyRowsByKind = { ...rowsByKind };
  let bytes = 0;
  for (const file of planSampleFiles(plan)) {
    const stats: SampleFileStats = { rows: 0, anomalies: {} };
    bytes += await writeChunks(join(options.out, file.file), renderSampleFile(plan, file, stats));
    const anomalies = Object.fromEntries(
      Object.entries(stats.anomalies).sort(([a], [b]) => a.localeCompare(b)),
    );
    const { file: name, kind, month, ...layout } = file;
    manifest.files.push({ file: name, kind, month, rows: stats.rows, anomalies, ...layout });
    rowsByKind[file.kind] += stats.rows;
    anomalyRowsByKind[file.kind] += Object.values(anomalies).reduce((a, b) => a + b, 0);
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(options.out, "manifest.json"), manifestText, "utf8");
  bytes += Buffer.byteLength(manifestText);
  const written = new Set(["manifest.json", ...manifest.files.map((f) => f.file)]);
  const strayFiles = (await readdir(options.out)).filter((name) => !written.has(name)).sort();
  return {
    outDir: options.out,
    manifest,
    rowsByKind,
    anomalyRowsByKind,
    bytes,
    strayFiles,
    elapsedMs: performance.now() - started,
  };
}

export type AssistanceCsvOptions = Omit<AssistanceStreamOptions, "reference" | "now" | "rows"> & {
  rows: number;
  /** Defaults to the current time: no row is dated after it. */
  now?: Date;
  province?: string;
  reference?: SampleReference;
};

/** Streams an assistance CSV of (up to) `rows` data rows to `path`, for benchmarks. */
export async function writeAssistanceCsv(
  path: string,
  options: AssistanceCsvOptions,
): Promise<{ rows: number; bytes: number }> {
  const reference = options.reference ?? (await loadSampleReference(options.province ?? "68"));
  const layout = options.layout ?? "en";
  const delimiter = layout === "vi" ? ";" : ",";
  let rows = 0;
  function* lines(): Generator<string> {
    yield formatCsvLine(assistanceHeader(layout), delimiter);
    for (const row of generateAssistanceRows({
      ...options,
      reference,
      now: options.now ?? new Date(),
    })) {
      rows++;
      yield formatCsvLine(row, delimiter);
    }
  }
  const bytes = await writeChunks(path, lines());
  return { rows, bytes };
}
