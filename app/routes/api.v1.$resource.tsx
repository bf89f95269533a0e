// GET /api/v1/commune-month.{csv,xlsx,arrow,parquet,json}?from=YYYY-MM&to=YYYY-MM[&commune=…]
// [&unit_type=…]: mart.commune_month rows, streamed (docs/data-formats.md, "Downloads and API").
// Remix v2 segments are whole, so the format comes from the segment's extension.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/viewer.server";
import { handleApiV1Download } from "~/lib/api/api-v1.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "download", { api: true });
  return handleApiV1Download(request, params.resource ?? "", viewer);
}
