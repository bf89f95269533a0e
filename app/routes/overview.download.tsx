// Downloads of the province overview: ?table=trend|communes&format=csv|xlsx|arrow|parquet|json
// plus the overview's own filter parameters, answered from the same getOverview() as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { parseDownloadParams } from "~/lib/export/formats";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { failureResponse, okOrThrow } from "~/lib/http/page-failure.server";
import { getOverview } from "~/pages/overview/load.server";
import { buildOverviewDataset, isOverviewTable } from "~/pages/overview/tables";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const params = new URL(request.url).searchParams;
  const parsed = parseOverviewFilter(params);
  const download = parseDownloadParams(
    params,
    { param: "table", isName: isOverviewTable, messageKey: "downloads.error.table" },
    "downloads.error.format",
  );
  if (!parsed.ok || !download.ok) {
    throw failureResponse({
      ok: false,
      issues: [...(parsed.ok ? [] : parsed.issues), ...download.issues],
    });
  }
  const { overview } = okOrThrow(
    await getOverview(await getDb(), getEnv().PROVINCE_CODE, parsed.filter),
  );
  const dataset = buildOverviewDataset(download.name, overview, {
    viewer,
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(dataset, download.format, { request, viewer });
}
