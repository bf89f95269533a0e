// The monthly report's URL: ?month=YYYY-MM (default: the latest covered month) and an optional
// ?commune=CODE. A single month and a single commune, unlike the period filters of the other
// pages, but the same message keys, so a bad URL reads the same on the 400 page.
import { z } from "zod";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { COMMUNE_CODE_PATTERN } from "~/lib/filters/filter-options";
import { MONTH_PATTERN } from "~/lib/calendar/months";
import { blankToUndefined, parseUrlParams } from "~/lib/url-params/parse-url-params";

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
  const result = parseUrlParams(searchParams, {
    params: REPORT_PARAMS,
    schema: ReportParamsSchema,
    messageKeys: KNOWN_KEYS,
  });
  return result.ok ? { ok: true, params: result.data } : result;
}
