// The data-quality page's own URL parameters (import kind, reject reason, page), next to the
// shared period/unit-type filter of app/lib/metrics/filters.ts, which the page parses as well.
import { z } from "zod";
import type { ImportKind } from "~/lib/db/types";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/metrics/filter-issues";

export const IMPORT_KINDS = [
  "assistance",
  "shifts",
  "dossiers",
  "population",
] as const satisfies readonly ImportKind[];

/** Reason codes are snake_case identifiers written by the ETL; anything else is a bad URL. */
export const REASON_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export const QUALITY_PARAMS = ["kind", "reason", "page"] as const;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

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
  const raw: Record<string, string> = {};
  const issues: FilterIssue[] = [];
  for (const param of QUALITY_PARAMS) {
    const values = searchParams.getAll(param);
    if (values.length > 1) {
      issues.push({ param, message_key: "filter.error.repeated", value: values.join(", ") });
    } else if (values.length === 1) {
      raw[param] = values[0]!;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const result = QualityParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "");
      return {
        param,
        message_key: MESSAGE_KEYS.has(issue.message)
          ? (issue.message as MessageKey)
          : "filter.error.invalid",
        value: raw[param] ?? null,
      };
    }),
  };
}
