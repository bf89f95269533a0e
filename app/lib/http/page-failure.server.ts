// What a page's query returns when it cannot show the page, and the one place that turns it into
// the response every page and download route throws: 404 for an unknown thing, 403 for a viewer
// who may not see it, 400 naming each bad URL parameter (rendered by the root error boundary, and
// the same JSON for API clients).
import { json } from "@remix-run/node";
import { forbidden } from "~/lib/auth/viewer.server";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import type { FilterIssue } from "~/lib/url-params/filter-issues";

export type PageFailure =
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason?: "bad_filter"; issue: FilterIssue }
  | { ok: false; reason?: "bad_filter"; issues: FilterIssue[] };

export function failureResponse(failure: PageFailure): Response {
  if ("issues" in failure) return badFilterResponse(failure.issues);
  if ("issue" in failure) return badFilterResponse([failure.issue]);
  if (failure.reason === "forbidden") return forbidden();
  return json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

/** `result` when it is ok; otherwise throws the response its failure stands for. */
export function okOrThrow<R extends { ok: true } | PageFailure>(
  result: R,
): Extract<R, { ok: true }> {
  if (result.ok) return result as Extract<R, { ok: true }>;
  throw failureResponse(result as PageFailure);
}
