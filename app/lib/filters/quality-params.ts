// The data-quality page's own URL parameters (import kind, reject reason, page), next to the
// shared period/unit-type filter of app/lib/filters/filters.ts, which the page parses as well.
import { z } from "zod";
import type { ImportKind } from "~/lib/db/types";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { blankToUndefined, parseUrlParams } from "~/lib/url-params/parse-url-params";

export const IMPORT_KINDS = [
  "assistance",
  "shifts",
  "dossiers",
  "population",
] as const satisfies readonly ImportKind[];

/** Reason codes are snake_case identifiers written by the ETL; anything else is a bad URL. */
export const REASON_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export const QUALITY_PARAMS = ["kind", "reason", "page"] as const;

export const QualityParamsSchema = z.object({
  kind: z.preprocess(
    (value) => (value === "all" ? undefined : blankToUndefined(value)),
    z.enum(IMPORT_KINDS, { error: "quality.error.kind" satisfies MessageKey }).optional(),
  ),
  reason: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(REASON_CODE_PATTERN, { error: "quality.error.reason" satisfies MessageKey })
      .optional(),
  ),
  page: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[1-9][0-9]{0,8}$/, { error: "quality.error.page" satisfies MessageKey })
      .transform(Number)
      .default(1),
  ),
});
export type QualityParams = z.infer<typeof QualityParamsSchema>;

const MESSAGE_KEYS = new Set<string>([
  "quality.error.kind",
  "quality.error.reason",
  "quality.error.page",
] satisfies MessageKey[]);

export type QualityParamsResult =
  { ok: true; params: QualityParams } | { ok: false; issues: FilterIssue[] };

export function parseQualityParams(searchParams: URLSearchParams): QualityParamsResult {
  const result = parseUrlParams(searchParams, {
    params: QUALITY_PARAMS,
    schema: QualityParamsSchema,
    messageKeys: MESSAGE_KEYS,
  });
  return result.ok ? { ok: true, params: result.data } : result;
}
