// One file in, one batch out, in two phases. Reading: hash → stream rows → normalize → spill
// COPY-ready rows to a private temporary file, holding no lock, transaction or connection (ADR 012).
// Writing, under the ETL lock: COPY the spill into staging → reject in-file duplicates → merge into
// core by natural key → recompute the touched mart months → ledger. Everything after the ledger's
// "running" row happens in one transaction, so a process killed at any point leaves the batch
// wholly applied or not at all (ADR 005).
import path from "node:path";
import type { ImportKind } from "~/lib/db/types";
import type { SqlEngine, SqlSession } from "~/lib/db/engine";
import { DatabaseBusyError } from "~/lib/db/busy.server";
import { withSession } from "~/lib/db/engine";
import { refreshCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import type { ImportSummary, IssueSummary, RejectSample } from "./batch-summary";
import { IssueTally, MAX_SAMPLE_REJECTS } from "./batch-summary";
import { CopyBuffer } from "./copy-buffer";
import {
  buildMergeSql,
  buildRejectDuplicatesSql,
  checkReferences,
  MERGE_SPECS,
  stagingColumns,
} from "./merge-spec";
import { FileRejectedError } from "./read/file-errors";
import { openSource, sheetToRead } from "./read/open-source.server";
import { replayableRaw } from "./rows/personal-ids";
import { maskPersonalValue } from "./read/pii";
import { makeIssue } from "./reasons";
import { sha256File } from "./read/sha256.server";
import { loadRowContext } from "./row-context.server";
import { parseRow } from "./rows/parse-row";
import type { RowContext } from "./rows/row-context";
import { SpillFile } from "./spill-file.server";

export interface ImportFileOptions {
  path: string;
  kind: ImportKind;
  provinceCode: string;
  /** Who or what loaded it: a user name, "cli:<os user>", "sample". */
  loadedBy: string;
  /** The name users know the file by (an upload's original name); defaults to the base name. */
  fileName?: string;
  dryRun?: boolean;
  strict?: boolean;
  deriveIds?: boolean;
  sheet?: string;
  now?: Date;
  onProgress?: (rowsRead: number) => void;
  /** Called as the batch passes each stage (progress display, fault-injection tests). */
  onStage?: (stage: ImportStage) => void;
  /**
   * Web imports: when another importer holds the ETL lock, throw ImportBusyError at once instead
   * of waiting for it with a pooled connection (ADR 012).
   */
  tryLock?: boolean;
}

/** Another importer holds the ETL lock (only with tryLock); `since` is when it started. */
export class ImportBusyError extends Error {
  constructor(readonly since: Date) {
    super(`another import is running since ${since.toISOString()}`);
    this.name = "ImportBusyError";
  }
}

/** When the importer holding the ETL lock started: its ledger row, else its transaction. */
async function etlLockHeldSince(session: SqlSession): Promise<Date> {
  const running = await session
    .query<{ since: Date | null }>(
      `select coalesce(
         (select min(started_at) from core.import_batch where status = 'running'),
         (select min(a.xact_start) from pg_locks l join pg_stat_activity a on a.pid = l.pid
           where l.locktype = 'advisory' and l.classid = $1 and l.objid = $2 and l.granted)
       ) as since`,
      ETL_LOCK,
    )
    .catch(() => ({ rows: [{ since: null }] }));
  return running.rows[0]?.since ?? new Date();
}

export type ImportStage =
  | "ledger_running"
  | "transaction_open"
  | "staged"
  | "deduplicated"
  | "merged"
  | "mart_refreshed"
  | "ledger_final"
  | "committed";

/** Batches that insert or update at least this many rows re-analyze their core table. */
const ANALYZE_AFTER_ROWS = 10_000;

// One importer at a time per database: batches touch shared mart cells, and holding this lock is
// what lets an importer mark any other "running" batch as interrupted.
const ETL_LOCK: [number, number] = [7068, 1];
const COPY_CHUNK_CHARS = 2 * 1024 * 1024;
const PROGRESS_EVERY = 5_000;
const YIELD_EVERY = 500;

interface Counts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export async function importFile(
  engine: SqlEngine,
  options: ImportFileOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) =>
    (timings[name] = Math.round(performance.now() - since));
  const fileName = options.fileName ?? path.basename(options.path);
  const t0 = performance.now();
  const { sha256, bytes } = await sha256File(options.path);
  lap("hash", t0);
  // A workbook's sheets are batches of their own: the ledger names the sheet actually read.
  const sheet = await sheetToRead(options.path, options.sheet);
  options = { ...options, sheet: sheet ?? undefined };

  const summary: ImportSummary = {
    file: fileName,
    sheet,
    sha256,
    kind: options.kind,
    batch_id: null,
    status: "rejected",
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    warnings: [],
    skipped: {},
    dropped_columns: [],
    columns: [],
    sample_rejects: [],
    replaced_batches: [],
    months: [],
    error: null,
    timings_ms: timings,
  };
  const ledger: LedgerEntry = {
    kind: options.kind,
    fileName,
    sha256,
    bytes,
    loadedBy: options.loadedBy,
    options: ledgerOptions(options),
  };

  // Phase 1, reading: a short session looks up what parsing needs and reserves the batch id, then
  // goes back to the pool. The file is parsed with no lock, transaction or connection held, so a
  // slow or large file never makes pages or other imports wait (ADR 012).
  const prepared = await withSession(engine, async (session) => {
    const loadedId = await findLoadedBatch(session, options.kind, sha256, sheet);
    if (loadedId !== null) return { loadedId } as const;
    const ctx = await loadRowContext(session, {
      provinceCode: options.provinceCode,
      deriveIds: Boolean(options.deriveIds),
      now: options.now ?? new Date(),
    });
    const next = await session.query<{ id: number }>(
      "select nextval(pg_get_serial_sequence('core.import_batch', 'batch_id'))::int as id",
    );
    return { loadedId: null, ctx, batchId: next.rows[0]!.id } as const;
  });
  if (prepared.loadedId !== null) {
    summary.status = "already_loaded";
    summary.batch_id = prepared.loadedId;
    lap("total", started);
    return summary;
  }

  let read: ReadRows;
  try {
    read = await readRows(options, prepared.batchId, prepared.ctx, summary, timings);
  } catch (error) {
    if (!(error instanceof FileRejectedError)) throw error;
    summary.error = {
      code: error.code,
      message_vi: error.message_vi,
      message_en: error.message_en,
    };
    lap("total", started);
    if (!options.dryRun) {
      await withSession(engine, (session) =>
        insertLedger(session, prepared.batchId, ledger, "rejected", {
          error: `${error.code}: ${error.message_en}`,
          timings,
        }),
      );
      summary.batch_id = prepared.batchId;
    }
    return summary;
  }

  // Phase 2, writing: under the ETL lock and in one transaction, copy what phase 1 produced into
  // staging, then dedupe, merge, refresh the mart and finish the ledger.
  try {
    await withSession(
      engine,
      async (session) => {
        if (options.tryLock) {
          const { rows } = await session.query<{ locked: boolean }>(
            "select pg_try_advisory_lock($1, $2) as locked",
            ETL_LOCK,
          );
          if (!rows[0]?.locked) throw new ImportBusyError(await etlLockHeldSince(session));
        } else {
          await session.query("select pg_advisory_lock($1, $2)", ETL_LOCK);
        }
        try {
          await markInterruptedBatches(session);
          // Another importer may have loaded the same file while this one was reading.
          const loadedId = await findLoadedBatch(session, options.kind, sha256, sheet);
          if (loadedId !== null) {
            summary.status = "already_loaded";
            summary.batch_id = loadedId;
            return;
          }
          await writeBatch(session, prepared.batchId, ledger, read, options, summary, timings);
        } finally {
          await session.query("select pg_advisory_unlock($1, $2)", ETL_LOCK).catch(() => undefined);
        }
      },
      { activity: "import" },
    );
  } catch (error) {
    // On the embedded engine another import holds the one connection: for a web upload that is
    // the same answer as a held lock, "another import is running since …".
    if (
      options.tryLock &&
      error instanceof DatabaseBusyError &&
      error.holder.activity === "import"
    ) {
      throw new ImportBusyError(error.holder.since);
    }
    throw error;
  } finally {
    await read.dispose();
  }
  lap("total", started);
  return summary;
}

