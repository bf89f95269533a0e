// Read side of the batch ledger, for `etl batches`, `etl rejects` and the data-quality page.
import type { Kysely } from "kysely";
import type { DB } from "~/lib/db/types";

export async function listBatches(db: Kysely<DB>, limit = 200) {
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
