// The rejected rows of a batch as a CSV download, streamed a page at a time so memory does not grow
// with the number of rejects. Each page goes through rejectsToCsv (the CLI's `etl rejects
// --format csv`), so the two files are identical.
import type { Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import type { RejectRow } from "~/lib/etl/batches.server";
import { rejectsToCsv } from "~/lib/etl/rejects-csv";

const ROWS_PER_CHUNK = 2_000;

/** BOM, header, then the rows in file order. */
export async function* generateRejectsCsv(
  db: Kysely<DB>,
  batchId: number,
  rowsPerChunk = ROWS_PER_CHUNK,
): AsyncGenerator<string> {
  // rejectsToCsv of no rows is exactly the BOM and the header row.
  const head = rejectsToCsv([]);
  yield head;
  let afterLine = -1;
  for (;;) {
    const rows: RejectRow[] = await db
      .selectFrom("core.rejected_row")
      .select(["batch_id", "line", "column_name", "reason_code", "message_vi", "message_en", "raw"])
      .where("batch_id", "=", batchId)
      .where("line", ">", afterLine)
      .orderBy("line")
      .limit(rowsPerChunk)
      .execute();
    if (rows.length === 0) return;
    yield rejectsToCsv(rows).slice(head.length);
    if (rows.length < rowsPerChunk) return;
    afterLine = rows[rows.length - 1]!.line;
  }
}

export function rejectsCsvFileName(batchId: number): string {
  return `batch-${batchId}-rejects.csv`;
}

/** An async generator of text as a byte stream for a Response body. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
