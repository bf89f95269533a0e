// The intake corpus (tests/fixtures/intake/, issue 11): files written as offices, Google Forms and
// the one-stop system write them, each with what a careful reader concludes from it (manifest).
// This runs each file through the real import path into a database and compares: rows loaded per
// sheet, rows skipped by reason, rows rejected by reason, the commune of every loaded row. Used by
// `npm run intake:corpus` (a table and totals) and by tests/integration/intake-corpus.test.ts.
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import type { ImportKind } from "~/lib/db/types";
import { importSheets } from "~/lib/etl/import-sheets.server";

export const CORPUS_DIR = path.resolve("tests/fixtures/intake");

export interface SheetOutcome {
  sheet: string | null;
  loaded: number;
  skipped: { total_row: number; signature_block: number };
  rejected: Record<string, number>;
  communes: Record<string, number>;
  /** Loaded rows whose label landed in a catch-all bucket, by field (kept for mapping). */
  bucketed?: Record<string, number>;
}

export interface Outcome {
  file_error?: string;
  sheets?: SheetOutcome[];
}

export interface CorpusEntry {
  file: string;
  kind: ImportKind;
  writer: string;
  class: string;
  options?: { sheet?: string; derive_ids?: boolean };
  expect: Outcome;
  note?: string;
}

export async function readManifest(): Promise<CorpusEntry[]> {
  return JSON.parse(
    await readFile(path.join(CORPUS_DIR, "manifest.json"), "utf8"),
  ) as CorpusEntry[];
}

const FACT_TABLE: Record<ImportKind, string> = {
  assistance: "core.assistance",
  shifts: "core.volunteer_shift",
  dossiers: "core.dossier_stat",
  population: "ref.population_profile",
};

/** Imports one corpus file and reads back what became of it. */
export async function importCorpusFile(
  engine: SqlEngine,
  entry: CorpusEntry,
  options: { provinceCode?: string; isolate?: boolean } = {},
): Promise<Outcome> {
  const { provinceCode = "68", isolate = true } = options;
  // Each file is judged alone, as the manifest describes it: records another file of the corpus
  // already loaded would otherwise count as that file's.
  if (isolate)
    await withSession(engine, (session) =>
      session.query(
        `truncate core.batch_change, core.rejected_row, core.assistance, core.volunteer_shift,
                core.dossier_stat, ref.population_profile, mart.commune_month, core.import_batch cascade`,
      ),
    );
  const summaries = await importSheets(engine, {
    path: path.join(CORPUS_DIR, "files", entry.file),
    kind: entry.kind,
    provinceCode,
    loadedBy: "corpus",
    sheet: entry.options?.sheet,
    deriveIds: entry.options?.derive_ids,
    // The corpus's dates run to November 2026; "now" is fixed so that they never become future.
    now: new Date("2026-12-01T00:00:00Z"),
  });
  if (summaries.length === 1 && summaries[0]!.error && summaries[0]!.rows === 0)
    return { file_error: summaries[0]!.error.code };
  const sheets: SheetOutcome[] = [];
  for (const summary of summaries) {
    const batch = summary.batch_id;
    const rejected: Record<string, number> = {};
    const communes: Record<string, number> = {};
    const bucketed: Record<string, number> = {};
    if (batch !== null && summary.status === "loaded") {
      await withSession(engine, async (session) => {
        const reasons = await session.query<{ reason_code: string; n: number }>(
          `select reason_code, count(*)::int as n from core.rejected_row where batch_id = $1 group by 1`,
          [batch],
        );
        for (const r of reasons.rows) rejected[r.reason_code] = r.n;
        const rows = await session.query<{ commune_code: string; n: number }>(
          `select commune_code, count(*)::int as n from ${FACT_TABLE[entry.kind]} where batch_id = $1 group by 1`,
          [batch],
        );
        for (const r of rows.rows) communes[r.commune_code] = r.n;
        if (entry.kind !== "assistance") return;
        const labels = await session.query<{ field: string; n: number }>(
          `select l.key as field, count(*)::int as n
           from core.assistance a cross join lateral jsonb_each_text(a.source_labels) l
           where a.batch_id = $1 group by 1`,
          [batch],
        );
        for (const r of labels.rows) bucketed[r.field] = r.n;
      });
    } else if (summary.error) {
      rejected[`file:${summary.error.code}`] = summary.rows;
    }
    sheets.push({
      sheet: summary.sheet,
      loaded:
        summary.status === "loaded" ? summary.inserted + summary.updated + summary.unchanged : 0,
      skipped: {
        total_row: summary.skipped.total_row ?? 0,
        signature_block: summary.skipped.signature_block ?? 0,
      },
      rejected,
      communes,
      bucketed,
    });
  }
  return { sheets };
}

