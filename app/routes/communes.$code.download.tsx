// Downloads of the commune page's tables: ?table=trend|procedures|help_types|reach|teams|heatmap
// &format=csv|xlsx|arrow|parquet plus the page's own filters, answered from the same
// getCommunePage result the page renders (demographic counts suppressed as on the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { parseDownloadParams } from "~/lib/export/formats";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { failureResponse, okOrThrow } from "~/lib/http/page-failure.server";
import { getCommunePage } from "~/pages/commune/load.server";
import { buildCommuneDataset, isCommuneTable } from "~/pages/commune/tables";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  const searchParams = new URL(request.url).searchParams;
  const download = parseDownloadParams(searchParams, { param: "table", isName: isCommuneTable });
  const parsed = parseOverviewFilter(searchParams);
  if (!download.ok || !parsed.ok) {
    throw failureResponse({
      ok: false,
      issues: [...download.issues, ...(parsed.ok ? [] : parsed.issues)],
    });
  }
  const { page } = okOrThrow(
    await getCommunePage(
      await getDb(),
      getEnv().PROVINCE_CODE,
      params.code ?? "",
      parsed.filter,
      viewer,
    ),
  );
  const dataset = buildCommuneDataset(download.name, page, {
    generatedAt: new Date().toISOString(),
  });
  return exportResponse(dataset, download.format, { request, viewer });
}
