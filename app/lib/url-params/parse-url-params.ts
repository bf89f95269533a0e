// Reading a page's URL parameters through its zod schema, the same way on every page: each named
// parameter at most once (repeatable ones may repeat or be comma-separated), then the schema, and
// every refusal becomes a FilterIssue naming the parameter with a message-catalog key, so a bad
// URL gets a 400 in the reader's language rather than zod's English.
import type { z } from "zod";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/url-params/filter-issues";

/** An HTML form submits untouched fields as empty strings; they mean "not set". */
export const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export interface UrlParamsSpec<T> {
  /** The parameters read; anything else in the URL (e.g. `lang`) is left alone. */
  params: readonly string[];
  schema: z.ZodType<T>;
  /** The schema's error messages that are catalog keys; any other becomes "filter.error.invalid". */
  messageKeys: ReadonlySet<string>;
  /** Parameters that may repeat (`?commune=1&commune=2`) or hold a comma-separated list. */
  repeatable?: ReadonlySet<string>;
}

export type UrlParamsResult<T> = { ok: true; data: T } | { ok: false; issues: FilterIssue[] };

export function parseUrlParams<T>(
  searchParams: URLSearchParams,
  spec: UrlParamsSpec<T>,
): UrlParamsResult<T> {
  const raw: Record<string, string | string[]> = {};
  const issues: FilterIssue[] = [];
  for (const param of spec.params) {
    const values = searchParams.getAll(param);
    if (spec.repeatable?.has(param)) {
      raw[param] = values.flatMap((value) => value.split(",")).filter((value) => value !== "");
    } else if (values.length > 1) {
      issues.push({ param, message_key: "filter.error.repeated", value: values.join(", ") });
    } else if (values.length === 1) {
      raw[param] = values[0]!;
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const result = spec.schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "");
      const value = raw[param];
      return {
        param,
        message_key: spec.messageKeys.has(issue.message)
          ? (issue.message as MessageKey)
          : "filter.error.invalid",
        value: Array.isArray(value) ? value.join(", ") : (value ?? null),
      };
    }),
  };
}
