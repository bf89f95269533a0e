// First start on an empty database: generate the sample for the configured province and import
// it through the real ETL, file by file in the manifest's order, so the demo shows real batches,
// warnings and rejected rows. A database that has seen any import is left alone.
import path from "node:path";
import { sql } from "kysely";
import type { Database } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { importFile } from "~/lib/etl/import-file.server";
import { writeSample } from "~/lib/sample/write-sample.server";

/** Months from July 2025 through the current month: the sample never runs into the future. */
export function monthsSinceMerger(now: Date): number {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return (local.getUTCFullYear() - 2025) * 12 + local.getUTCMonth() - 6 + 1;
}

export async function loadSampleIfEmpty(
  database: Database,
  env: Env,
  log: (message: string) => void,
): Promise<boolean> {
  const batches = await sql<{ n: number }>`select count(*) as n from core.import_batch`.execute(
    database.db,
  );
  if (Number(batches.rows[0]?.n ?? 0) > 0) return false;

  const started = performance.now();
  const now = new Date();
  const out = path.resolve(env.DATA_DIR, `sample-${env.PROVINCE_CODE}`);
  log(`empty database: generating sample data for province ${env.PROVINCE_CODE} in ${out}…`);
  const sample = await writeSample({
    province: env.PROVINCE_CODE,
    months: Math.max(1, monthsSinceMerger(now)),
    seed: 1,
    scale: 1,
    now,
    out,
  });
  log(`importing ${sample.manifest.files.length} sample files through the ETL…`);
  let rows = 0;
  let rejected = 0;
  for (const entry of sample.manifest.files) {
    const summary = await importFile(database.engine, {
      path: path.join(out, entry.file),
      kind: entry.kind,
      provinceCode: env.PROVINCE_CODE,
      loadedBy: "sample",
    });
    rows += summary.rows;
    rejected += summary.rejected;
  }
  log(
    `sample loaded: ${rows.toLocaleString("en")} rows (${rejected.toLocaleString("en")} rejected on purpose, see the data-quality view) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return true;
}
