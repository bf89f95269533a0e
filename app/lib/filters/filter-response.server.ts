// The 400 a loader throws for a URL its filter schema refuses; the root error boundary renders it
// as a page that names each bad parameter, and API clients get the same JSON.
import { json } from "@remix-run/node";
import type { BadFilterResponseBody, FilterIssue } from "~/lib/url-params/filter-issues";

export function badFilterResponse(issues: FilterIssue[]): Response {
  const body: BadFilterResponseBody = { kind: "bad_filter", issues };
  return json(body, { status: 400, headers: { "Cache-Control": "no-store" } });
}
