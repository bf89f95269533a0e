// The drill-down of one reject reason: the same scope as the data-quality page, one page of rows.
import type { Kysely } from "kysely";
import { canSeeRejectedRecords, type Viewer } from "~/lib/auth/policy";
import type { DB } from "~/lib/db/types";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { OverviewFilter } from "~/lib/filters/filters";
import { assertCanViewQuality } from "~/pages/quality/access";
import { resolveQualityScope, type QualityScope } from "~/pages/quality/load.server";
import type { QualityParams } from "~/lib/filters/quality-params";
import {
  getRejectRowsPage,
  withoutRecord,
  type RejectRowsPage,
} from "~/pages/quality/rejects.server";

export interface RejectDrillData {
  scope: QualityScope;
  reason: string | null;
  rows: RejectRowsPage | null;
  /** Whether rows carry their record (raw, messages): only with record-level access. */
  record_level: boolean;
}

export async function getRejectDrill(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  params: QualityParams,
  viewer: Viewer,
): Promise<{ ok: true; data: RejectDrillData } | { ok: false; issue: FilterIssue }> {
  assertCanViewQuality(viewer);
  const resolved = await resolveQualityScope(db, provinceCode, filter, params);
  if (!resolved.ok) return resolved;
  const reason = params.reason ?? null;
  const record_level = canSeeRejectedRecords(viewer);
  if (reason === null)
    return { ok: true, data: { scope: resolved.scope, reason, rows: null, record_level } };
  const page = await getRejectRowsPage(db, resolved.scope.rejects, reason, params.page);
  const rows = record_level ? page : { ...page, rows: page.rows.map(withoutRecord) };
  if (rows.page > rows.pages) {
    return {
      ok: false,
      issue: {
        param: "page",
        message_key: "quality.error.pageOutOfRange",
        value: String(params.page),
        params: { pages: String(rows.pages) },
      },
    };
  }
  return { ok: true, data: { scope: resolved.scope, reason, rows, record_level } };
}
