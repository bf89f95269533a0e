// Downloads of the compare page: ?dataset=table|monthly&format=csv|xlsx|arrow|parquet|json plus the
// page's own filter parameters, answered from the same getCompareData as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { isExportFormat } from "~/lib/export/formats";
import { exportResponse } from "~/lib/export/export-response.server";
import { getCompareData } from "~/pages/compare/load.server";
import { buildCompareDataset, COMPARE_DATASETS } from "~/pages/compare/tables";
import type { CompareDatasetName } from "~/pages/compare/tables";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { parseOverviewFilter } from "~/lib/filters/filters";

function isCompareDataset(value: string): value is CompareDatasetName {
  return (COMPARE_DATASETS as readonly string[]).includes(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const params = new URL(request.url).searchParams;
  const dataset = params.get("dataset") ?? "";
  const format = params.get("format") ?? "";
  const issues: FilterIssue[] = [];
  if (!isCompareDataset(dataset)) {
    issues.push({ param: "dataset", message_key: "filter.error.invalid", value: dataset });
  }
  if (!isExportFormat(format)) {
    issues.push({ param: "format", message_key: "filter.error.invalid", value: format });
  }
  const parsed = parseOverviewFilter(params);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (issues.length > 0 || !parsed.ok || !isCompareDataset(dataset) || !isExportFormat(format)) {
    throw badFilterResponse(issues);
  }
  const result = await getCompareData(await getDb(), getEnv().PROVINCE_CODE, parsed.filter, viewer);
  if (!result.ok) throw badFilterResponse(result.issues);
  const built = buildCompareDataset(dataset, result.data, {
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(built, format, { request, viewer });
}
