// npm run bench:etl -- [--rows 2000000] [--engine pglite|pg] [--database-url URL] [--file PATH]
//                      [--seed 1] [--keep] [--json] [--cpu-prof DIR]
// A benchmark, not a test: on one generated assistance file it times, side by side in one run,
// (a) a raw COPY of the file into a bare table (the baseline) and (b) the full import, then
// (c) re-imports of the unchanged file and of the same rows under a new hash. It prints the
// import's speed as a ratio of the baseline's, so figures from a busy machine stay comparable.
// Targets are printed as PASS/MISS for information; exit 1 only when something did not work.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFile, copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { z } from "zod";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import { migrate } from "~/lib/db/migrate.server";
import { wrapEngine } from "~/lib/db.server";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { ASSISTANCE_COLUMNS } from "~/lib/sample/assistance-rows";
import { writeAssistanceCsv } from "~/lib/sample/write-sample.server";
import type { BenchTarget } from "./bench/bench-target";
import { openBenchEngine } from "./bench/bench-target";
import { runChild } from "./bench/child-report";
import type { BaselineResult } from "./bench/copy-baseline";
import type { ImportResult } from "./bench/import-once";
import type { CpuProfileSummary } from "./bench/cpu-profile-summary";
import { summarizeCpuProfile } from "./bench/cpu-profile-summary";
import { readHeaderLine } from "./bench/csv-chunks";
import { runCli, UsageError } from "./lib/cli";

const USAGE = `Usage: npm run bench:etl -- [--rows 2000000] [--engine pglite|pg] [--database-url URL]
       [--file PATH] [--seed 1] [--keep] [--json] [--cpu-prof DIR]
  --engine pg     a fresh database on --database-url's server (default $DATABASE_URL or
                  postgres://postgres@127.0.0.1:5432/test), dropped at the end unless --keep
  --engine pglite a PGlite data directory in a temp dir, removed at the end unless --keep
  --file PATH     reuse a comma-delimited assistance CSV with the canonical English header
  --cpu-prof DIR  write the first import's CPU profile to DIR and print where its time went`;

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
// The importer's own staging chunk size (import-file.server.ts), so both loads COPY alike.
const COPY_CHUNK_CHARS = 2 * 1024 * 1024;
const MB = 2 ** 20;
const CHILD_DIR = path.resolve("scripts/bench");

const BenchOptionsSchema = z.object({
  rows: z.coerce.number().int().positive().default(2_000_000),
  engine: z.enum(["pglite", "pg"]).default("pglite"),
  databaseUrl: z.string().url(),
  file: z.string().optional(),
  seed: z.coerce.number().int().default(1),
  keep: z.boolean(),
  json: z.boolean(),
  cpuProf: z.string().optional(),
});
type BenchOptions = z.infer<typeof BenchOptionsSchema>;