function ledgerOptions(options: ImportFileOptions) {
  return {
    strict: Boolean(options.strict),
    derive_ids: Boolean(options.deriveIds),
    sheet: options.sheet ?? null,
    province_code: options.provinceCode,
  };
}

interface LedgerEntry {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  bytes: number;
  loadedBy: string;
  options: ReturnType<typeof ledgerOptions>;
}

async function findLoadedBatch(
  session: SqlSession,
  kind: ImportKind,
  sha256: string,
  sheet: string | null,
): Promise<number | null> {
  const loaded = await session.query<{ batch_id: number }>(
    `select batch_id from core.import_batch
      where kind = $1 and file_sha256 = $2 and coalesce(sheet, '') = $3 and status = 'loaded'`,
    [kind, sha256, sheet ?? ""],
  );
  return loaded.rows[0]?.batch_id ?? null;
}

/** The ledger row under the batch id reserved in phase 1. */
async function insertLedger(
  session: SqlSession,
  batchId: number,
  entry: LedgerEntry,
  status: "running" | "rejected",
  finished?: { error: string; timings: Record<string, number> },
): Promise<void> {
  await session.query(
    `insert into core.import_batch
       (batch_id, kind, file_name, file_sha256, file_bytes, loaded_by, status, options, error, timings,
        finished_at, sheet)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::jsonb,
             case when $9::text is null then null else clock_timestamp() end, $11)`,
    [
      batchId,
      entry.kind,
      entry.fileName,
      entry.sha256,
      entry.bytes,
      entry.loadedBy,
      status,
      JSON.stringify(entry.options),
      finished?.error ?? null,
      JSON.stringify(finished?.timings ?? {}),
      entry.options.sheet,
    ],
  );
}

