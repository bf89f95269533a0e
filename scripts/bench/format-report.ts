// The benchmark's figures as text for a terminal: the summary table, the targets, each step, the
// import's phases (timings_ms) and, with --cpu-prof, where its CPU time went.
import type { BenchResult } from "./bench-figures";
import { describeCounts } from "./bench-figures";

const n = (value: number) => value.toLocaleString("en");

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function phases(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(" · ");
}

export function formatBenchReport(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `ETL benchmark · assistance file of ${n(r.rows)} rows (${r.file_mb} MB) · ${r.engine_version} · ${r.cpus} CPUs`,
  );
  out.push(`load average (1/5/15 min): ${r.loadavg.start} at start, ${r.loadavg.end} at end`);
  if (r.generated_s !== null) out.push(`file generated in ${r.generated_s} s`);
  if (r.max_old_space_size_mb !== null) {
    out.push(`measured processes ran with --max-old-space-size=${r.max_old_space_size_mb}`);
  }
  out.push("");
  out.push(
    formatTable(
      [
        "engine",
        "rows",
        "file MB",
        "baseline rows/s",
        "import rows/s",
        "ratio",
        "import peak RSS MB",
        "unchanged re-import s",
        "all-unchanged re-import s",
      ],
      [
        [
          r.engine,
          n(r.rows),
          String(r.file_mb),
          n(r.baseline_rows_per_s),
          n(r.import_rows_per_s),
          r.ratio.toFixed(2),
          String(r.import.peak_rss_mb),
          r.reimport_unchanged.s.toFixed(2),
          `${r.reimport_all_unchanged.s.toFixed(2)} (${n(r.reimport_all_unchanged.rows_per_s)} rows/s)`,
        ],
      ],
    ),
  );
  out.push("");
  out.push(
    r.targets_apply
      ? "Targets (informational, PostgreSQL):"
      : "Targets (set for PostgreSQL; shown for comparison):",
  );
  for (const t of r.targets) {
    out.push(
      `  ${t.name.padEnd(24)} ${`${t.value}${t.unit}`.padStart(10)}  target ${t.goal.padEnd(9)} ${t.pass ? "PASS" : "MISS"}`,
    );
  }
  out.push("");
  out.push("Steps (each in its own process; load average right after the step):");
  out.push(
    formatTable(
      ["step", "rows", "s", "rows/s", "peak RSS MB", "load avg"],
      r.steps.map((s) => [
        s.label,
        n(s.rows),
        s.s.toFixed(2),
        s.rows_per_s === null ? "-" : n(s.rows_per_s),
        s.peak_rss_mb === null ? "" : String(s.peak_rss_mb),
        s.load,
      ]),
    ),
  );
  out.push("");
  out.push(
    `ceiling: a COPY that only maintains core's key and indexes runs at ${n(r.indexed_copy.rows_per_s)} rows/s = ${r.indexed_copy.ratio_vs_baseline.toFixed(2)} × the bare baseline`,
  );
  if (r.psql_copy) {
    out.push(
      `psql \\copy: ${n(r.psql_copy.rows_per_s)} rows/s; import ÷ psql \\copy = ${r.psql_copy.import_ratio.toFixed(2)}`,
    );
  }
  const i = r.import;
  out.push(`import: ${describeCounts(i.summary)}`);
  out.push(
    `  memory: RSS ${i.rss_before_mb} MB with the engine open before importFile, peak ${i.peak_rss_mb} MB;` +
      ` peak V8 heap used ${i.peak_heap_used_mb} MB, peak off-heap ${i.peak_external_mb} MB`,
  );
  out.push(`  phases (ms): ${phases(i.summary.timings_ms)}`);
  out.push(
    `re-import, same file: ${r.reimport_unchanged.status}; phases (ms): ${phases(r.reimport_unchanged.timings_ms)}`,
  );
  const a = r.reimport_all_unchanged;
  out.push(
    `re-import, new hash: ${a.status}, ${n(a.unchanged)} unchanged, ${n(a.rejected)} rejected; phases (ms): ${phases(a.timings_ms)}`,
  );
  if (r.cpu_profile) {
    const p = r.cpu_profile;
    out.push("");
    out.push(`CPU profile of the import (${p.file}), ${n(p.total_ms)} ms sampled:`);
    for (const [title, list] of [
      ["self time by file", p.files],
      ["self time by function", p.functions],
    ] as const) {
      out.push(`  ${title}:`);
      for (const f of list) {
        out.push(`    ${f.share.toFixed(1).padStart(5)}%  ${n(f.ms).padStart(8)} ms  ${f.name}`);
      }
    }
  }
  for (const problem of r.problems) out.push(`UNEXPECTED: ${problem}`);
  return out.join("\n");
}
