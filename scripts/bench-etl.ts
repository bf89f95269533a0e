// npm run bench:etl -- [--rows 2000000] [--engine pglite|pg] [--database-url URL] [--file PATH]
//                      [--seed 1] [--keep] [--json] [--cpu-prof DIR] [--max-old-space-size MB]
// A benchmark, not a test: on one generated assistance file it times, side by side in one run,
// (a) a raw COPY of the file into a bare table (the baseline) and (b) the full import, then
// (c) re-imports of the unchanged file and of the same rows under a new hash. It prints the
// import's speed as a ratio of the baseline's, so figures from a busy machine stay comparable.
// Each measured step runs in its own process (scripts/bench/), so its peak RSS is its own.
// Targets are printed as PASS/MISS for information; exit 1 only when the run itself went wrong.
import { appendFile, copyFile, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ASSISTANCE_COLUMNS } from "~/lib/sample/assistance-rows";
import { writeAssistanceCsv } from "~/lib/sample/write-sample.server";
import type { BenchDatabase } from "./bench/bench-database";
import {
  preparePgDatabase,
  preparePgliteDatabase,
  psqlAvailable,
  timePsqlCopy,
} from "./bench/bench-database";
import type { StepKey } from "./bench/bench-figures";
import { computeBenchResult } from "./bench/bench-figures";
import { runChild } from "./bench/child-report";
import type { BaselineResult } from "./bench/copy-baseline";
import { summarizeCpuProfile } from "./bench/cpu-profile-summary";
import { readHeaderLine } from "./bench/csv-chunks";
import { formatBenchReport } from "./bench/format-report";
import type { ImportResult } from "./bench/import-once";
import { runCli, UsageError } from "./lib/cli";