function parseOptions(argv: string[]): BenchOptions {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        rows: { type: "string" },
        engine: { type: "string" },
        "database-url": { type: "string" },
        file: { type: "string" },
        seed: { type: "string" },
        keep: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        "cpu-prof": { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const parsed = BenchOptionsSchema.safeParse({
    rows: values.rows,
    engine: values.engine,
    databaseUrl: values["database-url"] || process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    file: values.file,
    seed: values.seed,
    keep: values.keep,
    json: values.json,
    cpuProf: values["cpu-prof"],
  });
  if (!parsed.success) throw new UsageError(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  return parsed.data;
}

interface PreparedDatabase {
  target: BenchTarget;
  version: string;
  /** Where the data is, for --keep. */
  location: string;
  drop(): Promise<void>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(engine: SqlEngine): Promise<string> {
  await migrate(engine);
  await seedReference(wrapEngine(engine, "bench").db);
  const { rows } = await withSession(engine, (s) =>
    s.query<{ server_version: string }>("show server_version"),
  );
  return rows[0]?.server_version ?? "?";
}

async function prepareDatabase(options: BenchOptions, workDir: string): Promise<PreparedDatabase> {
  if (options.engine === "pglite") {
    const dataDir = path.join(workDir, "pglite");
    const target: BenchTarget = { engine: "pglite", dataDir };
    const engine = await openBenchEngine(target);
    try {
      const version = `PGlite, PostgreSQL ${await migrateAndSeed(engine)}`;
      return { target, version, location: dataDir, drop: async () => {} };
    } finally {
      await engine.close();
    }
  }
  const name = `cns_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  await adminQuery(options.databaseUrl, `create database ${name}`);
  const url = withDatabaseName(options.databaseUrl, name);
  const drop = () =>
    adminQuery(options.databaseUrl, `drop database if exists ${name} with (force)`);
  log(`database ${name} created on ${new URL(options.databaseUrl).host}`);
  const target: BenchTarget = { engine: "pg", url };
  const engine = await openBenchEngine(target);
  try {
    const version = `PostgreSQL ${await migrateAndSeed(engine)}`;
    return { target, version, location: url, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  } finally {
    await engine.close();
  }
}

async function psqlAvailable(): Promise<boolean> {
  try {
    await promisify(execFile)("psql", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/** psql's client-side \copy of the whole file into a bare table: a second reference on pg. */
async function timePsqlCopy(url: string, file: string): Promise<{ rows: number; ms: number }> {
  const table = "bench_raw_assistance_psql";
  const psql = (command: string) =>
    promisify(execFile)("psql", ["-X", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command], {
      maxBuffer: 1 << 20,
    });
  await psql(
    `drop table if exists ${table}; create table ${table} (${ASSISTANCE_COLUMNS.map((c) => `${c} text`).join(", ")})`,
  );
  const started = performance.now();
  const { stdout } = await psql(
    `\\copy ${table} (${ASSISTANCE_COLUMNS.join(", ")}) from '${file.replaceAll("'", "''")}' with (format csv, header true)`,
  );
  const ms = performance.now() - started;
  await psql(`drop table ${table}`);
  return { rows: Number(/COPY (\d+)/.exec(stdout)?.[1] ?? 0), ms: Math.round(ms) };
}

function child(name: string): string {
  return path.join(CHILD_DIR, name);
}

const rate = (rows: number, ms: number) => (ms > 0 ? Math.round((rows * 1000) / ms) : 0);
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const n = (value: number) => value.toLocaleString("en");
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

interface Target {
  name: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean;
}

function formatTable(header: string[], rows: string[][]): string {
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

function counts(s: ImportSummary): string {
  return `${s.status}: ${n(s.rows)} read, ${n(s.inserted)} inserted, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected`;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = load();
  const workDir = await mkdtemp(path.join(tmpdir(), "cns-bench-"));
  let database: PreparedDatabase | undefined;
  try {
    // 1. The file.
    let file: string;
    let generatedMs: number | null = null;
    if (options.file) {
      file = path.resolve(options.file);
      const header = await readHeaderLine(file);
      if (header !== ASSISTANCE_COLUMNS.join(",")) {
        throw new UsageError(
          `--file must be a comma-delimited assistance CSV with the header ${ASSISTANCE_COLUMNS.join(",")} (found: ${header.slice(0, 120)})`,
        );
      }
    } else {
      file = path.join(workDir, `assistance-${options.rows}.csv`);
      log(`generating ${n(options.rows)} assistance rows → ${file}`);
      const started = performance.now();
      const written = await writeAssistanceCsv(file, { rows: options.rows, seed: options.seed });
      generatedMs = Math.round(performance.now() - started);
      if (written.rows < options.rows) log(`the generator stopped at ${n(written.rows)} rows`);
    }
    const fileBytes = (await stat(file)).size;
    // The same rows under another hash: one more (blank) line, which the reader skips.
    const resaved = path.join(workDir, `${path.basename(file, ".csv")}-resaved.csv`);
    await copyFile(file, resaved);
    await appendFile(resaved, "\n");

    // 2. A fresh, migrated database with the reference data.
    log(`preparing a fresh ${options.engine} database`);
    database = await prepareDatabase(options, workDir);
    const targetJson = JSON.stringify(database.target);
    const steps: { step: string; load: string }[] = [];
    const mark = (step: string) => steps.push({ step, load: load() });

    // 3. Baseline, the import and the re-imports, each in its own process.
    const baseline = (label: string) =>
      runChild<BaselineResult>(child("copy-baseline.ts"), [
        targetJson,
        file,
        `bench_raw_assistance_${label}`,
        String(COPY_CHUNK_CHARS),
      ]);
    const importOnce = (path_: string, nodeFlags: string[] = []) =>
      runChild<ImportResult>(child("import-once.ts"), [targetJson, path_], { nodeFlags });

    log("baseline: raw COPY into a bare table");
    const baselineBefore = await baseline("before");
    mark("baseline_before");
    let psqlCopy: { rows: number; ms: number } | null = null;
    if (database.target.engine === "pg" && (await psqlAvailable())) {
      log("reference: psql \\copy");
      psqlCopy = await timePsqlCopy(database.target.url, file);
      mark("psql_copy");
    }
    log("import");
    const profileFlags = options.cpuProf
      ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(options.cpuProf)]
      : [];
    if (options.cpuProf) await mkdir(path.resolve(options.cpuProf), { recursive: true });
    const profileStarted = Date.now();
    const first = await importOnce(file, profileFlags);
    mark("import");
    log("re-import of the unchanged file");
    const again = await importOnce(file);
    mark("reimport_unchanged");
    log("re-import of the same rows under a new hash");
    const resavedRun = await importOnce(resaved);
    mark("reimport_all_unchanged");
    log("baseline again");
    const baselineAfter = await baseline("after");
    mark("baseline_after");

    let profile: (CpuProfileSummary & { file: string }) | null = null;
    if (options.cpuProf) {
      const dir = path.resolve(options.cpuProf);
      const candidates = [];
      for (const name of (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"))) {
        const info = await stat(path.join(dir, name));
        if (info.mtimeMs >= profileStarted) candidates.push({ name, mtime: info.mtimeMs });
      }
      const newest = candidates.sort((a, b) => b.mtime - a.mtime)[0];
      if (newest) {
        const profileFile = path.join(dir, newest.name);
        profile = { file: profileFile, ...(await summarizeCpuProfile(profileFile)) };
      }
    }

    // 4. Figures.
    const rows = first.summary.rows;
    const baselineMs = (baselineBefore.ms + baselineAfter.ms) / 2;
    const baselineRate = rate(baselineBefore.rows, baselineMs);
    const importRate = rate(rows, first.ms);
    const ratio = baselineRate > 0 ? round(importRate / baselineRate, 2) : 0;
    const peakRss = first.max_rss_mb;
    const unchangedS = round(again.ms / 1000, 2);
    const allUnchangedS = round(resavedRun.ms / 1000, 2);
    const fileMb = round(fileBytes / MB, 1);

    const problems: string[] = [];
    if (first.summary.status !== "loaded")
      problems.push(`the import ended ${first.summary.status}`);
    if (baselineBefore.rows !== rows || baselineAfter.rows !== rows) {
      problems.push(
        `the baseline copied ${n(baselineBefore.rows)}/${n(baselineAfter.rows)} rows, the import read ${n(rows)}`,
      );
    }
    if (again.summary.status !== "already_loaded") {
      problems.push(`re-importing the same file gave ${again.summary.status}, not already_loaded`);
    }
    const loadedRows = first.summary.inserted + first.summary.updated;
    if (
      resavedRun.summary.status !== "loaded" ||
      resavedRun.summary.unchanged !== loadedRows ||
      resavedRun.summary.inserted + resavedRun.summary.updated !== 0
    ) {
      problems.push(`the same rows under a new hash gave ${counts(resavedRun.summary)}`);
    }

    const onPg = options.engine === "pg";
    const targets: Target[] = [
      {
        name: "ratio import ÷ baseline",
        value: ratio,
        unit: "",
        goal: "≥ 0.5",
        pass: ratio >= 0.5,
      },
      {
        name: "import peak RSS",
        value: peakRss,
        unit: " MB",
        goal: "≤ 300 MB",
        pass: peakRss <= 300,
      },
      {
        name: "unchanged re-import",
        value: unchangedS,
        unit: " s",
        goal: "< 2 s",
        pass: unchangedS < 2,
      },
    ];

    const result = {
      engine: options.engine,
      engine_version: database.version,
      rows,
      file: options.file ? file : path.basename(file),
      file_mb: fileMb,
      generated_ms: generatedMs,
      cpus: cpus().length,
      loadavg: { start: loadAtStart, steps, end: load() },
      baseline: {
        rows_per_s: baselineRate,
        runs: [baselineBefore, baselineAfter].map((b) => ({
          ...b,
          rows_per_s: rate(b.rows, b.ms),
        })),
        chunk_chars: COPY_CHUNK_CHARS,
      },
      psql_copy: psqlCopy
        ? {
            ...psqlCopy,
            rows_per_s: rate(psqlCopy.rows, psqlCopy.ms),
            ratio: round(importRate / Math.max(1, rate(psqlCopy.rows, psqlCopy.ms)), 2),
          }
        : null,
      import: {
        rows_per_s: importRate,
        s: round(first.ms / 1000, 2),
        peak_rss_mb: peakRss,
        rss_before_mb: first.rss_before_mb,
        peak_heap_used_mb: first.peak_heap_used_mb,
        peak_external_mb: first.peak_external_mb,
        summary: {
          ...first.summary,
          warnings: first.summary.warnings.map(({ lines: _, ...w }) => w),
        },
      },
      ratio,
      reimport_unchanged: {
        status: again.summary.status,
        s: unchangedS,
        peak_rss_mb: again.max_rss_mb,
        timings_ms: again.summary.timings_ms,
      },
      reimport_all_unchanged: {
        status: resavedRun.summary.status,
        s: allUnchangedS,
        rows_per_s: rate(resavedRun.summary.rows, resavedRun.ms),
        peak_rss_mb: resavedRun.max_rss_mb,
        unchanged: resavedRun.summary.unchanged,
        timings_ms: resavedRun.summary.timings_ms,
      },
      targets: targets.map((t) => ({ ...t, applies: onPg })),
      cpu_profile: profile,
      problems,
    };

    if (options.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const out: string[] = [];
      out.push(
        `ETL benchmark · assistance file of ${n(rows)} rows (${fileMb} MB) · ${database.version} · ${result.cpus} CPUs`,
      );
      out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${result.loadavg.end} at end`);
      if (generatedMs !== null) out.push(`file generated in ${(generatedMs / 1000).toFixed(1)} s`);
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
              options.engine,
              n(rows),
              String(fileMb),
              n(baselineRate),
              n(importRate),
              ratio.toFixed(2),
              String(peakRss),
              unchangedS.toFixed(2),
              `${allUnchangedS.toFixed(2)} (${n(result.reimport_all_unchanged.rows_per_s)} rows/s)`,
            ],
          ],
        ),
      );
      out.push("");
      out.push(
        onPg
          ? "Targets (informational, PostgreSQL):"
          : "Targets (set for PostgreSQL; shown for comparison):",
      );
      for (const t of targets) {
        out.push(
          `  ${t.name.padEnd(26)} ${`${t.value}${t.unit}`.padStart(10)}  target ${t.goal.padEnd(9)} ${t.pass ? "PASS" : "MISS"}`,
        );
      }
      out.push("");
      out.push("Steps (each in its own process; load average after the step):");
      const stepLoad = (key: string) => steps.find((x) => x.step === key)?.load ?? "";
      const baselineRow = (label: string, b: BaselineResult, key: string) => [
        label,
        n(b.rows),
        (b.ms / 1000).toFixed(2),
        n(rate(b.rows, b.ms)),
        String(b.max_rss_mb),
        stepLoad(key),
      ];
      const importRow = (label: string, r: ImportResult, key: string) => [
        label,
        n(r.summary.rows),
        (r.ms / 1000).toFixed(2),
        r.summary.status === "already_loaded" ? "-" : n(rate(r.summary.rows, r.ms)),
        String(r.max_rss_mb),
        stepLoad(key),
      ];
      const stepRows = [
        baselineRow("baseline COPY (before)", baselineBefore, "baseline_before"),
        ...(psqlCopy
          ? [
              [
                "psql \\copy (reference)",
                n(psqlCopy.rows),
                (psqlCopy.ms / 1000).toFixed(2),
                n(rate(psqlCopy.rows, psqlCopy.ms)),
                "",
                stepLoad("psql_copy"),
              ],
            ]
          : []),
        importRow("import", first, "import"),
        importRow("re-import, same file", again, "reimport_unchanged"),
        importRow("re-import, new hash", resavedRun, "reimport_all_unchanged"),
        baselineRow("baseline COPY (after)", baselineAfter, "baseline_after"),
      ];
      out.push(formatTable(["step", "rows", "s", "rows/s", "peak RSS MB", "load avg"], stepRows));
      out.push("");
      if (result.psql_copy) {
        out.push(
          `psql \\copy reference: ${n(result.psql_copy.rows_per_s)} rows/s; import ÷ psql \\copy = ${result.psql_copy.ratio.toFixed(2)}`,
        );
      }
      out.push(`import: ${counts(first.summary)}`);
      out.push(
        `  memory: RSS ${first.rss_before_mb} MB with the engine open before importFile, peak ${first.max_rss_mb} MB;` +
          ` peak V8 heap used ${first.peak_heap_used_mb} MB, peak off-heap ${first.peak_external_mb} MB`,
      );
      out.push(`  phases (ms): ${phases(first.summary.timings_ms)}`);
      out.push(
        `re-import, same file: ${again.summary.status}; phases (ms): ${phases(again.summary.timings_ms)}`,
      );
      out.push(`re-import, new hash: ${counts(resavedRun.summary)}`);
      out.push(`  phases (ms): ${phases(resavedRun.summary.timings_ms)}`);
      if (profile) {
        out.push("");
        out.push(`CPU profile of the import (${profile.file}), ${n(profile.total_ms)} ms sampled:`);
        out.push("  self time by file:");
        for (const f of profile.files)
          out.push(`    ${String(f.share).padStart(5)}%  ${n(f.ms).padStart(8)} ms  ${f.name}`);
        out.push("  self time by function:");
        for (const f of profile.functions)
          out.push(`    ${String(f.share).padStart(5)}%  ${n(f.ms).padStart(8)} ms  ${f.name}`);
      }
      for (const p of problems) out.push(`UNEXPECTED: ${p}`);
      console.log(out.join("\n"));
    }
    return problems.length > 0 ? 1 : 0;
  } finally {
    if (options.keep) {
      log(`kept: ${workDir}${database ? ` and ${database.location}` : ""}`);
    } else {
      await database
        ?.drop()
        .catch((error: unknown) => log(`could not drop the database: ${error}`));
      await rm(workDir, { recursive: true, force: true });
    }
  }
}

runCli(main);
