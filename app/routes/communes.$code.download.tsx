// Downloads of the commune page's tables: ?table=trend|procedures|help_types|reach|teams|heatmap
// &format=csv|xlsx|arrow|parquet plus the page's own filters, answered from the same
// getCommunePage result the page renders (demographic counts suppressed as on the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { forbidden, requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { isExportFormat } from "~/lib/export/formats";
import { getCommunePage } from "~/pages/commune/load.server";
import { buildCommuneDataset, isCommuneTable } from "~/pages/commune/tables";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { parseOverviewFilter } from "~/lib/filters/filters";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const searchParams = new URL(request.url).searchParams;
  const table = searchParams.get("table") ?? "";
  const format = searchParams.get("format") ?? "";
  const issues: FilterIssue[] = [];
  if (!isCommuneTable(table)) {
    issues.push({ param: "table", message_key: "filter.error.invalid", value: table });
  }
  if (!isExportFormat(format)) {
    issues.push({ param: "format", message_key: "filter.error.invalid", value: format });
  }
  const parsed = parseOverviewFilter(searchParams);
  if (!parsed.ok) issues.push(...parsed.issues);
  if (issues.length > 0 || !parsed.ok || !isCommuneTable(table) || !isExportFormat(format)) {
    throw badFilterResponse(issues);
  }
  const result = await getCommunePage(
    await getDb(),
    getEnv().PROVINCE_CODE,
    params.code ?? "",
    parsed.filter,
    viewer,
  );
  if (!result.ok) {
    switch (result.reason) {
      case "not_found":
        throw json(
          { error: "not_found" },
          { status: 404, headers: { "Cache-Control": "no-store" } },
        );
      case "forbidden":
        throw forbidden();
      case "bad_filter":
        throw badFilterResponse([result.issue]);
    }
  }
  const dataset = buildCommuneDataset(table, result.page, {
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(dataset, format, { request, viewer });
}
