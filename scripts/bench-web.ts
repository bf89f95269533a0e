// npm run bench:web -- [--records 2000000] [--engine pg|pglite] [--database-url URL]
//                      [--connections 50] [--duration 10] [--extracts-only] [--keep] [--json]
// A benchmark, not a test. It loads at least --records assistance records (the scaled sample,
// through the real ETL) into a fresh database, starts the production server on it as its own
// process, signs in as an analyst, and measures in one run, side by side:
//   - loader time (sequential `?_data=` requests) for the overview, a commune page and the API;
//   - HTTP latency at --connections concurrent connections (autocannon, sending what a browser
//     sends: the session cookie and Accept-Encoding: gzip) for the same three and two static
//     files served by the same server, the baselines: the favicon, and a file as large as the
//     API's compressed answer; then the two pages again from a second server with the page cache
//     off (ADR 010);
//   - the overview's transfer size (HTML + CSS + JS, gzip);
//   - streaming the full record-level extract as CSV (uncompressed, and gzip as a browser asks),
//     Arrow and Parquet against PostgreSQL's own COPY … TO STDOUT of the same rows, with the
//     server's RSS before, at its peak and the growth (--extracts-only measures only these).
// Targets are printed as PASS/MISS for information; exit 1 only when the run itself went wrong.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { z } from "zod";
import { wrapEngine } from "~/lib/db.server";
import { extractCommuneCodes } from "~/lib/api/assistance-extract.server";
import { buildExists } from "~/lib/server/http-server.server";
import type { BenchDatabase } from "./bench/bench-database";
import { preparePgDatabase, preparePgliteDatabase } from "./bench/bench-database";
import { openBenchEngine } from "./bench/bench-target";
import { timeCopyExtract, type ExtractRange } from "./bench/web/copy-extract";
import { timeDownload } from "./bench/web/extract-timing";
import { runLoadTest } from "./bench/web/load-test";
import { seedWebData } from "./bench/web/seed-web-data";
import { timeSequentialRequests } from "./bench/web/sequential-timing";
import { startServerProcess } from "./bench/web/server-process";
import { findFreePort } from "./lib/free-port";
import { measureTransferSize } from "./bench/web/transfer-size";
import { runCli, UsageError } from "./lib/cli";

const USAGE = `Usage: npm run bench:web -- [--records 2000000] [--engine pg|pglite] [--database-url URL]
       [--connections 50] [--duration 10] [--port N] [--extracts-only] [--keep] [--json]
  --engine pg      a fresh database on the server of --database-url (default $DATABASE_URL or
                   postgres://postgres@127.0.0.1:5432/test), dropped at the end unless --keep
  --engine pglite  a PGlite data directory in a temp dir, removed at the end unless --keep
  --duration S     seconds of load per endpoint
  --extracts-only  skip loader, load and transfer measurements: only the extracts against COPY
  --reuse-database URL  measure a PostgreSQL database an earlier run left with --keep (no load)`;

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
const BENCH_USER = "bench-analyst";
const BENCH_PASSWORD = "bench-password-not-secret";

const OptionsSchema = z.object({
  records: z.coerce.number().int().positive().default(2_000_000),
  engine: z.enum(["pglite", "pg"]).default("pg"),
  databaseUrl: z.string().url(),
  connections: z.coerce.number().int().min(1).max(1000).default(50),
  duration: z.coerce.number().int().min(1).max(600).default(10),
  /** Default: a free port found at start, so a leftover server never collides with a run. */
  port: z.coerce.number().int().min(1024).max(65535).optional(),
  extractsOnly: z.boolean(),
  reuseDatabase: z.string().url().optional(),
  keep: z.boolean(),
  json: z.boolean(),
});
type Options = z.infer<typeof OptionsSchema>;

