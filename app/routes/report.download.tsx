// Downloads of the monthly report's tables: ?table=kpis|trend|communes|figures&format=… plus the
// report's month and commune, answered from the same getMonthlyReport as the printed page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { isExportFormat } from "~/lib/export/formats";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { getMonthlyReport } from "~/pages/report/load.server";
import { buildReportDataset, reportDatasetsOf } from "~/pages/report/tables";
import type { ReportDatasetName } from "~/pages/report/tables";
import { parseReportParams } from "~/lib/filters/report-params";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const params = new URL(request.url).searchParams;
  const table = params.get("table") ?? "";
  const format = params.get("format") ?? "";
  const parsed = parseReportParams(params);
  const issues: FilterIssue[] = parsed.ok ? [] : [...parsed.issues];
  if (!isExportFormat(format)) {
    issues.push({ param: "format", message_key: "filter.error.invalid", value: format });
  }
  if (!parsed.ok || issues.length > 0) throw badFilterResponse(issues);
  const { report } = okOrThrow(
    await getMonthlyReport(await getDb(), getEnv().PROVINCE_CODE, parsed.params, viewer),
  );
  const tables: string[] = report ? reportDatasetsOf(report) : [];
  if (!report || !tables.includes(table) || !isExportFormat(format)) {
    throw badFilterResponse([
      { param: "table", message_key: "filter.error.invalid", value: table },
    ]);
  }
  const dataset = buildReportDataset(table as ReportDatasetName, report, new Date().toISOString());
  return exportResponse(dataset, format, { request, viewer });
}