const USAGE = `Usage: npm run bench:etl -- [--rows 2000000] [--engine pglite|pg] [--database-url URL]
       [--file PATH] [--seed 1] [--keep] [--json] [--cpu-prof DIR] [--max-old-space-size MB]
  --engine pg     a fresh database on the server of --database-url (default $DATABASE_URL or
                  postgres://postgres@127.0.0.1:5432/test), dropped at the end unless --keep
  --engine pglite a PGlite data directory in a temp dir, removed at the end unless --keep
  --file PATH     reuse a comma-delimited assistance CSV with the canonical English header
  --json          print the figures as one JSON object instead of the tables
  --cpu-prof DIR  write the first import's CPU profile to DIR and print where its time went
  --max-old-space-size MB  cap the V8 old generation of the measured processes (node's flag);
                  default 160, the cap \`npm run etl\` runs with (package.json); 0 = no cap, and
                  V8 then collects lazily and the heap's high-water mark inflates peak RSS`;

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
// The importer's own staging chunk size (import-file.server.ts), so both loads COPY alike.
const COPY_CHUNK_CHARS = 2 * 1024 * 1024;
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
  // The same cap as `npm run etl` (package.json), so the bench measures what users run.
  maxOldSpaceSize: z.coerce
    .number()
    .int()
    .refine((mb) => mb === 0 || mb >= 16, "at least 16 MB, or 0 for no cap")
    .default(160),
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
        "max-old-space-size": { type: "string" },
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
    maxOldSpaceSize: values["max-old-space-size"],
  });
  if (!parsed.success) throw new UsageError(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  return parsed.data;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

/** The file to load: --file after checking its header, or a freshly generated one. */
async function benchFile(options: BenchOptions, workDir: string) {
  if (options.file) {
    const file = path.resolve(options.file);
    const header = await readHeaderLine(file);
    if (header !== ASSISTANCE_COLUMNS.join(",")) {
      throw new UsageError(
        `--file must be a comma-delimited assistance CSV with the header ${ASSISTANCE_COLUMNS.join(",")} (found: ${header.slice(0, 120)})`,
      );
    }
    return { file, generatedMs: null };
  }
  const file = path.join(workDir, `assistance-${options.rows}.csv`);
  log(`generating ${options.rows.toLocaleString("en")} assistance rows → ${file}`);
  const started = performance.now();
  const written = await writeAssistanceCsv(file, { rows: options.rows, seed: options.seed });
  if (written.rows < options.rows) log(`the generator stopped at ${written.rows} rows`);
  return { file, generatedMs: Math.round(performance.now() - started) };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const loadStart = load();
  const workDir = await mkdtemp(path.join(tmpdir(), "cns-bench-"));
  let database: BenchDatabase | undefined;
  try {
    const { file, generatedMs } = await benchFile(options, workDir);
    // The same rows under another hash: one more (blank) line, which the reader skips.
    const resaved = path.join(workDir, `${path.basename(file, ".csv")}-resaved.csv`);
    await copyFile(file, resaved);
    await appendFile(resaved, "\n");

    log(`preparing a fresh ${options.engine} database`);
    database =
      options.engine === "pg"
        ? await preparePgDatabase(options.databaseUrl, log)
        : await preparePgliteDatabase(workDir);
    const targetJson = JSON.stringify(database.target);
    const loadAfter: Partial<Record<StepKey, string>> = {};
    const heapFlags = options.maxOldSpaceSize
      ? [`--max-old-space-size=${options.maxOldSpaceSize}`]
      : [];
    const baseline = (table: string, variant = "bare") =>
      runChild<BaselineResult>(
        path.join(CHILD_DIR, "copy-baseline.ts"),
        [targetJson, file, table, String(COPY_CHUNK_CHARS), variant],
        { nodeFlags: heapFlags },
      );
    const importOnce = (importPath: string, nodeFlags: string[] = []) =>
      runChild<ImportResult>(path.join(CHILD_DIR, "import-once.ts"), [targetJson, importPath], {
        nodeFlags: [...heapFlags, ...nodeFlags],
      });

    log("baseline: raw COPY into a bare table");
    const baselineBefore = await baseline("bench_raw_assistance_before");
    loadAfter.baseline_before = load();
    let psqlCopy: { rows: number; ms: number } | null = null;
    if (database.target.engine === "pg" && (await psqlAvailable())) {
      log("reference: psql \\copy");
      psqlCopy = await timePsqlCopy(database.target.url, file);
      loadAfter.psql_copy = load();
    }

    log("reference: COPY into a table with core's key and indexes");
    const indexedCopy = await baseline("bench_indexed_assistance", "indexed");
    loadAfter.indexed_copy = load();

    log("import");
    let profileFile: string | null = null;
    const profileFlags: string[] = [];
    if (options.cpuProf) {
      const dir = path.resolve(options.cpuProf);
      await mkdir(dir, { recursive: true });
      const name = `import-${options.engine}-${process.pid}.cpuprofile`;
      profileFile = path.join(dir, name);
      profileFlags.push("--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-name", name);
    }
    const firstImport = await importOnce(file, profileFlags);
    loadAfter.import = load();
    log("re-import of the unchanged file");
    const sameFile = await importOnce(file);
    loadAfter.reimport_unchanged = load();
    log("re-import of the same rows under a new hash");
    const newHash = await importOnce(resaved);
    loadAfter.reimport_all_unchanged = load();
    log("baseline again");
    const baselineAfter = await baseline("bench_raw_assistance_after");
    loadAfter.baseline_after = load();

    const result = computeBenchResult({
      engine: options.engine,
      engineVersion: database.version,
      maxOldSpaceSizeMb: options.maxOldSpaceSize || null,
      file: options.file ? file : path.basename(file),
      fileBytes: (await stat(file)).size,
      generatedMs,
      cpus: cpus().length,
      loadStart,
      loadEnd: load(),
      loadAfter,
      chunkChars: COPY_CHUNK_CHARS,
      baselineBefore,
      indexedCopy,
      baselineAfter,
      psqlCopy,
      firstImport,
      sameFile,
      newHash,
      cpuProfile: profileFile
        ? { file: profileFile, ...(await summarizeCpuProfile(profileFile)) }
        : null,
    });
    console.log(options.json ? JSON.stringify(result) : formatBenchReport(result));
    return result.problems.length > 0 ? 1 : 0;
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