function parseOptions(argv: string[]): Options {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        records: { type: "string" },
        engine: { type: "string" },
        "database-url": { type: "string" },
        connections: { type: "string" },
        duration: { type: "string" },
        port: { type: "string" },
        "extracts-only": { type: "boolean", default: false },
        "reuse-database": { type: "string" },
        keep: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const parsed = OptionsSchema.safeParse({
    ...values,
    extractsOnly: values["extracts-only"],
    reuseDatabase: values["reuse-database"],
    databaseUrl: values["database-url"] || process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  });
  if (!parsed.success) throw new UsageError(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  return parsed.data;
}

const pass = (ok: boolean) => (ok ? "PASS" : "MISS");
const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");

interface DataFacts {
  range: ExtractRange;
  extractRows: number;
  busiestCommune: string;
}

async function readDataFacts(database: BenchDatabase, provinceCode: string): Promise<DataFacts> {
  const engine = await openBenchEngine(database.target);
  try {
    const { db } = wrapEngine(engine, "bench");
    const state = await db
      .selectFrom("mart.refresh_state")
      .select(["first_month", "last_month"])
      .where("province_code", "=", provinceCode)
      .executeTakeFirstOrThrow();
    const busiest = await db
      .selectFrom("mart.commune_month")
      .select(["commune_code", sql<number>`sum(cases)`.as("cases")])
      .groupBy("commune_code")
      .orderBy("cases", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const count = await db
      .selectFrom("core.assistance")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    const communes = await extractCommuneCodes(db, { provinceCode, communes: [], unitType: null });
    return {
      range: { provinceCode, from: state.first_month!, to: state.last_month!, communes },
      extractRows: Number(count.n),
      busiestCommune: busiest.commune_code,
    };
  } finally {
    await engine.close();
  }
}

function runUsersCli(env: Record<string, string>, args: string[]): void {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.resolve("scripts/users.ts"), ...args],
    { env: { ...process.env, ...env }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`users ${args[0]} failed: ${result.stderr}`);
}

/** The size of one answer as the socket carries it (compressed when the server compresses). */
async function compressedSize(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const length = Number(response.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) throw new Error(`${url}: no Content-Length`);
  return length;
}

/** X-Page-Cache of one more request ("hit", "miss"), or "-" for what the cache does not handle. */
async function pageCacheStatus(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response.headers.get("x-page-cache") ?? "-";
}

/** Signs in through the real login form and returns the session cookie. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => /cns_session=/.test(c));
  if (!cookie) throw new Error(`login failed: HTTP ${response.status}`);
  return cookie.split(";")[0]!;
}

interface Endpoint {
  name: string;
  path: string;
  /** The route id for `?_data=` (null for resource routes, timed directly). */
  routeId: string | null;
}

