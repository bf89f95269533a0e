// The analysts' record-level extract (sql/extracts/assistance_records.sql) as an export dataset,
// streamed so millions of records leave with flat memory. CSV comes formatted by the database
// (assistance_records_csv.sql): on PostgreSQL one COPY … TO STDOUT streamed to the client, on the
// embedded engine a page of lines at a time (ADR 019). On PostgreSQL, Arrow takes the rows' binary
// COPY as Arrow-shaped buffers and Parquet as column batches of values; on the embedded engine
// both gather keyset pages into column batches. XLSX and JSON read rows in keyset pages.
// assistance_records.sql is also what bench:web's COPY baseline runs, so the extract and the
// baseline are timed on identical rows.
import { CompiledQuery, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import { copyBinaryColumns, copyBinaryLastFields, type CopyFieldKind } from "~/lib/db/copy-binary";
import { withSession, type SqlEngine } from "~/lib/db/engine";
import { inlineParams, type InlineValue } from "~/lib/db/sql-inline";
import { copyBinaryVectors, type VectorBatch } from "~/lib/db/copy-binary-vectors";
import { readSqlFile } from "~/lib/db/sql-files.server";
import { rowsInColumns } from "~/lib/export/column-batches";
import { vectorKindOf } from "~/lib/export/write-arrow.server";
import type {
  ColumnBatch,
  CsvLineChunk,
  ExportColumn,
  ExportDataset,
  ExportRow,
} from "~/lib/export/dataset";
import { appliedFilters, resolveExtractQuery } from "~/lib/api/commune-month-extract.server";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { ProcedureGroup, UnitTypeFilter } from "~/lib/filters/filter-options";

export const ASSISTANCE_EXTRACT_COLUMNS: readonly ExportColumn[] = [
  { name: "record_id", type: "string" },
  { name: "assisted_at", type: "timestamp" },
  { name: "month", type: "month" },
  { name: "commune_code", type: "string", dictionary: true },
  { name: "commune_name", type: "string", dictionary: true },
  { name: "team", type: "string", dictionary: true },
  { name: "volunteer_id", type: "string" },
  { name: "procedure_code", type: "string", dictionary: true },
  { name: "procedure_group", type: "string", dictionary: true },
  { name: "help_type", type: "string", dictionary: true },
  { name: "channel", type: "string", dictionary: true },
  { name: "outcome", type: "string", dictionary: true },
  { name: "age_band", type: "string", dictionary: true },
  { name: "gender", type: "string", dictionary: true },
  { name: "ethnic_code", type: "string", nullable: true, dictionary: true },
  { name: "minutes", type: "int" },
  { name: "batch_id", type: "int" },
];

export interface AssistanceExtractFilter {
  provinceCode: string;
  from: string;
  to: string;
  communes: readonly string[];
  unitType: UnitTypeFilter | null;
  procedureGroup: ProcedureGroup | null;
}

/**
 * The units an extract covers: the province's, narrowed to the requested communes and unit type.
 * The extract's SQL takes them as a list (see the comment at its top for why).
 */
export async function extractCommuneCodes(
  db: Kysely<DB>,
  filter: Pick<AssistanceExtractFilter, "provinceCode" | "communes" | "unitType">,
): Promise<string[]> {
  const rows = await db
    .selectFrom("ref.commune")
    .select("code")
    .where("province_code", "=", filter.provinceCode)
    .$if(filter.communes.length > 0, (q) => q.where("code", "in", [...filter.communes]))
    .$if(filter.unitType !== null, (q) => q.where("unit_type", "=", filter.unitType!))
    .orderBy("code")
    .execute();
  return rows.map((row) => row.code);
}

/**
 * Rows ordered by record_id, fetched `pageSize` at a time after the last id seen (keyset
 * pagination): nothing stays open between pages, so a stalled client holds no connection. An
 * import committing mid-download can show in later pages; the stamp names the last batch.
 */
export async function* streamAssistanceExtract(
  db: Kysely<DB>,
  filter: AssistanceExtractFilter,
  pageSize = 5_000,
): AsyncGenerator<ExportRow> {
  const text = readSqlFile("extracts/assistance_records.sql");
  const communes = await extractCommuneCodes(db, filter);
  let after: string | null = null;
  for (;;) {
    const { rows }: { rows: ExportRow[] } = await db.executeQuery<ExportRow>(
      CompiledQuery.raw(text, [
        communes,
        filter.from,
        filter.to,
        filter.procedureGroup,
        after,
        pageSize,
      ]),
    );
    yield* rows;
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]!.record_id);
  }
}

