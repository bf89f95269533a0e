// The public API's downloads: /api/v1/<resource>.<format>. The route resolves the viewer; this
// parses the path segment, answers unknown resources with 404 JSON and bad formats or filters
// with 400 JSON (never a 500), and streams the dataset.
import { json } from "@remix-run/node";
import type { Viewer } from "~/lib/auth/policy";
import { getDatabase, getDb } from "~/lib/db.server";
import { can } from "~/lib/auth/policy";
import { forbidden } from "~/lib/auth/viewer.server";
import { getEnv } from "~/lib/env.server";
import { buildAssistanceExport } from "~/lib/api/assistance-extract.server";
import { buildCommuneMonthExport } from "~/lib/api/commune-month-extract.server";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { isExportFormat } from "~/lib/export/formats";

/** commune-month: mart.commune_month; assistance: record-level extract (download_records). */
export const API_V1_RESOURCES = ["commune-month", "assistance"] as const;

export interface ApiResourcePath {
  resource: string;
  extension: string;
}

/** "commune-month.csv" → { resource: "commune-month", extension: "csv" }. */
export function parseResourcePath(segment: string): ApiResourcePath {
  const dot = segment.lastIndexOf(".");
  return dot === -1
    ? { resource: segment, extension: "" }
    : { resource: segment.slice(0, dot), extension: segment.slice(dot + 1) };
}

export async function handleApiV1Download(
  request: Request,
  segment: string,
  viewer: Viewer,
): Promise<Response> {
  const { resource, extension } = parseResourcePath(segment);
  if (!(API_V1_RESOURCES as readonly string[]).includes(resource)) {
    return json(
      { kind: "not_found", resource, resources: API_V1_RESOURCES },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  const format = extension.toLowerCase();
  if (!isExportFormat(format)) {
    return badFilterResponse([
      { param: "format", message_key: "downloads.error.format", value: extension },
    ]);
  }
  const searchParams = new URL(request.url).searchParams;
  let built;
  if (resource === "assistance") {
    if (!can(viewer, "download_records")) throw forbidden();
    built = await buildAssistanceExport(await getDatabase(), getEnv().PROVINCE_CODE, searchParams);
  } else {
    built = await buildCommuneMonthExport(
      await getDb(),
      getEnv().PROVINCE_CODE,
      searchParams,
      viewer,
    );
  }
  if (!built.ok) return badFilterResponse(built.issues);
  return exportResponse(built.dataset, format, { request, viewer });
}
