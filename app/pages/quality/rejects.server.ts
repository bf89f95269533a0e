// Rejected rows across batches: how many per reason for a kind and load window, and the rows of
// one reason a page at a time (or all of them, streamed, for the download).
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { DB, ImportKind } from "~/lib/db/types";
import { localMonthStart } from "~/lib/etl/batches.server";
import type { LoadWindow } from "~/pages/quality/load-window";

export const REJECT_ROWS_PAGE_SIZE = 50;

export interface RejectScope {
  kind: ImportKind | null;
  /** Null: every batch ever loaded (no data covered yet). */
  window: LoadWindow | null;
}

export interface ReasonCount {
  reason_code: string;
  rows: number;
  batches: number;
  /** The first rejected row's message (reasons.ts fills in the row's own values). */
  example_vi: string;
  example_en: string;
}

type RejectQuery = SelectQueryBuilder<
  DB & { r: DB["core.rejected_row"]; b: DB["core.import_batch"] },
  "r" | "b",
  object
>;

function scoped(db: Kysely<DB>, scope: RejectScope): RejectQuery {
  return db
    .selectFrom("core.rejected_row as r")
    .innerJoin("core.import_batch as b", "b.batch_id", "r.batch_id")
    .$if(scope.kind !== null, (query) => query.where("b.kind", "=", scope.kind!))
    .$if(scope.window !== null, (query) =>
      query.where("b.started_at", ">=", localMonthStart(scope.window!.from)),
    )
    .$if(typeof scope.window?.before === "string", (query) =>
      query.where("b.started_at", "<", localMonthStart(scope.window!.before!)),
    ) as unknown as RejectQuery;
}

/** Rejected rows per reason, most frequent first (ties by code). */
export async function countRejectsByReason(
  db: Kysely<DB>,
  scope: RejectScope,
): Promise<ReasonCount[]> {
  const counts = await scoped(db, scope)
    .groupBy("r.reason_code")
    .select((eb) => [
      "r.reason_code",
      eb.fn.countAll<number>().as("rows"),
      eb.fn.count<number>("r.batch_id").distinct().as("batches"),
      eb.fn.min<number>("r.batch_id").as("first_batch"),
    ])
    .execute();
  if (counts.length === 0) return [];
  // One example message per reason: the lowest line of the reason's first batch.
  const examples = await db
    .selectFrom("core.rejected_row")
    .distinctOn("reason_code")
    .select(["reason_code", "message_vi", "message_en"])
    .where((eb) =>
      eb.or(
        counts.map((count) =>
          eb.and([
            eb("reason_code", "=", count.reason_code),
            eb("batch_id", "=", count.first_batch),
          ]),
        ),
      ),
    )
    .orderBy("reason_code")
    .orderBy("line")
    .execute();
  const exampleOf = new Map(examples.map((row) => [row.reason_code, row]));
  return counts
    .map((count) => ({
      reason_code: count.reason_code,
      rows: count.rows,
      batches: count.batches,
      example_vi: exampleOf.get(count.reason_code)?.message_vi ?? "",
      example_en: exampleOf.get(count.reason_code)?.message_en ?? "",
    }))
    .sort((a, b) => b.rows - a.rows || a.reason_code.localeCompare(b.reason_code));
}

export interface RejectedRowView {
  batch_id: number;
  kind: ImportKind;
  file_name: string;
  line: number;
  column: string | null;
  reason_code: string;
  /** Messages quote the row's cells; null for viewers without record-level access. */
  message_vi: string | null;
  message_en: string | null;
  /**
   * The row as read, personal-data columns already removed by the ETL, as JSON text; null for
   * viewers without record-level access (canSeeRejectedRecords).
   */
  raw: string | null;
}

/** A rejected row reduced to where it is and why: no cell of the record (ADR 012). */
export function withoutRecord(row: RejectedRowView): RejectedRowView {
  return { ...row, message_vi: null, message_en: null, raw: null };
}

/** A reason's counts without its example message, which quotes one row's cells. */
export function withoutExample(count: ReasonCount): ReasonCount {
  return { ...count, example_vi: "", example_en: "" };
}

export interface RejectRowsPage {
  rows: RejectedRowView[];
  total: number;
  page: number;
  pages: number;
  page_size: number;
}

function rowsOfReason(db: Kysely<DB>, scope: RejectScope, reason: string) {
  return scoped(db, scope)
    .where("r.reason_code", "=", reason)
    .select([
      "r.batch_id",
      "b.kind",
      "b.file_name",
      "r.line",
      "r.column_name as column",
      "r.reason_code",
      "r.message_vi",
      "r.message_en",
      "r.raw",
    ])
    .orderBy("r.batch_id", "desc")
    .orderBy("r.line");
}

function toView(row: {
  batch_id: number;
  kind: ImportKind;
  file_name: string;
  line: number;
  column: string | null;
  reason_code: string;
  message_vi: string;
  message_en: string;
  raw: unknown;
}): RejectedRowView {
  return {
    ...row,
    raw: typeof row.raw === "string" ? row.raw : JSON.stringify(row.raw),
  };
}

/** One page of the rows rejected for `reason`, newest batch first, in file order. */
export async function getRejectRowsPage(
  db: Kysely<DB>,
  scope: RejectScope,
  reason: string,
  page: number,
  pageSize = REJECT_ROWS_PAGE_SIZE,
): Promise<RejectRowsPage> {
  const { total: count } = await scoped(db, scope)
    .where("r.reason_code", "=", reason)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (page > pages) return { rows: [], total: count, page, pages, page_size: pageSize };
  const rows = await rowsOfReason(db, scope, reason)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows.map(toView), total: count, page, pages, page_size: pageSize };
}

/** Every row rejected for `reason`, in pages of `chunk`, so a large download stays flat. */
export async function* streamRejectRows(
  db: Kysely<DB>,
  scope: RejectScope,
  reason: string,
  chunk = 5_000,
): AsyncGenerator<RejectedRowView> {
  // Keyset pagination on (batch_id desc, line): stable while rows are only ever added.
  let after: { batch_id: number; line: number } | null = null;
  for (;;) {
    const cursor: { batch_id: number; line: number } | null = after;
    const rows = await rowsOfReason(db, scope, reason)
      .$if(cursor !== null, (query) =>
        query.where((eb) =>
          eb.or([
            eb("r.batch_id", "<", cursor!.batch_id),
            eb.and([eb("r.batch_id", "=", cursor!.batch_id), eb("r.line", ">", cursor!.line)]),
          ]),
        ),
      )
      .limit(chunk)
      .execute();
    for (const row of rows) yield toView(row);
    const last = rows.at(-1);
    if (!last || rows.length < chunk) return;
    after = { batch_id: last.batch_id, line: last.line };
  }
}
