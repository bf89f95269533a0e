// Read side of the batch ledger, for `etl batches`, `etl rejects` and the data-quality page.
import { sql, type Kysely } from "kysely";
import type { DB, ImportKind } from "~/lib/db/types";

export interface BatchListFilter {
  kind?: ImportKind;
  /** Local months (YYYY-MM, Asia/Ho_Chi_Minh) bounding started_at: [loadedFrom, loadedBefore). */
  loadedFrom?: string;
  loadedBefore?: string | null;
}

/** started_at on or after the start of a local month (timestamptz against local wall time). */
export const localMonthStart = (month: string) =>
  sql<Date>`(${`${month}-01`}::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

export async function listBatches(db: Kysely<DB>, limit = 200, filter: BatchListFilter = {}) {
  return db
    .selectFrom("core.import_batch")
    .select([
      "batch_id",
      "kind",
      "file_name",
      "status",
      "loaded_by",
      "rows_read",
      "rows_inserted",
      "rows_updated",
      "rows_unchanged",
      "rows_rejected",
      "started_at",
      "finished_at",
      "error",
    ])
    .$if(filter.kind !== undefined, (query) => query.where("kind", "=", filter.kind!))
    .$if(filter.loadedFrom !== undefined, (query) =>
      query.where("started_at", ">=", localMonthStart(filter.loadedFrom!)),
    )
    .$if(typeof filter.loadedBefore === "string", (query) =>
      query.where("started_at", "<", localMonthStart(filter.loadedBefore!)),
    )
    .orderBy("batch_id", "desc")
    .limit(limit)
    .execute();
}

export type RejectRow = Awaited<ReturnType<typeof listRejects>>[number];

export async function listRejects(db: Kysely<DB>, batchId: number) {
  return db
    .selectFrom("core.rejected_row")
    .select(["batch_id", "line", "column_name", "reason_code", "message_vi", "message_en", "raw"])
    .where("batch_id", "=", batchId)
    .orderBy("line")
    .execute();
}
