// The monthly report's URL: ?month=YYYY-MM (default: the latest covered month) and an optional
// ?commune=CODE. A single month and a single commune, unlike the period filters of the other
// pages, but the same message keys, so a bad URL reads the same on the 400 page.
import { z } from "zod";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "./filter-issues";
import { COMMUNE_CODE_PATTERN } from "./filter-options";
import { MONTH_PATTERN } from "./months";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const ReportParamsSchema = z.object({
  month: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(MONTH_PATTERN, { error: "filter.error.month" satisfies MessageKey })
      .optional(),
  ),
  commune: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(COMMUNE_CODE_PATTERN, { error: "filter.error.commune" satisfies MessageKey })
      .optional(),
  ),
});
export type ReportParams = z.infer<typeof ReportParamsSchema>;

export const REPORT_PARAMS = ["month", "commune"] as const;

export type ReportParamsResult =
  { ok: true; params: ReportParams } | { ok: false; issues: FilterIssue[] };

const KNOWN_KEYS = new Set<string>(["filter.error.month", "filter.error.commune"]);

export function parseReportParams(searchParams: URLSearchParams): ReportParamsResult {
  const raw: Record<string, string> = {};
  const issues: FilterIssue[] = [];
  for (const param of REPORT_PARAMS) {
    const values = searchParams.getAll(param);
    if (values.length > 1) {
      issues.push({ param, message_key: "filter.error.repeated", value: values.join(", ") });
    } else if (values.length === 1) {
      raw[param] = values[0]!;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const result = ReportParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const param = String(issue.path[0] ?? "");
      return {
        param,
        message_key: KNOWN_KEYS.has(issue.message)
          ? (issue.message as MessageKey)
          : "filter.error.invalid",
        value: raw[param] ?? null,
      };
    }),
  };
}
