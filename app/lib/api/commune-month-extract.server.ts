// The API's extract: mart.commune_month rows for a filter, in month then commune order, with the
// documented column names (docs/metrics.md). Rows come a page at a time (keyset pagination on the
// primary key), so memory stays flat and no connection or transaction waits on a slow client.
import type { Kysely } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import { mustSuppressDemographics } from "~/lib/auth/policy";
import type { DB } from "~/lib/db/types";
import type { ExportColumn, ExportDataset, ExportRow } from "~/lib/export/dataset";
import { metricColumn } from "~/lib/export/metric-column";
import { suppressColumns } from "~/lib/export/suppress-columns";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import { parseOverviewFilter, resolvePeriod, type OverviewFilter } from "~/lib/filters/filters";
import { getCoverage, type CoverageInfo } from "~/lib/metrics/province.server";
import { MART_METRIC_IDS, METRICS } from "~/lib/metrics/registry";

/** The columns of mart.commune_month, in table order, as the analysts' contract names them. */
export const COMMUNE_MONTH_COLUMNS: readonly ExportColumn[] = [
  {
    name: "commune_code",
    type: "string",
    dictionary: true,
    description: "GSO 5-digit code of the commune-level unit after 1 July 2025",
  },
  {
    name: "commune_name",
    type: "string",
    dictionary: true,
    description: "its name without the type prefix",
  },
  {
    name: "unit_type",
    type: "string",
    dictionary: true,
    description: "phuong (ward), xa (commune) or dac_khu (special zone)",
  },
  { name: "month", type: "month", description: "calendar month YYYY-MM, Asia/Ho_Chi_Minh" },
  ...MART_METRIC_IDS.map((id) => metricColumn(id)),
];

export interface CommuneMonthQuery {
  provinceCode: string;
  from: string;
  to: string;
  /** Commune codes; empty means every commune of the province. */
  communes: readonly string[];
  unitType: UnitTypeFilter | null;
}

/**
 * Rows of mart.commune_month for the query, ordered by month then commune code, fetched
 * `pageSize` at a time after the last key seen. Unlike a cursor, nothing is held open between
 * pages: a download whose client stalls or vanishes keeps no connection from the pool. An import
 * committing between two pages can show in the later ones; the file's stamp names the batch.
 */
export async function* streamCommuneMonthRows(
  db: Kysely<DB>,
  query: CommuneMonthQuery,
  pageSize = 2_000,
): AsyncGenerator<ExportRow> {
  let after: { month: string; commune_code: string } | null = null;
  for (;;) {
    const last: { month: string; commune_code: string } | null = after;
    const page: ExportRow[] = (await db
      .selectFrom("mart.commune_month as m")
      .innerJoin("ref.commune as c", "c.code", "m.commune_code")
      .selectAll("m")
      .where("c.province_code", "=", query.provinceCode)
      .where("m.month", ">=", query.from)
      .where("m.month", "<=", query.to)
      .$if(query.communes.length > 0, (q) => q.where("m.commune_code", "in", [...query.communes]))
      .$if(query.unitType !== null, (q) => q.where("m.unit_type", "=", query.unitType!))
      .$if(last !== null, (q) =>
        q.where((eb) =>
          eb(
            eb.refTuple("m.month", "m.commune_code"),
            ">",
            eb.tuple(last!.month, last!.commune_code),
          ),
        ),
      )
      .orderBy("m.month")
      .orderBy("m.commune_code")
      .limit(pageSize)
      .execute()) as unknown as ExportRow[];
    yield* page;
    if (page.length < pageSize) return;
    const end = page[page.length - 1]!;
    after = { month: String(end.month), commune_code: String(end.commune_code) };
  }
}

/**
 * Issues for commune codes that are not units of the province (400
 * "filter.error.commune_unknown"), one per code, in the order given.
 */
