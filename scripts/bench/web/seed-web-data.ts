// The web benchmark's data: the province's sample scaled up until it holds at least the wanted
// number of assistance records (with the matching shifts, dossier statistics and population
// profiles), loaded through the real ETL into a fresh database, as production data would be.
import path from "node:path";
import { withSession, type SqlEngine } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";
import { scaleForRows } from "~/lib/sample/assistance-rows";
import { loadSampleReference } from "~/lib/sample/load-sample-reference.server";
import { writeSample } from "~/lib/sample/write-sample.server";
import { monthsSinceMerger } from "~/lib/server/load-sample.server";

export interface SeedResult {
  assistance_rows: number;
  all_rows: number;
  files: number;
  generate_ms: number;
  import_ms: number;
}

export async function seedWebData(
  engine: SqlEngine,
  options: { records: number; provinceCode: string; workDir: string; seed: number },
  log: (message: string) => void,
): Promise<SeedResult> {
  const reference = await loadSampleReference(options.provinceCode);
  const now = new Date();
  const months = Math.max(1, monthsSinceMerger(now));
  const scale = scaleForRows(options.records, reference.communes.length, months);
  const out = path.join(options.workDir, "sample");
  log(`generating the sample at scale ${scale.toFixed(2)} (${months} months) → ${out}`);
  const generated = performance.now();
  const sample = await writeSample(
    { province: options.provinceCode, months, seed: options.seed, scale, now, out },
    reference,
  );
  const generateMs = performance.now() - generated;
  log(
    `importing ${sample.manifest.files.length} files (${sample.rowsByKind.assistance.toLocaleString("en")} assistance rows) through the ETL`,
  );
  const imported = performance.now();
  let allRows = 0;
  let assistanceRows = 0;
  for (const entry of sample.manifest.files) {
    const summary = await importFile(engine, {
      path: path.join(out, entry.file),
      kind: entry.kind,
      provinceCode: options.provinceCode,
      loadedBy: "bench:web",
    });
    allRows += summary.inserted + summary.updated;
    if (entry.kind === "assistance") assistanceRows += summary.inserted + summary.updated;
  }
  const importMs = Math.round(performance.now() - imported);
  // Measure a settled database, as a server sees it between imports: after millions of new rows
  // autovacuum would otherwise start on core.assistance during the timings (one run's overview
  // loader p95 went from ~20 to 53 ms that way), and its visibility map decides whether the
  // queries can use index-only scans.
  log("vacuum (analyze) so the timings do not overlap autovacuum");
  await withSession(engine, (session) => session.exec("vacuum (analyze)"));
  return {
    assistance_rows: assistanceRows,
    all_rows: allRows,
    files: sample.manifest.files.length,
    generate_ms: Math.round(generateMs),
    import_ms: importMs,
  };
}
