// `etl revert <batch>`: removes what a batch inserted and restores what it updated, from the
// prior rows logged in core.batch_change, then recomputes the mart months it touched. Refused
// while a later loaded batch changed the same rows (revert that one first), so history stays
// consistent.
import type { SqlEngine } from "~/lib/db/engine";
import { withTransaction } from "~/lib/db/engine";
import type { ImportKind } from "~/lib/db/types";
import { refreshCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import {
  buildRevertBlockersSql,
  buildRevertMonthsSql,
  buildRevertSql,
  MERGE_SPECS,
} from "./merge-spec";

export class RevertError extends Error {
  constructor(
    readonly code: "batch_not_found" | "batch_not_loaded" | "batch_has_successors",
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

export interface RevertSummary {
  batch_id: number;
  kind: ImportKind;
  deleted: number;
  restored: number;
  months: string[];
}

export async function revertBatch(
  engine: SqlEngine,
  batchId: number,
  provinceCode: string,
): Promise<RevertSummary> {
  return withTransaction(engine, async (session) => {
    await session.query("set local statement_timeout = 0");
    // Same lock as imports: a revert and an import never interleave.
    await session.query("select pg_advisory_xact_lock(7068, 1)");
    const found = await session.query<{ kind: ImportKind; status: string }>(
      "select kind, status from core.import_batch where batch_id = $1 for update",
      [batchId],
    );
    const batch = found.rows[0];
    if (!batch) {
      throw new RevertError(
        "batch_not_found",
        `Không có lô nhập số ${batchId}.`,
        `There is no batch ${batchId}.`,
      );
    }
    if (batch.status !== "loaded") {
      throw new RevertError(
        "batch_not_loaded",
        `Lô ${batchId} đang ở trạng thái "${batch.status}", chỉ hoàn tác được lô đã nạp.`,
        `Batch ${batchId} is "${batch.status}"; only a loaded batch can be reverted.`,
      );
    }
    const spec = MERGE_SPECS[batch.kind];
    const blockers = await session.query<{ batch_id: number }>(buildRevertBlockersSql(spec), [
      batchId,
    ]);
    if (blockers.rows.length > 0) {
      const ids = blockers.rows.map((r) => r.batch_id).join(", ");
      throw new RevertError(
        "batch_has_successors",
        `Các lô sau đã sửa cùng dòng dữ liệu: ${ids}. Hãy hoàn tác chúng trước.`,
        `Later batches changed the same rows: ${ids}. Revert them first.`,
      );
    }
    const months = (
      await session.query<{ months: string[] }>(buildRevertMonthsSql(spec), [batchId])
    ).rows[0]!.months;
    const [deleteSql, restoreSql] = buildRevertSql(spec);
    const deleted = (await session.query(deleteSql, [batchId])).rowCount ?? 0;
    const restored = (await session.query(restoreSql, [batchId])).rowCount ?? 0;
    await session.query(
      "update core.import_batch set status = 'reverted', reverted_at = now() where batch_id = $1",
      [batchId],
    );
    if (spec.monthOf) await refreshCommuneMonth(session, provinceCode, months, null);
    return { batch_id: batchId, kind: batch.kind, deleted, restored, months };
  });
}
