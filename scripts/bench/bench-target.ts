// Where a benchmark child process finds the database the parent prepared: a PostgreSQL URL or a
// PGlite data directory (PGlite is one process at a time, so the parent closes it before a child
// opens it). Passed on the command line as JSON.
import type { SqlEngine } from "~/lib/db/engine";
import { openPgEngine } from "~/lib/db/engine-pg.server";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";

export type BenchTarget = { engine: "pg"; url: string } | { engine: "pglite"; dataDir: string };

export function openBenchEngine(target: BenchTarget): Promise<SqlEngine> | SqlEngine {
  if (target.engine === "pglite") return openPgliteEngine(target.dataDir);
  // statement timeout 0: one COPY chunk or merge of millions of rows may take minutes.
  return openPgEngine({
    connectionString: target.url,
    max: 2,
    connectTimeoutMs: 10_000,
    statementTimeoutMs: 0,
    applicationName: "cau-noi-so-bench",
  });
}

export function parseBenchTarget(json: string | undefined): BenchTarget {
  const value = JSON.parse(json ?? "null") as BenchTarget | null;
  if (value?.engine === "pg" && typeof value.url === "string") return value;
  if (value?.engine === "pglite" && typeof value.dataDir === "string") return value;
  throw new Error(`bench child: bad target ${json}`);
}
