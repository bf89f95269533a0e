// `etl replay <batch|--all>` and the quality page's button (issue 11): a row quarantined for a
// value nobody had mapped yet (an unknown commune spelling, a channel written in a new way) is
// parsed again from its stored cells with today's vocabulary, without re-uploading the file. Rows
// that now pass join their batch exactly as if the file had been imported today: merged by key,
// logged in core.batch_change (so `etl revert` still undoes the whole batch), mart months
// recomputed, all in one transaction per batch under the import lock.
import type { SqlEngine, SqlSession } from "~/lib/db/engine";
import { withTransaction } from "~/lib/db/engine";
import type { ImportKind } from "~/lib/db/types";
import { refreshCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { csvLine } from "./copy-buffer";
import {
  buildMergeSql,
  buildRejectDuplicatesSql,
  buildRejectLoadedKeysSql,
  checkReferences,
  MERGE_SPECS,
  stagingColumns,
} from "./merge-spec";
import { loadRowContext } from "./row-context.server";
import { parseRow } from "./rows/parse-row";
import type { RowValues } from "./rows/row-context";

/** Reasons a new mapping cannot change: the row's shape or its key, not its vocabulary. */
const NOT_REPLAYABLE = ["duplicate_in_file", "ragged_row", "field_too_long"];

export interface ReplaySummary {
  batch_id: number;
  kind: ImportKind;
  /** Quarantined rows parsed again. */
  replayed: number;
  /** Of those, rows that now loaded (inserted, updated or unchanged by key). */
  loaded: number;
  inserted: number;
  updated: number;
  still_rejected: number;
  months: string[];
}

export class ReplayError extends Error {
  constructor(
    readonly code: "batch_not_found" | "batch_not_loaded",
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A stored cell back to what the reader gave the parser: "" was an empty cell, ISO text a date. */
function cellFromRaw(value: unknown): RowValues[string] {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value === "") return null;
  return ISO_INSTANT.test(value) ? new Date(value) : value;
}

/** Loaded batches that still hold replayable quarantined rows, oldest first. */
export async function listReplayableBatches(session: SqlSession): Promise<number[]> {
  const { rows } = await session.query<{ batch_id: number }>(
    `select distinct r.batch_id from core.rejected_row r
     join core.import_batch b on b.batch_id = r.batch_id and b.status = 'loaded'
     where r.reason_code <> all($1::text[]) order by r.batch_id`,
    [NOT_REPLAYABLE],
  );
  return rows.map((r) => r.batch_id);
}

export async function replayBatch(engine: SqlEngine, batchId: number): Promise<ReplaySummary> {
  return withTransaction(
    engine,
    async (session) => {
      await session.query("set local statement_timeout = 0");
      // The import lock: a replay, an import and a revert never interleave.
      await session.query("select pg_advisory_xact_lock(7068, 1)");
      const found = await session.query<{
        kind: ImportKind;
        status: string;
        options: { province_code?: string; derive_ids?: boolean };
      }>("select kind, status, options from core.import_batch where batch_id = $1 for update", [
        batchId,
      ]);
      const batch = found.rows[0];
      if (!batch)
        throw new ReplayError(
          "batch_not_found",
          `Không có lô nhập số ${batchId}.`,
          `There is no batch ${batchId}.`,
        );
      if (batch.status !== "loaded")
        throw new ReplayError(
          "batch_not_loaded",
          `Lô ${batchId} đang ở trạng thái "${batch.status}"; chỉ chạy lại được các dòng của lô đã nạp.`,
          `Batch ${batchId} is "${batch.status}"; only a loaded batch's rows can be replayed.`,
        );
      return replayRows(session, batchId, batch.kind, batch.options);
    },
    { activity: "import" },
  );
}

async function replayRows(
  session: SqlSession,
  batchId: number,
  kind: ImportKind,
  options: { province_code?: string; derive_ids?: boolean },
): Promise<ReplaySummary> {
  const spec = MERGE_SPECS[kind];
  const provinceCode = options.province_code ?? "68";
  const summary: ReplaySummary = {
    batch_id: batchId,
    kind,
    replayed: 0,
    loaded: 0,
    inserted: 0,
    updated: 0,
    still_rejected: 0,
    months: [],
  };
  const quarantined = await session.query<{ line: number; raw: Record<string, unknown> }>(
    `delete from core.rejected_row where batch_id = $1 and reason_code <> all($2::text[])
     returning line, raw`,
    [batchId, NOT_REPLAYABLE],
  );
  if (quarantined.rows.length === 0) return summary;
  const ctx = await loadRowContext(session, {
    provinceCode,
    deriveIds: Boolean(options.derive_ids),
    now: new Date(),
  });

  let staged = "";
  let rejects = "";
  for (const { line, raw } of quarantined.rows.sort((a, b) => a.line - b.line)) {
    const values: RowValues = {};
    for (const [field, value] of Object.entries(raw)) values[field] = cellFromRaw(value);
    const parsed = parseRow(kind, values, ctx);
    if (parsed.ok) {
      const row = parsed.row as Record<string, unknown>;
      staged += csvLine([
        batchId,
        line,
        ...spec.columns.map((c) => (row[c] ?? null) as string | number | null),
        row.row_hash as string,
      ]);
    } else {
      const { column, reason_code, message_vi, message_en } = parsed.error;
      rejects += csvLine([
        batchId,
        line,
        column,
        reason_code,
        message_vi,
        message_en,
        JSON.stringify(raw),
      ]);
    }
  }
  summary.replayed = quarantined.rows.length;
  if (rejects !== "")
    await session.copyCsv(
      "core.rejected_row",
      ["batch_id", "line", "column_name", "reason_code", "message_vi", "message_en", "raw"],
      rejects,
    );
  if (staged !== "") {
    await session.copyCsv(spec.staging, stagingColumns(spec), staged);
    await session.query(buildRejectDuplicatesSql(spec), [batchId]);
    // A key this batch already loaded is a repeat within the same file, rejected as on import.
    await session.query(buildRejectLoadedKeysSql(spec), [batchId]);
    await checkReferences(session, spec, batchId);
    const merged = await session.query<{
      inserted: number;
      updated: number;
      unchanged: number;
      months: string[];
    }>(buildMergeSql(spec), [batchId]);
    const m = merged.rows[0]!;
    Object.assign(summary, {
      inserted: m.inserted,
      updated: m.updated,
      loaded: m.inserted + m.updated + m.unchanged,
      months: m.months,
    });
    await session.query(`delete from ${spec.staging} where batch_id = $1`, [batchId]);
    if (spec.monthOf) await refreshCommuneMonth(session, provinceCode, m.months, batchId);
  }
  const left = await session.query<{ n: number }>(
    "select count(*)::int as n from core.rejected_row where batch_id = $1 and line = any($2::int[])",
    [batchId, quarantined.rows.map((r) => r.line)],
  );
  summary.still_rejected = left.rows[0]!.n;
  await session.query(
    `update core.import_batch set
       rows_inserted = rows_inserted + $2, rows_updated = rows_updated + $3,
       rows_unchanged = rows_unchanged + $4,
       rows_rejected = (select count(*) from core.rejected_row where batch_id = $1),
       options = options || jsonb_build_object('replays',
         coalesce(options -> 'replays', '[]'::jsonb) || jsonb_build_array(jsonb_build_object(
           'at', clock_timestamp(), 'replayed', $5::int, 'loaded', $6::int)))
     where batch_id = $1`,
    [
      batchId,
      summary.inserted,
      summary.updated,
      summary.loaded - summary.inserted - summary.updated,
      summary.replayed,
      summary.loaded,
    ],
  );
  return summary;
}
