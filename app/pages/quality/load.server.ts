// Everything the data-quality page shows for one URL: recent batches, rejected rows by reason
// and the reporting-completeness grid, for the period (and unit type) of the shared filter
// schema and the page's own kind parameter.
import type { Kysely } from "kysely";
import { canSeeRejectedRecords, type Viewer } from "~/lib/auth/policy";
import { renderPlotToHtmlCached } from "~/lib/charts/render-plot.server";
import {
  buildCompletenessGridPlot,
  describeCompletenessGrid,
} from "~/lib/charts/completeness-grid";
import type { BatchStatus, DB, ImportKind } from "~/lib/db/types";
import { listBatches } from "~/lib/etl/batches.server";
import type { Lang } from "~/lib/i18n/languages";
import { getI18n } from "~/lib/i18n/use-i18n";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import type { OverviewFilter, ResolvedPeriod } from "~/lib/filters/filters";
import { getCoveredPeriod, type CoverageInfo } from "~/lib/metrics/province.server";
import { assertCanViewQuality } from "~/pages/quality/access";
import type { Completeness } from "~/pages/quality/completeness";
import { getCompleteness } from "~/pages/quality/completeness.server";
import { loadWindowOf, type LoadWindow } from "~/pages/quality/load-window";
import type { QualityParams } from "~/lib/filters/quality-params";
import {
  countRejectsByReason,
  withoutExample,
  type ReasonCount,
  type RejectScope,
} from "~/pages/quality/rejects.server";

export const RECENT_BATCHES = 50;

/** The resolved scope every section (and each download) of the page reads. */
export interface QualityScope {
  coverage: CoverageInfo | null;
  /** Null without data: then batches and rejects are not limited in time. */
  period: ResolvedPeriod | null;
  window: LoadWindow | null;
  kind: ImportKind | null;
  unit_type: UnitTypeFilter | null;
  rejects: RejectScope;
}

export type QualityScopeResult =
  { ok: true; scope: QualityScope } | { ok: false; issue: FilterIssue };

export async function resolveQualityScope(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  params: Pick<QualityParams, "kind">,
): Promise<QualityScopeResult> {
  const covered = await getCoveredPeriod(db, provinceCode, filter);
  if (!covered.ok) return { ok: false, issue: covered.issue };
  const { coverage, period } = covered;
  // A period that ends at the latest complete month (every preset, ADR 020) keeps the loads since
  // its start up to now: the running month's files arrive in it too.
  const window =
    coverage && period
      ? loadWindowOf(period, coverage.calendar.complete_through ?? coverage.last_month)
      : null;
  const kind = params.kind ?? null;
  return {
    ok: true,
    scope: {
      coverage,
      period,
      window,
      kind,
      unit_type: filter.unit_type ?? null,
      rejects: { kind, window },
    },
  };
}

export interface BatchRow {
  batch_id: number;
  kind: ImportKind;
  file_name: string;
  status: BatchStatus;
  loaded_by: string;
  rows_read: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error: string | null;
}

export async function getRecentBatches(
  db: Kysely<DB>,
  scope: Pick<QualityScope, "kind" | "window">,
  limit = RECENT_BATCHES,
): Promise<BatchRow[]> {
  const rows = await listBatches(db, limit, {
    kind: scope.kind ?? undefined,
    loadedFrom: scope.window?.from,
    loadedBefore: scope.window?.before,
  });
  return rows.map((row) => ({
    ...row,
    started_at: row.started_at.toISOString(),
    finished_at: row.finished_at ? row.finished_at.toISOString() : null,
    duration_ms: row.finished_at ? row.finished_at.getTime() - row.started_at.getTime() : null,
  }));
}

export interface QualityPageData {
  lang: Lang;
  title: string;
  coverage: CoverageInfo | null;
  period: ResolvedPeriod | null;
  window: LoadWindow | null;
  kind: ImportKind | null;
  unit_type: UnitTypeFilter | null;
  batches: BatchRow[];
  reasons: ReasonCount[];
  completeness: (Completeness & { html: string; description: string }) | null;
}

export type QualityPageResult =
  { ok: true; page: QualityPageData } | { ok: false; issue: FilterIssue };

export async function getQualityPage(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  params: QualityParams,
  viewer: Viewer,
  lang: Lang,
): Promise<QualityPageResult> {
  assertCanViewQuality(viewer);
  const resolved = await resolveQualityScope(db, provinceCode, filter, params);
  if (!resolved.ok) return resolved;
  const { scope } = resolved;
  const context = getI18n(lang);
  const [batches, reasons, completeness] = await Promise.all([
    getRecentBatches(db, scope),
    countRejectsByReason(db, scope.rejects),
    scope.period
      ? getCompleteness(db, provinceCode, scope.period, scope.unit_type)
      : Promise.resolve(null),
  ]);
  return {
    ok: true,
    page: {
      lang,
      title: `${context.t("quality.title")} — ${context.t("app.name")}`,
      coverage: scope.coverage,
      period: scope.period,
      window: scope.window,
      kind: scope.kind,
      unit_type: scope.unit_type,
      batches,
      reasons: canSeeRejectedRecords(viewer) ? reasons : reasons.map(withoutExample),
      completeness: completeness
        ? {
            ...completeness,
            html: renderPlotToHtmlCached(
              JSON.stringify(["completeness", lang, completeness.cells]),
              () => buildCompletenessGridPlot(completeness, context),
            ),
            description: describeCompletenessGrid(completeness, context),
          }
        : null,
    },
  };
}
