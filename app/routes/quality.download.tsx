// Downloads of the data-quality page: ?dataset=rejects&reason=… (every row of one reason) or
// ?dataset=completeness, in the page's scope, as CSV, XLSX, Arrow or Parquet (?format=).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { okOrThrow } from "~/lib/http/page-failure.server";
import { buildQualityDownload } from "~/pages/quality/download.server";
import { requireQualityRequest } from "~/pages/quality/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, filter, params } = await requireQualityRequest(request, { api: true });
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
