// Downloads of the data-quality page: ?dataset=rejects&reason=… (every row of one reason) or
// ?dataset=completeness, in the page's scope, as CSV, XLSX, Arrow or Parquet (?format=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { assertCanViewQuality } from "~/pages/quality/access";
import { buildQualityDownload } from "~/pages/quality/download.server";
import { parseQualityRequest } from "~/pages/quality/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { api: true });
  assertCanViewQuality(viewer);
  const { filter, params } = parseQualityRequest(request);
  const { dataset, format } = okOrThrow(
    await buildQualityDownload(
      await getDb(),
      getEnv().PROVINCE_CODE,
      new URL(request.url).searchParams,
      filter,
      params,
      viewer,
    ),
  );
  return exportResponse(dataset, format, { request, viewer });
}
