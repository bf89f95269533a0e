// The shape of a refused URL (HTTP 400), shared by the loaders that throw it and the error
// boundary that explains it. Free of zod so the boundary can run in the browser too.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { isMessageKey } from "~/lib/i18n/translate";

/** One reason a URL was refused, ready to be translated on the 400 page. */
export interface FilterIssue {
  param: string;
  message_key: MessageKey;
  value: string | null;
  params?: Record<string, string>;
}

/** The body of a 400 response thrown by a loader that refused its URL. */
export interface BadFilterResponseBody {
  kind: "bad_filter";
  issues: FilterIssue[];
}

export function isBadFilterResponseBody(value: unknown): value is BadFilterResponseBody {
  if (typeof value !== "object" || value === null) return false;
  const body = value as { kind?: unknown; issues?: unknown };
  return (
    body.kind === "bad_filter" &&
    Array.isArray(body.issues) &&
    body.issues.every(
      (issue: { param?: unknown; message_key?: unknown }) =>
        typeof issue?.param === "string" && isMessageKey(issue.message_key),
    )
  );
}
