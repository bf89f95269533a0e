// The URL of a data-quality page or download, parsed: the shared filter (period, unit type) and
// the page's own parameters; a bad URL is a 400 naming each parameter.
import { requireViewer } from "~/lib/auth/viewer.server";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { parseOverviewFilter, type OverviewFilter } from "~/lib/filters/filters";
import { parseQualityParams, type QualityParams } from "~/lib/filters/quality-params";
import { assertCanViewQuality } from "./access";

export function parseQualityRequest(request: Request): {
  filter: OverviewFilter;
  params: QualityParams;
} {
  const searchParams = new URL(request.url).searchParams;
  const filter = parseOverviewFilter(searchParams);
  const params = parseQualityParams(searchParams);
  const issues = [...(filter.ok ? [] : filter.issues), ...(params.ok ? [] : params.issues)];
  if (!filter.ok || !params.ok) throw badFilterResponse(issues);
  return { filter: filter.filter, params: params.params };
}

/**
 * What every data-quality route starts with: the signed-in viewer, who must be allowed the quality
 * pages (401/redirect, then 403), and the parsed URL (400).
 */
export async function requireQualityRequest(request: Request, options: { api?: boolean } = {}) {
  const viewer = await requireViewer(request, options);
  assertCanViewQuality(viewer);
  return { viewer, ...parseQualityRequest(request) };
}