/** The SQL file's parameters $1…$6 for a filter, from the record after `after`, `limit` rows. */
function extractParams(
  communes: readonly string[],
  filter: AssistanceExtractFilter,
  after: string | null,
  limit: number | null,
): InlineValue[] {
  return [communes, filter.from, filter.to, filter.procedureGroup, after, limit];
}

/** Lines a page on the embedded engine; ~3.5 MB of text at the extract's ~170 bytes a line. */
const CSV_PAGE_ROWS = 20_000;

/**
 * COPY (query) TO STDOUT in binary format on PostgreSQL, streamed with back-pressure on a
 * connection of the pool's bulk share, with no statement timeout (the pool's is for pages; a large
 * extract streams for longer). A consumer that stops early releases the session, which closes the
 * connection and so ends the COPY on the server.
 */
async function* copyOutBinary(engine: SqlEngine, query: string): AsyncGenerator<Buffer> {
  const session = await engine.acquire({ activity: "download" });
  try {
    if (!session.copyOut) throw new Error(`COPY TO STDOUT needs PostgreSQL, not ${engine.kind}`);
    await session.query("set statement_timeout = 0");
    yield* session.copyOut(`copy (${query}) to stdout with (format binary)`);
    await session.query("reset statement_timeout");
  } finally {
    session.release();
  }
}

/**
 * The extract's CSV data lines, formatted by the database (sql/extracts/assistance_records_csv.sql,
 * byte for byte what the CSV writer makes of the rows). On PostgreSQL one binary COPY, whose
 * lines pass through untouched. The embedded engine has no socket to stream from: it gathers a
 * page of lines into one text per query (string_agg) and pages by record_id, holding its one
 * connection only for each page's query.
 */
export async function* streamAssistanceCsvLines(
  db: Kysely<DB>,
  engine: SqlEngine,
  filter: AssistanceExtractFilter,
  pageRows = CSV_PAGE_ROWS,
): AsyncGenerator<CsvLineChunk> {
  const text = readSqlFile("extracts/assistance_records_csv.sql");
  const communes = await extractCommuneCodes(db, filter);
  if (engine.kind === "pg") {
    const query = inlineParams(text, extractParams(communes, filter, null, null));
    yield* copyBinaryLastFields(copyOutBinary(engine, query));
    return;
  }
  const pageSql = `select string_agg(line, '' order by record_id) as text, max(record_id) as last, count(*)::int as rows from (${text}) as page`;
  let after: string | null = null;
  for (;;) {
    const params = extractParams(communes, filter, after, pageRows);
    const result = await withSession(
      engine,
      (s) => s.query<{ text: string | null; last: string | null; rows: number }>(pageSql, params),
      { activity: "download" },
    );
    const page = result.rows[0]!;
    if (page.rows > 0) yield { bytes: Buffer.from(page.text ?? "", "utf8"), rows: page.rows };
    if (page.rows < pageRows) return;
    after = page.last;
  }
}

/**
 * Rows a column batch of the extract holds (Arrow record batch, Parquet row group): small enough
 * that the batches in flight stay well under the server's memory budget (see ARROW_BATCH_ROWS).
 */
export const EXTRACT_BATCH_ROWS = 16_384;

/**
 * The query of the binary COPY behind the column and vector batches: assistance_records.sql for
 * the filter, selected as `x` with timestamps as milliseconds (8-byte integers: one number per cell instead of a text each
 * writer parses; a zone-less time counts as UTC, as in export/time-value.ts), the rest as is.
 */
async function columnsQuery(db: Kysely<DB>, filter: AssistanceExtractFilter): Promise<string> {
  const communes = await extractCommuneCodes(db, filter);
  const text = readSqlFile("extracts/assistance_records.sql");
  const rows = inlineParams(text, extractParams(communes, filter, null, null));
  const select = ASSISTANCE_EXTRACT_COLUMNS.map((column) =>
    column.type === "timestamp"
      ? `(extract(epoch from x.${column.name}::timestamp) * 1000)::int8 as ${column.name}`
      : `x.${column.name}`,
  ).join(", ");
  return `select ${select} from (${rows}) as x`;
}

