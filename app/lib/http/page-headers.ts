// The `headers` export of page routes, in one place (as Epic Stack's pipeHeaders): a page sends the
// Cache-Control and Vary its loader chose, those of its action's response when the action set a
// Cache-Control (an upload preview), or on an error those of the thrown response (a 400's
// no-store), on top of what the parent route set. Routes assign it: `export const headers = …`.
import type { HeadersFunction } from "@remix-run/node";

const PAGE_HEADERS = ["Cache-Control", "Vary"] as const;

export const pageHeaders: HeadersFunction = ({
  actionHeaders,
  loaderHeaders,
  errorHeaders,
  parentHeaders,
}) => {
  const headers = new Headers(parentHeaders);
  const source =
    errorHeaders ?? (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);
  for (const name of PAGE_HEADERS) {
    const value = source.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

/** Pages holding personal data (users, audit log): never stored by a browser or a proxy. */
export const noStoreHeaders: HeadersFunction = () => ({ "Cache-Control": "no-store" });
