// From the raw measurements of one benchmark run to its figures: rates, the import ÷ baseline
// ratio, the targets (PASS/MISS) and the checks that the run itself behaved as expected.
import type { ImportSummary } from "~/lib/etl/batch-summary";
import type { BaselineResult } from "./copy-baseline";
import type { CpuProfileSummary } from "./cpu-profile-summary";
import type { ImportResult } from "./import-once";

export type StepKey =
  | "baseline_before"
  | "psql_copy"
  | "indexed_copy"
  | "import"
  | "reimport_unchanged"
  | "reimport_all_unchanged"
  | "baseline_after";

export interface BenchMeasurements {
  engine: "pg" | "pglite";
  engineVersion: string;
  maxOldSpaceSizeMb: number | null;
  file: string;
  fileBytes: number;
  generatedMs: number | null;
  cpus: number;
  loadStart: string;
  loadEnd: string;
  /** Load average (1/5/15 min) right after each step. */
  loadAfter: Partial<Record<StepKey, string>>;
  chunkChars: number;
  baselineBefore: BaselineResult;
  baselineAfter: BaselineResult;
  psqlCopy: { rows: number; ms: number } | null;
  /** COPY into the same table with core.assistance's key and indexes: the indexed ceiling. */
  indexedCopy: BaselineResult;
  firstImport: ImportResult;
  sameFile: ImportResult;
  newHash: ImportResult;
  cpuProfile: (CpuProfileSummary & { file: string }) | null;
}

export interface BenchStep {
  step: StepKey;
  label: string;
  rows: number;
  s: number;
  /** null for a re-import that read nothing (already_loaded). */
  rows_per_s: number | null;
  /** null for psql, whose memory is not the importer's. */
  peak_rss_mb: number | null;
  load: string;
}

export interface TargetCheck {
  name: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean;
}

const MB = 2 ** 20;

export const rate = (rows: number, ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms) : 0);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

type Counts = Pick<
  ImportSummary,
  "status" | "rows" | "inserted" | "updated" | "unchanged" | "rejected"
>;

export function describeCounts(s: Counts): string {
  const n = (v: number) => v.toLocaleString("en");
  return `${s.status}: ${n(s.rows)} read, ${n(s.inserted)} inserted, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected`;
}

/** What went wrong with the run itself (not a missed target): any makes the bench exit 1. */
function findProblems(m: BenchMeasurements): string[] {
  const problems: string[] = [];
  const first = m.firstImport.summary;
  if (first.status !== "loaded") problems.push(`the import ended ${first.status}`);
  if (m.baselineBefore.rows !== first.rows || m.baselineAfter.rows !== first.rows) {
    problems.push(
      `the baseline copied ${m.baselineBefore.rows}/${m.baselineAfter.rows} rows, the import read ${first.rows}`,
    );
  }
  if (m.sameFile.summary.status !== "already_loaded") {
    problems.push(`re-importing the same file gave ${m.sameFile.summary.status}`);
  }
  const again = m.newHash.summary;
  if (
    again.status !== "loaded" ||
    again.unchanged !== first.inserted + first.updated ||
    again.inserted + again.updated !== 0
  ) {
    problems.push(`the same rows under a new hash gave ${describeCounts(again)}`);
  }
  return problems;
}

