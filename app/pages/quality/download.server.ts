// Builds the data-quality downloads from the page's own queries and scope: the rejected rows of
// one reason (streamed) or the completeness grid.
import type { Kysely } from "kysely";
import { canSeeRejectedRecords, type Viewer } from "~/lib/auth/policy";
import type { DB } from "~/lib/db/types";
import type { ExportDataset, ExportFormat } from "~/lib/export/dataset";
import { isExportFormat } from "~/lib/export/formats";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import type { OverviewFilter } from "~/lib/filters/filters";
import { assertCanViewQuality } from "~/pages/quality/access";
import { getCompleteness } from "~/pages/quality/completeness.server";
import { buildCompletenessDataset, buildRejectsDataset } from "~/pages/quality/tables";
import { resolveQualityScope, type QualityScope } from "~/pages/quality/load.server";
import type { QualityParams } from "~/lib/filters/quality-params";
import { streamRejectRows } from "~/pages/quality/rejects.server";

export const QUALITY_DATASETS = ["rejects", "completeness"] as const;

function stampOf(scope: QualityScope, reason: string | null) {
  const filters: Record<string, string> = {};
  if (scope.period) Object.assign(filters, { from: scope.period.from, to: scope.period.to });
  if (scope.kind) filters.kind = scope.kind;
  if (scope.unit_type) filters.unit_type = scope.unit_type;
  if (reason) filters.reason = reason;
  return {
    filters,
    as_of: scope.coverage?.refreshed_at ?? null,
    last_batch_id: scope.coverage?.last_batch_id ?? null,
    generated_at: new Date().toISOString(),
  };
}

export async function buildQualityDownload(
  db: Kysely<DB>,
  provinceCode: string,
  searchParams: URLSearchParams,
  filter: OverviewFilter,
  params: QualityParams,
  viewer: Viewer,
): Promise<
  { ok: true; dataset: ExportDataset; format: ExportFormat } | { ok: false; issues: FilterIssue[] }
> {
  assertCanViewQuality(viewer);
  const issues: FilterIssue[] = [];
  const datasetName = searchParams.get("dataset");
  const formatName = searchParams.get("format") ?? "csv";
  if (!(QUALITY_DATASETS as readonly (string | null)[]).includes(datasetName)) {
    issues.push({ param: "dataset", message_key: "quality.error.dataset", value: datasetName });
  }
  if (!isExportFormat(formatName)) {
    issues.push({ param: "format", message_key: "quality.error.format", value: formatName });
  }
  if (datasetName === "rejects" && !params.reason) {
    issues.push({ param: "reason", message_key: "quality.error.reason", value: null });
  }
  if (issues.length > 0 || !isExportFormat(formatName)) return { ok: false, issues };
  const resolved = await resolveQualityScope(db, provinceCode, filter, params);
  if (!resolved.ok) return { ok: false, issues: [resolved.issue] };
  const { scope } = resolved;
  if (datasetName === "rejects") {
    const reason = params.reason!;
    return {
      ok: true,
      format: formatName,
      dataset: buildRejectsDataset(
        reason,
        streamRejectRows(db, scope.rejects, reason),
        stampOf(scope, reason),
        canSeeRejectedRecords(viewer),
      ),
    };
  }
  if (!scope.period) {
    return {
      ok: false,
      issues: [{ param: "dataset", message_key: "quality.completeness.empty", value: datasetName }],
    };
  }
  const completeness = await getCompleteness(db, provinceCode, scope.period, scope.unit_type);
  return {
    ok: true,
    format: formatName,
    dataset: buildCompletenessDataset(completeness, stampOf(scope, null)),
  };
}
