// Downloads of the compare page: ?dataset=table|monthly&format=csv|xlsx|arrow|parquet|json plus the
// page's own filter parameters, answered from the same getCompareData as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { parseDownloadParams } from "~/lib/export/formats";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { failureResponse, okOrThrow } from "~/lib/http/page-failure.server";
import { getCompareData } from "~/pages/compare/load.server";
import { buildCompareDataset, isCompareDataset } from "~/pages/compare/tables";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const params = new URL(request.url).searchParams;
  const download = parseDownloadParams(params, { param: "dataset", isName: isCompareDataset });
  const parsed = parseOverviewFilter(params);
  if (!download.ok || !parsed.ok) {
    throw failureResponse({
      ok: false,
      issues: [...download.issues, ...(parsed.ok ? [] : parsed.issues)],
    });
  }
  const { data } = okOrThrow(
    await getCompareData(await getDb(), getEnv().PROVINCE_CODE, parsed.filter, viewer),
  );
  const built = buildCompareDataset(download.name, data, {
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(built, download.format, { request, viewer });
}