export function computeBenchResult(m: BenchMeasurements) {
  const first = m.firstImport;
  const rows = first.summary.rows;
  // The mean of a baseline before and one after the import, so a load change on a shared machine
  // during the run moves the baseline less.
  const baselineRate = rate(
    m.baselineBefore.rows + m.baselineAfter.rows,
    m.baselineBefore.ms + m.baselineAfter.ms,
  );
  const importRate = rate(rows, first.ms);
  const ratio = baselineRate > 0 ? round(importRate / baselineRate, 2) : 0;
  const sameFileS = round(m.sameFile.ms / 1000, 2);
  const newHashRate = rate(m.newHash.summary.rows, m.newHash.ms);
  const psqlRate = m.psqlCopy ? rate(m.psqlCopy.rows, m.psqlCopy.ms) : 0;

  const load = (step: StepKey) => m.loadAfter[step] ?? "";
  const baselineStep = (step: StepKey, label: string, b: BaselineResult): BenchStep => ({
    step,
    label,
    rows: b.rows,
    s: round(b.ms / 1000, 2),
    rows_per_s: rate(b.rows, b.ms),
    peak_rss_mb: b.max_rss_mb,
    load: load(step),
  });
  const importStep = (step: StepKey, label: string, r: ImportResult): BenchStep => ({
    step,
    label,
    rows: r.summary.rows,
    s: round(r.ms / 1000, 2),
    rows_per_s: r.summary.status === "already_loaded" ? null : rate(r.summary.rows, r.ms),
    peak_rss_mb: r.max_rss_mb,
    load: load(step),
  });
  const steps: BenchStep[] = [
    baselineStep("baseline_before", "baseline COPY (before)", m.baselineBefore),
    ...(m.psqlCopy
      ? [
          {
            step: "psql_copy" as const,
            label: "psql \\copy (reference)",
            rows: m.psqlCopy.rows,
            s: round(m.psqlCopy.ms / 1000, 2),
            rows_per_s: psqlRate,
            peak_rss_mb: null,
            load: load("psql_copy"),
          },
        ]
      : []),
    baselineStep("indexed_copy", "COPY, core's key + indexes (ceiling)", m.indexedCopy),
    importStep("import", "import", first),
    importStep("reimport_unchanged", "re-import, same file", m.sameFile),
    importStep("reimport_all_unchanged", "re-import, new hash", m.newHash),
    baselineStep("baseline_after", "baseline COPY (after)", m.baselineAfter),
  ];

  const targets: TargetCheck[] = [
    { name: "ratio import ÷ baseline", value: ratio, unit: "", goal: "≥ 0.5", pass: ratio >= 0.5 },
    {
      name: "import peak RSS",
      value: first.max_rss_mb,
      unit: " MB",
      goal: "≤ 300 MB",
      pass: first.max_rss_mb <= 300,
    },
    {
      name: "unchanged re-import",
      value: sameFileS,
      unit: " s",
      goal: "< 2 s",
      pass: sameFileS < 2,
    },
  ];

  return {
    engine: m.engine,
    engine_version: m.engineVersion,
    max_old_space_size_mb: m.maxOldSpaceSizeMb,
    rows,
    file: m.file,
    file_mb: round(m.fileBytes / MB, 1),
    generated_s: m.generatedMs === null ? null : round(m.generatedMs / 1000, 1),
    cpus: m.cpus,
    loadavg: { start: m.loadStart, end: m.loadEnd },
    baseline_rows_per_s: baselineRate,
    baseline_chunk_chars: m.chunkChars,
    import_rows_per_s: importRate,
    ratio,
    /** The best any import keeping core's key and indexes could do, ÷ the bare baseline. */
    indexed_copy: {
      rows_per_s: rate(m.indexedCopy.rows, m.indexedCopy.ms),
      ratio_vs_baseline: round(rate(m.indexedCopy.rows, m.indexedCopy.ms) / baselineRate, 2),
    },
    psql_copy: m.psqlCopy
      ? { rows_per_s: psqlRate, import_ratio: round(importRate / Math.max(1, psqlRate), 2) }
      : null,
    import: {
      s: round(first.ms / 1000, 2),
      peak_rss_mb: first.max_rss_mb,
      rss_before_mb: first.rss_before_mb,
      peak_heap_used_mb: first.peak_heap_used_mb,
      peak_external_mb: first.peak_external_mb,
      summary: {
        ...first.summary,
        warnings: first.summary.warnings.map(({ lines: _, ...w }) => w),
      },
    },
    reimport_unchanged: {
      status: m.sameFile.summary.status,
      s: sameFileS,
      timings_ms: m.sameFile.summary.timings_ms,
    },
    reimport_all_unchanged: {
      status: m.newHash.summary.status,
      s: round(m.newHash.ms / 1000, 2),
      rows_per_s: newHashRate,
      unchanged: m.newHash.summary.unchanged,
      rejected: m.newHash.summary.rejected,
      timings_ms: m.newHash.summary.timings_ms,
    },
    steps,
    /** The targets are set for PostgreSQL; on PGlite they are shown for comparison only. */
    targets_apply: m.engine === "pg",
    targets,
    cpu_profile: m.cpuProfile,
    problems: findProblems(m),
  };
}

export type BenchResult = ReturnType<typeof computeBenchResult>;
