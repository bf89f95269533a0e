// Download: every rejected row of one batch as CSV (the same file as `etl rejects --format csv`),
// streamed. Admins and analysts only (policy "import").
import { requirePermission } from "~/lib/auth/viewer.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { BatchIdParamSchema, getBatchDetail } from "~/lib/uploads/batch-page.server";
import {
  generateRejectsCsv,
  rejectsCsvFileName,
  toByteStream,
} from "~/lib/uploads/rejects-download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "import", { api: true });
  const batchId = BatchIdParamSchema.safeParse(params.batchId);
  if (!batchId.success) {
    throw badFilterResponse([
      { param: "batchId", message_key: "imports.error.batchId", value: params.batchId ?? null },
    ]);
  }
  const db = await getDb();
  if (!(await getBatchDetail(db, batchId.data))) throw new Response(null, { status: 404 });
  return new Response(toByteStream(generateRejectsCsv(db, batchId.data)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${rejectsCsvFileName(batchId.data)}"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