const sorted = (o: Record<string, number>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(o)
        .filter(([, n]) => n > 0)
        .sort(),
    ),
  );

/** How the outcome differs from the manifest, one line per difference; empty when it matches. */
export function compareOutcome(expected: Outcome, actual: Outcome): string[] {
  if (expected.file_error || actual.file_error)
    return expected.file_error === actual.file_error
      ? []
      : [
          `file error: expected ${expected.file_error ?? "none"}, got ${actual.file_error ?? "none"}`,
        ];
  const diffs: string[] = [];
  const want = expected.sheets ?? [];
  const got = actual.sheets ?? [];
  const names = (list: SheetOutcome[]) => list.map((s) => s.sheet ?? "(csv)").join(", ");
  if (want.length !== got.length)
    diffs.push(`sheets: expected [${names(want)}], got [${names(got)}]`);
  want.forEach((w) => {
    const g =
      got.find((s) => (s.sheet ?? null) === (w.sheet ?? null)) ??
      (want.length === 1 ? got[0] : undefined);
    const label = w.sheet ?? "(csv)";
    if (!g) return diffs.push(`${label}: not read`);
    if (g.loaded !== w.loaded) diffs.push(`${label}: loaded ${g.loaded}, expected ${w.loaded}`);
    for (const reason of ["total_row", "signature_block"] as const)
      if ((g.skipped[reason] ?? 0) !== (w.skipped?.[reason] ?? 0))
        diffs.push(
          `${label}: skipped ${reason} ${g.skipped[reason]}, expected ${w.skipped?.[reason] ?? 0}`,
        );
    if (sorted(g.rejected) !== sorted(w.rejected ?? {}))
      diffs.push(`${label}: rejected ${sorted(g.rejected)}, expected ${sorted(w.rejected ?? {})}`);
    if (sorted(g.communes) !== sorted(w.communes ?? {}))
      diffs.push(`${label}: communes ${sorted(g.communes)}, expected ${sorted(w.communes ?? {})}`);
    if (sorted(g.bucketed ?? {}) !== sorted(w.bucketed ?? {}))
      diffs.push(
        `${label}: bucketed ${sorted(g.bucketed ?? {})}, expected ${sorted(w.bucketed ?? {})}`,
      );
  });
  return diffs;
}

export interface CorpusTally {
  files: number;
  asExpected: number;
  loaded: number;
  skipped: number;
  rejected: number;
  /** Labels counted in a catch-all bucket (a row can carry two). */
  bucketed: number;
  fileErrors: number;
}

export function tally(
  outcomes: { entry: CorpusEntry; actual: Outcome; diffs: string[] }[],
): CorpusTally {
  const t: CorpusTally = {
    files: 0,
    asExpected: 0,
    loaded: 0,
    skipped: 0,
    rejected: 0,
    bucketed: 0,
    fileErrors: 0,
  };
  for (const { actual, diffs } of outcomes) {
    t.files++;
    if (diffs.length === 0) t.asExpected++;
    if (actual.file_error) t.fileErrors++;
    for (const s of actual.sheets ?? []) {
      t.loaded += s.loaded;
      t.skipped += s.skipped.total_row + s.skipped.signature_block;
      t.bucketed += Object.values(s.bucketed ?? {}).reduce((a, b) => a + b, 0);
      t.rejected += Object.values(s.rejected).reduce((a, b) => a + b, 0);
    }
  }
  return t;
}