/** How each column's binary field is decoded: codes, names, months and volunteers interned. */
const COLUMN_KINDS: readonly CopyFieldKind[] = ASSISTANCE_EXTRACT_COLUMNS.map((column) => {
  if (column.type === "int" || column.type === "timestamp") return "int";
  if (column.dictionary || column.type === "month" || column.name === "volunteer_id")
    return "interned";
  return "text";
});

/**
 * The extract as column batches of EXTRACT_BATCH_ROWS rows for Arrow and Parquet (ADR 019). On
 * PostgreSQL one binary COPY of assistance_records.sql decoded straight into the batches' columns,
 * no row objects; on the embedded engine the keyset pages gathered into batches.
 */
export async function* streamAssistanceColumns(
  db: Kysely<DB>,
  engine: SqlEngine,
  filter: AssistanceExtractFilter,
): AsyncGenerator<ColumnBatch> {
  if (engine.kind !== "pg") {
    const names = ASSISTANCE_EXTRACT_COLUMNS.map((column) => column.name);
    yield* rowsInColumns(names, streamAssistanceExtract(db, filter), EXTRACT_BATCH_ROWS);
    return;
  }
  const query = await columnsQuery(db, filter);
  yield* copyBinaryColumns(copyOutBinary(engine, query), COLUMN_KINDS, EXTRACT_BATCH_ROWS);
}

/**
 * The extract as Arrow-shaped buffers (ADR 019), PostgreSQL only: the same binary COPY as
 * streamAssistanceColumns, its bytes copied into per-batch buffers with no value per cell.
 */
export async function* streamAssistanceVectors(
  db: Kysely<DB>,
  engine: SqlEngine,
  filter: AssistanceExtractFilter,
  batchRows = EXTRACT_BATCH_ROWS,
): AsyncGenerator<VectorBatch> {
  const query = await columnsQuery(db, filter);
  const columns = ASSISTANCE_EXTRACT_COLUMNS.map((column) => ({
    name: column.name,
    kind: vectorKindOf(column),
  }));
  yield* copyBinaryVectors(copyOutBinary(engine, query), columns, batchRows);
}

export type AssistanceExportResult =
  { ok: true; dataset: ExportDataset } | { ok: false; issues: FilterIssue[] };

/**
 * The record-level extract for the API's URL parameters (the same filter schema and defaults as
 * the commune × month API, plus procedure_group). Only roles with "download_records" reach it.
 */
export async function buildAssistanceExport(
  { db, engine }: { db: Kysely<DB>; engine: SqlEngine },
  provinceCode: string,
  searchParams: URLSearchParams,
  now: Date = new Date(),
): Promise<AssistanceExportResult> {
  const resolved = await resolveExtractQuery(db, provinceCode, searchParams);
  if (!resolved.ok) return resolved;
  const { query, filter, coverage } = resolved;
  const procedureGroup = filter.procedure_group ?? null;
  const filters = query ? appliedFilters(query) : {};
  if (procedureGroup) filters.procedure_group = procedureGroup;
  return {
    ok: true,
    dataset: {
      file_base_name: query
        ? `cau-noi-so_assistance_${query.from}_${query.to}`
        : "cau-noi-so_assistance",
      columns: ASSISTANCE_EXTRACT_COLUMNS,
      rows: query ? streamAssistanceExtract(db, { ...query, procedureGroup }) : [],
      ...(query
        ? {
            csvLines: streamAssistanceCsvLines(db, engine, { ...query, procedureGroup }),
            columnBatches: streamAssistanceColumns(db, engine, { ...query, procedureGroup }),
            ...(engine.kind === "pg"
              ? { vectorBatches: streamAssistanceVectors(db, engine, { ...query, procedureGroup }) }
              : {}),
          }
        : {}),
      stamp: {
        dataset: "assistance",
        filters,
        as_of: coverage?.refreshed_at ?? null,
        last_batch_id: coverage?.last_batch_id ?? null,
        generated_at: now.toISOString(),
      },
    },
  };
}
