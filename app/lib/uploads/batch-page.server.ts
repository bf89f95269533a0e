// Read side of one import batch for the web: its ledger row, decoded, and its rejected rows a
// page at a time (a batch can reject hundreds of thousands of rows).
import type { Kysely } from "kysely";
import { z } from "zod";
import type { BatchStatus, DB, ImportKind } from "~/lib/db/types";
import type { ImportSummary, IssueSummary, RejectSample } from "~/lib/etl/batch-summary";

export const REJECTS_PAGE_SIZE = 50;

/** A batch number in a URL: digits only, so "1e3" or "0x10" never reach the database. */
export const BatchIdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

export const PageParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/)
  .transform(Number);

export type ImportCounts = Pick<
  ImportSummary,
  "rows" | "inserted" | "updated" | "unchanged" | "rejected"
>;

export interface BatchDetail {
  batch_id: number;
  kind: ImportKind;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  loaded_by: string;
  status: BatchStatus;
  options: { strict: boolean; derive_ids: boolean; sheet: string | null };
  /** The workbook sheet this batch read; null for a CSV. */
  sheet: string | null;
  /** Rows below the header that are not records (totals, signature block), by reason. */
  skipped: { total_row: number; signature_block: number };
  counts: ImportCounts;
  warnings: IssueSummary[];
  /** Rejected rows grouped by reason, as the ledger recorded them. */
  reject_reasons: IssueSummary[];
  dropped_columns: string[];
  replaced_batches: number[];
  /** The ledger keeps the reason a batch loaded nothing as "code: English message". */
  error: string | null;
  started_at: string;
  finished_at: string | null;
  reverted_at: string | null;
}

const SkippedSchema = z.object({
  total_row: z.number().int().optional(),
  signature_block: z.number().int().optional(),
});

const IssueSummarySchema = z.object({
  code: z.string(),
  count: z.number(),
  message_vi: z.string(),
  message_en: z.string(),
  lines: z.array(z.number()),
});

// The ledger's jsonb columns are written by the ETL; a batch that never finished keeps defaults.
const LedgerIssuesSchema = z.object({
  warnings: z.array(IssueSummarySchema).catch([]),
  rejects: z.array(IssueSummarySchema).catch([]),
});
const LedgerOptionsSchema = z.object({
  strict: z.boolean().catch(false),
  derive_ids: z.boolean().catch(false),
  sheet: z.string().nullable().catch(null),
});
const ReplacedSchema = z.array(z.number());

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export async function getBatchDetail(db: Kysely<DB>, batchId: number): Promise<BatchDetail | null> {
  const row = await db
    .selectFrom("core.import_batch")
    .selectAll()
    .where("batch_id", "=", batchId)
    .executeTakeFirst();
  if (!row) return null;
  const issues = LedgerIssuesSchema.safeParse(row.warnings);
  const options = LedgerOptionsSchema.safeParse(row.options);
  const replaced = ReplacedSchema.safeParse(row.replaced);
  const skipped = SkippedSchema.safeParse(row.rows_skipped);
  return {
    batch_id: row.batch_id,
    kind: row.kind,
    file_name: row.file_name,
    file_sha256: row.file_sha256,
    file_bytes: row.file_bytes,
    loaded_by: row.loaded_by,
    status: row.status,
    options: options.success ? options.data : { strict: false, derive_ids: false, sheet: null },
    sheet: row.sheet,
    skipped: {
      total_row: skipped.success ? (skipped.data.total_row ?? 0) : 0,
      signature_block: skipped.success ? (skipped.data.signature_block ?? 0) : 0,
    },
    counts: {
      rows: row.rows_read,
      inserted: row.rows_inserted,
      updated: row.rows_updated,
      unchanged: row.rows_unchanged,
      rejected: row.rows_rejected,
    },
    warnings: issues.success ? issues.data.warnings : [],
    reject_reasons: issues.success ? issues.data.rejects : [],
    dropped_columns: row.dropped_columns,
    replaced_batches: replaced.success ? replaced.data : [],
    error: row.error,
    started_at: row.started_at.toISOString(),
    finished_at: iso(row.finished_at),
    reverted_at: iso(row.reverted_at),
  };
}

export interface RejectPage {
  rows: RejectSample[];
  total: number;
  page: number;
  pages: number;
  page_size: number;
}

/** Rejected rows of a batch in file order; no rows when `page` is past the last page. */
export async function getRejectPage(
  db: Kysely<DB>,
  batchId: number,
  page: number,
  pageSize = REJECTS_PAGE_SIZE,
): Promise<RejectPage> {
  const { total } = await db
    .selectFrom("core.rejected_row")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .where("batch_id", "=", batchId)
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize));
  if (page > pages) return { rows: [], total: Number(total), page, pages, page_size: pageSize };
  const rows = await db
    .selectFrom("core.rejected_row")
    .select(["line", "column_name as column", "reason_code", "message_vi", "message_en"])
    .where("batch_id", "=", batchId)
    .orderBy("line")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total), page, pages, page_size: pageSize };
}