/** Loader times, HTTP latency under load (page cache on and off) and the overview's transfer size. */
async function measurePages(
  server: { baseUrl: string },
  headers: Record<string, string>,
  endpoints: Endpoint[],
  options: Options,
  serverEnv: Record<string, string>,
) {
  const loaderTimes = [];
  for (const endpoint of endpoints) {
    const url = endpoint.routeId
      ? `${server.baseUrl}${endpoint.path}${endpoint.path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(endpoint.routeId)}`
      : `${server.baseUrl}${endpoint.path}`;
    log(`loader timing: ${endpoint.name}`);
    loaderTimes.push({
      name: endpoint.name,
      ...(await timeSequentialRequests({ url, headers, warmup: 20, requests: 200 })),
    });
  }

  // A second baseline: a static file as large as the API's compressed answer, so the API's
  // figure can be read against what merely moving that many bytes costs on this machine.
  const apiEndpoint = endpoints.find((e) => e.routeId === null)!;
  const apiBytes = await compressedSize(`${server.baseUrl}${apiEndpoint.path}`, headers);
  const payloadName = `bench-payload-${process.pid}.bin`;
  const payloadFile = path.resolve("public", payloadName);
  await writeFile(payloadFile, randomBytes(apiBytes));
  const loadTests = [];
  try {
    const targets = [
      { name: "static file (baseline)", path: "/favicon.svg" },
      {
        name: `static ${(apiBytes / 1024).toFixed(0)} KB file (API-sized baseline)`,
        path: `/${payloadName}`,
      },
      ...endpoints,
    ];
    for (const target of targets) {
      log(`load: ${target.name}, ${options.connections} connections, ${options.duration} s`);
      loadTests.push({
        name: target.name,
        ...(await runLoadTest({
          url: `${server.baseUrl}${target.path}`,
          headers,
          connections: options.connections,
          durationSeconds: options.duration,
        })),
        page_cache: await pageCacheStatus(`${server.baseUrl}${target.path}`, headers),
      });
    }

    // The same pages from a second server with the page cache off: what each render costs
    // when every request is rendered (the first view after an import, and before ADR 010).
    const uncached = await startServerProcess(
      { ...serverEnv, PAGE_CACHE_MB: "0" },
      await findFreePort(),
      log,
    );
    try {
      const uncachedHeaders = { ...headers, Cookie: await signIn(uncached.baseUrl) };
      for (const endpoint of endpoints.filter((e) => e.routeId)) {
        const name = `${endpoint.name} (page cache off)`;
        log(`load: ${name}, ${options.connections} connections, ${options.duration} s`);
        loadTests.push({
          name,
          ...(await runLoadTest({
            url: `${uncached.baseUrl}${endpoint.path}`,
            headers: uncachedHeaders,
            connections: options.connections,
            durationSeconds: options.duration,
          })),
          page_cache: await pageCacheStatus(`${uncached.baseUrl}${endpoint.path}`, uncachedHeaders),
        });
      }
    } finally {
      await uncached.stop();
    }
  } finally {
    await rm(payloadFile, { force: true });
  }
  const staticP95 = loadTests[0]!.p95_ms;
  log("transfer size of the overview");
  const transfer = await measureTransferSize(`${server.baseUrl}/`, headers);

  const overviewLoader = loaderTimes[0]!;
  // The targets hold for the server as it runs (page cache on); the baselines and the cache-off
  // rows are context.
  const httpPages = loadTests.slice(2, 2 + endpoints.length);
  return {
    loader: loaderTimes,
    http: loadTests.map((t) => ({
      ...t,
      p95_vs_static: Math.round((t.p95_ms / Math.max(staticP95, 0.1)) * 10) / 10,
    })),
    transfer,
    targets: {
      overview_loader_p95_lt_50ms: pass(overviewLoader.p95_ms < 50),
      http_p95_lt_150ms: pass(httpPages.every((t) => t.p95_ms < 150)),
      zero_errors: pass(
        loadTests.every((t) => t.errors === 0) && loaderTimes.every((t) => t.errors === 0),
      ),
      overview_transfer_le_200kb: pass(transfer.total_bytes <= 200 * 1024),
    },
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const provinceCode = process.env.PROVINCE_CODE ?? "68";
  const loadStart = load();
  const workDir = await mkdtemp(path.join(tmpdir(), "cns-bench-web-"));
  let database: BenchDatabase | undefined;
  try {
    if (!buildExists()) {
      log("building the app");
      const built = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], {
        stdio: "inherit",
      });
      if (built.status !== 0) throw new Error("remix build failed");
    }
    const reused = options.reuseDatabase;
    let seed: Awaited<ReturnType<typeof seedWebData>> | null = null;
    if (reused) {
      // A database an earlier run loaded and kept: measured as it is, never dropped.
      database = {
        target: { engine: "pg", url: reused },
        version: "PostgreSQL (reused database)",
        location: reused,
        drop: async () => undefined,
      };
      log(`reusing ${reused}`);
    } else {
      log(`preparing a fresh ${options.engine} database`);
      database =
        options.engine === "pg"
          ? await preparePgDatabase(options.databaseUrl, log)
          : await preparePgliteDatabase(workDir);
      const engine = await openBenchEngine(database.target);
      try {
        seed = await seedWebData(
          engine,
          { records: options.records, provinceCode, workDir, seed: 1 },
          log,
        );
      } finally {
        await engine.close();
      }
      log(
        `loaded ${seed.assistance_rows.toLocaleString("en")} assistance records (${seed.all_rows.toLocaleString("en")} rows in all) in ${(seed.import_ms / 1000).toFixed(0)} s`,
      );
    }
    const facts = await readDataFacts(database, provinceCode);

    log("baseline: COPY (extract query) TO STDOUT");
    const copyBaseline = await timeCopyExtract(database.target, facts.range);

    const dbEnv: Record<string, string> =
      database.target.engine === "pg"
        ? { DATABASE_URL: database.target.url }
        : { DATABASE_URL: "", DATA_DIR: workDir };
    // A reused database has the analyst already, from the run that loaded it.
    if (!reused) {
      runUsersCli({ ...dbEnv, PROVINCE_CODE: provinceCode }, [
        "add",
        BENCH_USER,
        "--role",
        "analyst",
        "--password",
        BENCH_PASSWORD,
      ]);
    }

    const server = await startServerProcess(
      { ...dbEnv, PROVINCE_CODE: provinceCode },
      options.port ?? (await findFreePort()),
      log,
    );
    try {
      const cookie = await signIn(server.baseUrl);
      // What a browser sends: every browser accepts gzip, and pages are kept gzipped (ADR 010).
      const headers = { Cookie: cookie, "Accept-Encoding": "gzip" };
      const { from, to } = facts.range;
      const endpoints: Endpoint[] = [
        { name: "overview", path: "/", routeId: "routes/_index" },
        {
          name: "commune page",
          path: `/communes/${facts.busiestCommune}`,
          routeId: "routes/communes.$code",
        },
        {
          name: "API (JSON)",
          path: `/api/v1/commune-month.json?from=${from}&to=${to}`,
          routeId: null,
        },
      ];

      const pages = options.extractsOnly
        ? null
        : await measurePages(server, headers, endpoints, options, {
            ...dbEnv,
            PROVINCE_CODE: provinceCode,
          });

      // The record-level extract in each format against COPY of the same rows. CSV twice: as
      // bytes (what the target compares with COPY, which sends no gzip either) and gzip, as a
      // browser asks for it (compression() then costs the server's CPU too).
      const extractRuns = [
        { name: "csv", format: "csv", encoding: "identity" },
        { name: "csv (gzip)", format: "csv", encoding: "gzip" },
        { name: "arrow", format: "arrow", encoding: "identity" },
        { name: "parquet", format: "parquet", encoding: "identity" },
      ] as const;
      const extracts: Report["extracts"] = [];
      for (const run of extractRuns) {
        log(`extract: ${facts.extractRows.toLocaleString("en")} records as ${run.name}`);
        const timing = await timeDownload(
          `${server.baseUrl}/api/v1/assistance.${run.format}?from=${from}&to=${to}`,
          { ...headers, "Accept-Encoding": run.encoding },
          server.pid,
        );
        extracts.push({
          format: run.name,
          ...timing,
          rss_growth_mb: timing.rss_peak_mb - timing.rss_before_mb,
          rows_per_s: Math.round(facts.extractRows / (timing.ms / 1000)),
          ratio_vs_copy: Math.round((copyBaseline.ms / timing.ms) * 100) / 100,
        });
      }
      const extractOf = (name: string) => extracts.find((e) => e.format === name)!;
      const result = {
        engine: options.engine,
        engine_version: database.version,
        cpus: cpus().length,
        load_start: loadStart,
        load_end: load(),
        records: facts.extractRows,
        seed,
        connections: options.connections,
        duration_s: options.duration,
        loader: pages?.loader ?? [],
        http: pages?.http ?? [],
        transfer: pages?.transfer ?? null,
        copy_baseline: { ...copyBaseline, rows: facts.extractRows },
        extracts,
        targets: {
          ...pages?.targets,
          csv_speed_ge_0_6_copy: pass(extractOf("csv").ratio_vs_copy >= 0.6),
          arrow_speed_ge_0_4_copy: pass(extractOf("arrow").ratio_vs_copy >= 0.4),
          extract_rss_growth_le_100mb: pass(extracts.every((e) => e.rss_growth_mb <= 100)),
        },
      };
      if (options.json) {
        console.log(JSON.stringify(result));
      } else {
        printReport(result);
      }
    } finally {
      await server.stop();
    }
    return 0;
  } finally {
    if (database && !options.keep) await database.drop();
    if (options.keep && database) log(`kept: ${database.location}`);
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }
}

