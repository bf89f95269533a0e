// Downloads of the province overview: ?table=trend|communes&format=csv|xlsx|arrow|parquet|json
// plus the overview's own filter parameters, answered from the same getOverview() as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { isExportFormat } from "~/lib/export/formats";
import { buildOverviewDataset, isOverviewTable } from "~/pages/overview/tables";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { getOverview } from "~/lib/metrics/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const params = new URL(request.url).searchParams;
  const table = params.get("table") ?? "";
  const format = params.get("format") ?? "";
  const parsed = parseOverviewFilter(params);
  const issues: FilterIssue[] = parsed.ok ? [] : [...parsed.issues];
  if (!isOverviewTable(table)) {
    issues.push({ param: "table", message_key: "downloads.error.table", value: table });
  }
  if (!isExportFormat(format)) {
    issues.push({ param: "format", message_key: "downloads.error.format", value: format });
  }
  if (!parsed.ok || !isOverviewTable(table) || !isExportFormat(format)) {
    throw badFilterResponse(issues);
  }
  const result = await getOverview(await getDb(), getEnv().PROVINCE_CODE, parsed.filter);
  if (!result.ok) throw badFilterResponse([result.issue]);
  const dataset = buildOverviewDataset(table, result.overview, {
    viewer,
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(dataset, format, { request, viewer });
}