export async function findUnknownCommunes(
  db: Kysely<DB>,
  provinceCode: string,
  codes: readonly string[],
): Promise<FilterIssue[]> {
  if (codes.length === 0) return [];
  const known = await db
    .selectFrom("ref.commune")
    .select("code")
    .where("province_code", "=", provinceCode)
    .where("code", "in", [...codes])
    .execute();
  const knownCodes = new Set(known.map((row) => row.code));
  return codes
    .filter((code) => !knownCodes.has(code))
    .map((code) => ({
      param: "commune",
      message_key: "filter.error.commune_unknown",
      value: code,
      params: { code },
    }));
}

export type CommuneMonthExportResult =
  { ok: true; dataset: ExportDataset } | { ok: false; issues: FilterIssue[] };

/** The stamp's filters in URL-parameter form: what was applied, not what was asked. */
export function appliedFilters(query: CommuneMonthQuery): Record<string, string | string[]> {
  const filters: Record<string, string | string[]> = { from: query.from, to: query.to };
  if (query.communes.length > 0) filters.commune = [...query.communes];
  if (query.unitType) filters.unit_type = query.unitType;
  return filters;
}

export type ExtractQueryResult =
  | {
      ok: true;
      /** Null when the mart covers no month yet (nothing imported): an empty extract. */
      query: CommuneMonthQuery | null;
      filter: OverviewFilter;
      coverage: CoverageInfo | null;
    }
  | { ok: false; issues: FilterIssue[] };

/**
 * The API's URL parameters, validated with the pages' filter schema. Unlike the pages (last 12
 * months), from/to default to the whole covered range. Unknown communes are 400s.
 */
export async function resolveExtractQuery(
  db: Kysely<DB>,
  provinceCode: string,
  searchParams: URLSearchParams,
): Promise<ExtractQueryResult> {
  const parsed = parseOverviewFilter(searchParams);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const filter: OverviewFilter = parsed.filter;
  const unknown = await findUnknownCommunes(db, provinceCode, filter.commune);
  if (unknown.length > 0) return { ok: false, issues: unknown };

  const coverage = await getCoverage(db, provinceCode);
  if (!coverage) return { ok: true, query: null, filter, coverage };
  const wanted =
    filter.period || filter.from || filter.to
      ? filter
      : { ...filter, from: coverage.first_month, to: coverage.last_month };
  const resolution = resolvePeriod(wanted, coverage);
  if (!resolution.ok) return { ok: false, issues: [resolution.issue] };
  const { from, to } = resolution.period;
  return {
    ok: true,
    query: { provinceCode, from, to, communes: filter.commune, unitType: filter.unit_type ?? null },
    filter,
    coverage,
  };
}

/**
 * The commune × month extract for the API's URL parameters, suppressed for roles that must not
 * see small demographic counts.
 */
export async function buildCommuneMonthExport(
  db: Kysely<DB>,
  provinceCode: string,
  searchParams: URLSearchParams,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<CommuneMonthExportResult> {
  const resolved = await resolveExtractQuery(db, provinceCode, searchParams);
  if (!resolved.ok) return resolved;
  const { query, filter, coverage } = resolved;
  if (filter.procedure_group) {
    return {
      ok: false,
      issues: [
        {
          param: "procedure_group",
          message_key: "downloads.error.procedure_group",
          value: filter.procedure_group,
        },
      ],
    };
  }
  const dataset: ExportDataset = {
    file_base_name: query
      ? `cau-noi-so_commune-month_${query.from}_${query.to}`
      : "cau-noi-so_commune-month",
    columns: COMMUNE_MONTH_COLUMNS,
    rows: query ? streamCommuneMonthRows(db, query) : [],
    stamp: {
      dataset: "commune-month",
      filters: query ? appliedFilters(query) : {},
      as_of: coverage?.refreshed_at ?? null,
      last_batch_id: coverage?.last_batch_id ?? null,
      generated_at: now.toISOString(),
    },
    // At most communes × months rows: small enough to keep between identical API calls.
    keep: true,
  };
  return {
    ok: true,
    dataset: mustSuppressDemographics(viewer)
      ? suppressColumns(
          dataset,
          MART_METRIC_IDS.filter((id) => METRICS[id].suppressible),
        )
      : dataset,
  };
}