/** What phase 1 leaves for phase 2: COPY-ready staged rows and rejects on disk, and the tallies. */
interface ReadRows {
  staged: SpillFile;
  rejects: SpillFile;
  rows: number;
  rejectedRows: number;
  warnings: IssueTally;
  rejectReasons: IssueTally;
  dispose(): Promise<void>;
}

/** Phase 1: stream the file, parse and validate every row, spill the results to private files. */
async function readRows(
  options: ImportFileOptions,
  batchId: number,
  ctx: RowContext,
  summary: ImportSummary,
  timings: Record<string, number>,
): Promise<ReadRows> {
  const t = performance.now();
  const spec = MERGE_SPECS[options.kind];
  const source = await openSource(options.path, {
    kind: options.kind,
    sheet: options.sheet,
    deriveIds: options.deriveIds,
    headerAliases: ctx.vocabulary.headers(options.kind),
  });
  summary.columns = [
    ...source.columns.flatMap((c) =>
      c.field === null ? [] : [{ header: c.header, field: c.field }],
    ),
    ...Object.keys(source.fromTitle).map((field) => ({ header: "(tiêu đề / title)", field })),
  ];
  summary.dropped_columns = source.droppedColumns.map((c) => ({
    name: c.name,
    personal_data: c.personalData,
  }));
  const stagedFile = await SpillFile.create("staged");
  const rejectsFile = await SpillFile.create("rejects").catch(async (error: unknown) => {
    await stagedFile.dispose();
    throw error;
  });
  const dispose = async () => {
    await stagedFile.dispose();
    await rejectsFile.dispose();
  };
  try {
    const staged = new CopyBuffer(COPY_CHUNK_CHARS, (csv) => stagedFile.append(csv));
    const rejects = new CopyBuffer(COPY_CHUNK_CHARS, (csv) => rejectsFile.append(csv));
    const warnings = new IssueTally();
    const rejectReasons = new IssueTally();
    // Said once per batch: every row takes these from the report's title.
    for (const [field, value] of Object.entries(source.fromTitle))
      warnings.add(
        makeIssue("value_from_title", field, { field, value: String(value) }),
        source.headerLine,
      );
    let rows = 0;
    for await (const sourceRow of source.rows) {
      if (sourceRow.skip) {
        summary.skipped[sourceRow.skip] = (summary.skipped[sourceRow.skip] ?? 0) + 1;
        continue;
      }
      rows++;
      if (options.onProgress && rows % PROGRESS_EVERY === 0) options.onProgress(rows);
      // Parsing is CPU work on the server's one thread: let requests in between (ADR 012).
      if (rows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      // A reader problem (ragged row, oversized field) rejects the row before it is parsed.
      let issue: RowRejection | undefined = sourceRow.problem;
      if (!issue) {
        const parsed = parseRow(options.kind, sourceRow.values, ctx);
        for (const w of parsed.warnings) warnings.add(w, sourceRow.line);
        if (parsed.ok) {
          const row = parsed.row;
          await staged.push([
            batchId,
            sourceRow.line,
            ...spec.columns.map((c) => row[c] ?? null),
            row.row_hash ?? null,
          ]);
          continue;
        }
        issue = parsed.error;
      }
      rejectReasons.add(issue, sourceRow.line);
      // Only rejected rows keep their (masked) cells, so only they pay for the JSON.
      const { column, reason_code, message_vi, message_en } = issue;
      const raw = JSON.stringify(replayableRaw(sourceRow.raw, sourceRow.values, ctx));
      await rejects.push([
        batchId,
        sourceRow.line,
        column,
        reason_code,
        message_vi,
        message_en,
        raw,
      ]);
    }
    await staged.flush();
    await rejects.flush();
    options.onProgress?.(rows);
    timings.read = Math.round(performance.now() - t);
    return {
      staged: stagedFile,
      rejects: rejectsFile,
      rows,
      rejectedRows: rejects.rows,
      warnings,
      rejectReasons,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Phase 2, holding the ETL lock: the ledger's "running" row, then one transaction from staging to
 * the ledger's final row. A dry run does it all and rolls back.
 */
async function writeBatch(
  session: SqlSession,
  batchId: number,
  ledger: LedgerEntry,
  read: ReadRows,
  options: ImportFileOptions,
  summary: ImportSummary,
  timings: Record<string, number>,
): Promise<void> {
  // A real run records "running" outside the batch transaction so an interrupted import stays
  // visible (and is marked failed by the next importer); a dry run leaves no trace.
  if (!options.dryRun) {
    await insertLedger(session, batchId, ledger, "running");
    options.onStage?.("ledger_running");
  }
  summary.batch_id = batchId;
  await session.query("begin");
  try {
    await session.query("set local statement_timeout = 0");
    options.onStage?.("transaction_open");
    if (options.dryRun) await insertLedger(session, batchId, ledger, "running");
    await loadBatch(session, batchId, read, options, summary, timings);
    if (options.dryRun) {
      await session.query("rollback");
      summary.status = "dry_run";
      summary.batch_id = null;
    } else {
      await session.query("commit");
      options.onStage?.("committed");
    }
  } catch (error) {
    await session.query("rollback").catch(() => undefined);
    if (!options.dryRun) {
      await session.query(
        `update core.import_batch set status = 'failed', error = $2, finished_at = clock_timestamp() where batch_id = $1`,
        [batchId, (error as Error).message],
      );
    }
    throw error;
  }
}

/** Inside the batch transaction: everything from staging the parsed rows to the ledger's final row. */
async function loadBatch(
  session: SqlSession,
  batchId: number,
  read: ReadRows,
  options: ImportFileOptions,
  summary: ImportSummary,
  timings: Record<string, number>,
): Promise<void> {
  const spec = MERGE_SPECS[options.kind];
  let t = performance.now();
  const columns = stagingColumns(spec);
  for await (const csv of read.staged.read()) await session.copyCsv(spec.staging, columns, csv);
  for await (const csv of read.rejects.read()) {
    await session.copyCsv("core.rejected_row", REJECT_COLUMNS, csv);
  }
  const rows = read.rows;
  timings.stage = Math.round(performance.now() - t);
  options.onStage?.("staged");

  t = performance.now();
  const duplicates = await session.query(buildRejectDuplicatesSql(spec), [batchId]);
  const duplicateCount = duplicates.rowCount ?? 0;
  if (duplicateCount > 0) await maskDuplicateRejects(session, batchId);
  timings.dedupe = Math.round(performance.now() - t);
  options.onStage?.("deduplicated");

  const rejected = read.rejectedRows + duplicateCount;
  // Read back inside the transaction: a dry run rolls the stored rejects away, and this way the
  // sample also holds the in-file duplicates the statement above rejected.
  if (rejected > 0) {
    summary.sample_rejects = (
      await session.query<RejectSample>(
        `select line, column_name as "column", reason_code, message_vi, message_en
         from core.rejected_row where batch_id = $1 order by line limit $2`,
        [batchId, MAX_SAMPLE_REJECTS],
      )
    ).rows;
  }
  const counts: Counts = { rows, inserted: 0, updated: 0, unchanged: 0, rejected };
  let replaced: number[] = [];
  let months: string[] = [];
  let error: ImportSummary["error"] = null;

  if (options.strict && rejected > 0) {
    error = {
      code: "strict_rejected",
      message_vi: `Chế độ --strict: ${rejected} dòng bị từ chối nên không nạp dòng nào. Sửa các dòng lỗi rồi nạp lại.`,
      message_en: `--strict: ${rejected} row(s) were rejected, so nothing was loaded. Fix them and import again.`,
    };
  } else if (rows > 0 && rejected === rows) {
    error = {
      code: "all_rows_rejected",
      message_vi: `Tất cả ${rows} dòng đều bị từ chối; không có dữ liệu nào được nạp.`,
      message_en: `All ${rows} row(s) were rejected; nothing was loaded.`,
    };
  } else if (rows === 0) {
    error = {
      code: "no_rows",
      message_vi: "Tệp không có dòng dữ liệu nào.",
      message_en: "The file has no data rows.",
    };
  }

  if (error) {
    await session.query(`delete from ${spec.staging} where batch_id = $1`, [batchId]);
  } else {
    t = performance.now();
    await checkReferences(session, spec, batchId);
    const merged = await session.query<{
      inserted: number;
      updated: number;
      unchanged: number;
      replaced_batches: number[];
      months: string[];
    }>(buildMergeSql(spec), [batchId]);
    const m = merged.rows[0]!;
    Object.assign(counts, { inserted: m.inserted, updated: m.updated, unchanged: m.unchanged });
    replaced = m.replaced_batches;
    months = m.months;
    await session.query(`delete from ${spec.staging} where batch_id = $1`, [batchId]);
    // A large batch changes the table enough that the planner's statistics go stale before
    // autovacuum notices (seen: 2 million rows later it still estimated 27 per commune, and the
    // extract's pages each re-read the whole table). ANALYZE samples a fixed number of rows, so
    // this costs well under a second, and it commits with the batch.
    if (m.inserted + m.updated >= ANALYZE_AFTER_ROWS) await session.query(`analyze ${spec.core}`);
    timings.merge = Math.round(performance.now() - t);
    options.onStage?.("merged");
    t = performance.now();
    if (spec.monthOf) await refreshCommuneMonth(session, options.provinceCode, months, batchId);
    timings.mart = Math.round(performance.now() - t);
    options.onStage?.("mart_refreshed");
  }

  const warningList: IssueSummary[] = read.warnings.list();
  Object.assign(summary, counts, {
    status: error ? "rejected" : "loaded",
    warnings: warningList,
    replaced_batches: replaced,
    months,
    error,
  });
  await session.query(
    `update core.import_batch set status = $2, rows_read = $3, rows_inserted = $4, rows_updated = $5,
       rows_unchanged = $6, rows_rejected = $7, warnings = $8::jsonb, dropped_columns = $9::text[],
       replaced = $10::jsonb, timings = $11::jsonb, error = $12, finished_at = clock_timestamp(),
       rows_skipped = $13::jsonb
     where batch_id = $1`,
    [
      batchId,
      error ? "rejected" : "loaded",
      counts.rows,
      counts.inserted,
      counts.updated,
      counts.unchanged,
      counts.rejected,
      JSON.stringify({ warnings: warningList, rejects: read.rejectReasons.list() }),
      summary.dropped_columns.map((c) => c.name),
      JSON.stringify(replaced),
      JSON.stringify(timings),
      error ? `${error.code}: ${error.message_en}` : null,
      JSON.stringify(summary.skipped),
    ],
  );
  options.onStage?.("ledger_final");
}

const MASK_CHUNK = 5_000;

/**
 * Rows rejected as in-file duplicates are copied from staging by SQL, so their stored values have
 * not passed through the reader's personal-data masking: apply it here, a chunk at a time.
 */
async function maskDuplicateRejects(session: SqlSession, batchId: number): Promise<void> {
  let after = 0;
  for (;;) {
    const { rows } = await session.query<{ line: number; raw: Record<string, unknown> }>(
      `select line, raw from core.rejected_row
       where batch_id = $1 and reason_code = 'duplicate_in_file' and line > $2
       order by line limit ${MASK_CHUNK}`,
      [batchId, after],
    );
    if (rows.length === 0) return;
    after = rows.at(-1)!.line;
    const lines: number[] = [];
    const masked: string[] = [];
    for (const row of rows) {
      let changed = false;
      const raw = Object.fromEntries(
        Object.entries(row.raw).map(([key, value]) => {
          if (typeof value !== "string") return [key, value];
          const safe = maskPersonalValue(value);
          changed ||= safe !== value;
          return [key, safe];
        }),
      );
      if (!changed) continue;
      lines.push(row.line);
      masked.push(JSON.stringify(raw));
    }
    if (lines.length > 0) {
      await session.query(
        `update core.rejected_row r set raw = v.raw::jsonb
         from unnest($2::int[], $3::text[]) as v(line, raw)
         where r.batch_id = $1 and r.line = v.line`,
        [batchId, lines, masked],
      );
    }
  }
}

/** What a rejected row records: a reader problem or a parser error. */
interface RowRejection {
  column: string | null;
  reason_code: string;
  message_vi: string;
  message_en: string;
}

const REJECT_COLUMNS = [
  "batch_id",
  "line",
  "column_name",
  "reason_code",
  "message_vi",
  "message_en",
  "raw",
] as const;

/**
 * Marks batches left "running" by a killed importer as failed. Only safe while holding ETL_LOCK:
 * then no live importer can own them. Their data never committed (one transaction per batch).
 */
async function markInterruptedBatches(session: SqlSession): Promise<number[]> {
  const { rows } = await session.query<{ batch_id: number }>(
    `update core.import_batch set status = 'failed', finished_at = now(),
       error = 'interrupted: the import stopped before it committed; nothing of it was applied'
     where status = 'running' returning batch_id`,
  );
  return rows.map((r) => r.batch_id);
}

/**
 * At start (and before checking a database after a crash): the same recovery. It waits up to
 * waitMs for the ETL lock, because after a SIGKILL the server may hold the dead importer's lock
 * until it notices the client is gone; a live importer keeps it longer, and then nothing is done.
 */
export async function recoverInterruptedBatches(
  engine: SqlEngine,
  waitMs = 5_000,
): Promise<number[]> {
  return withSession(engine, async (session) => {
    await session.query("begin");
    try {
      await session.query(`set local lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
      await session.query("select pg_advisory_xact_lock($1, $2)", ETL_LOCK);
      const recovered = await markInterruptedBatches(session);
      await session.query("commit");
      return recovered;
    } catch (error) {
      await session.query("rollback").catch(() => undefined);
      // 55P03 lock_not_available: an importer is running; its batch is not interrupted.
      if ((error as { code?: string }).code === "55P03") return [];
      throw error;
    }
  });
}