type Report = {
  engine: string;
  engine_version: string;
  cpus: number;
  load_start: string;
  load_end: string;
  records: number;
  connections: number;
  duration_s: number;
  loader: { name: string; p50_ms: number; p95_ms: number; count: number; errors: number }[];
  http: {
    name: string;
    p50_ms: number;
    p95_ms: number;
    p99_ms: number;
    requests_per_s: number;
    errors: number;
    p95_vs_static: number;
    page_cache: string;
  }[];
  transfer: { html_bytes: number; css_bytes: number; js_bytes: number; total_bytes: number } | null;
  copy_baseline: { ms: number; bytes: number; rows: number };
  extracts: {
    format: string;
    ms: number;
    bytes: number;
    status: number;
    rows_per_s: number;
    ratio_vs_copy: number;
    rss_before_mb: number;
    rss_peak_mb: number;
    rss_growth_mb: number;
  }[];
  targets: Record<string, string>;
};

function pageLines(r: Report, transfer: NonNullable<Report["transfer"]>): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    "Loader (sequential ?_data= requests)     p50 ms   p95 ms  errors",
    ...r.loader.map(
      (l) =>
        `  ${l.name.padEnd(38)}${l.p50_ms.toFixed(1).padStart(7)}${l.p95_ms.toFixed(1).padStart(9)}${String(l.errors).padStart(8)}`,
    ),
    "",
    `HTTP at ${r.connections} connections, ${r.duration_s} s each   p50 ms   p95 ms   p99 ms    req/s  errors  p95 ÷ static  page cache`,
    ...r.http.map(
      (h) =>
        `  ${h.name.padEnd(38)}${h.p50_ms.toFixed(1).padStart(7)}${h.p95_ms.toFixed(1).padStart(9)}${h.p99_ms.toFixed(1).padStart(9)}${String(h.requests_per_s).padStart(9)}${String(h.errors).padStart(8)}${h.p95_vs_static.toFixed(1).padStart(14)}  ${h.page_cache}`,
    ),
    "",
    `Overview transfer (gzip): HTML ${kb(transfer.html_bytes)} + CSS ${kb(transfer.css_bytes)} + JS ${kb(transfer.js_bytes)} = ${kb(transfer.total_bytes)}`,
    "",
  ];
}

