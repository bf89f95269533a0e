// The analysts' record-level extract (sql/extracts/assistance_records.sql) as an export dataset:
// streamed in keyset pages, so millions of records leave with flat memory. The same
// SQL file is what bench:web's COPY baseline runs, so the two are timed on identical rows.
import { CompiledQuery, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import { readSqlFile } from "~/lib/db/sql-files.server";
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
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

export type AssistanceExportResult =
  { ok: true; dataset: ExportDataset } | { ok: false; issues: FilterIssue[] };

/**
 * The record-level extract for the API's URL parameters (the same filter schema and defaults as
 * the commune × month API, plus procedure_group). Only roles with "download_records" reach it.
 */
export async function buildAssistanceExport(
  db: Kysely<DB>,
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