function printReport(r: Report): void {
  const lines = [
    `bench:web — ${r.engine_version}, ${r.records.toLocaleString("en")} assistance records, ${r.cpus} CPUs, load ${r.load_start} → ${r.load_end}`,
    "",
    ...(r.transfer ? pageLines(r, r.transfer) : []),
    `Extract of ${r.copy_baseline.rows.toLocaleString("en")} records`,
    `  COPY … TO STDOUT (baseline)  ${(r.copy_baseline.ms / 1000).toFixed(2)} s  ${(r.copy_baseline.bytes / 2 ** 20).toFixed(0)} MB`,
    ...r.extracts.map(
      (e) =>
        `  ${e.format.padEnd(28)} ${(e.ms / 1000).toFixed(2)} s  ${(e.bytes / 2 ** 20).toFixed(0)} MB  HTTP ${e.status}  ${e.rows_per_s.toLocaleString("en")} rows/s  speed ÷ COPY ${e.ratio_vs_copy.toFixed(2)}  server RSS ${e.rss_before_mb} → peak ${e.rss_peak_mb} MB (+${e.rss_growth_mb})`,
    ),
    "",
    "Targets",
    ...Object.entries(r.targets).map(([name, verdict]) => `  ${verdict}  ${name}`),
  ];
  console.log(lines.join("\n"));
}

runCli(main);
