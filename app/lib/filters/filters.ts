// The overview's URL filters: one zod schema, so the page and (later) its downloads read the
// same parameters the same way. Error messages are message-catalog keys, so a bad URL gets a
// 400 page in the reader's language instead of zod's English.
import { z } from "zod";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import {
  DEFAULT_MAP_METRIC,
  COMMUNE_CODE_PATTERN,
  DEFAULT_PERIOD,
  MAP_METRICS,
  MAX_FILTER_COMMUNES,
  OVERVIEW_FILTER_PARAMS,
  PERIOD_PRESETS,
  PROCEDURE_GROUPS,
  REPEATABLE_FILTER_PARAMS,
  UNIT_TYPES,
  type PeriodPreset,
} from "~/lib/filters/filter-options";
import { blankToUndefined, parseUrlParams } from "~/lib/url-params/parse-url-params";
import {
  MERGER_MONTH,
  MONTH_PATTERN,
  addMonths,
  countMonths,
  maxMonth,
  minMonth,
} from "~/lib/calendar/months";

const MonthParamSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(MONTH_PATTERN, { error: "filter.error.month" satisfies MessageKey })
    .optional(),
);

export const OverviewFilterSchema = z
  .object({
    period: z.preprocess(
      blankToUndefined,
      z.enum(PERIOD_PRESETS, { error: "filter.error.period" satisfies MessageKey }).optional(),
    ),
    from: MonthParamSchema,
    to: MonthParamSchema,
    unit_type: z.preprocess(
      (value) => (value === "all" ? undefined : blankToUndefined(value)),
      z.enum(UNIT_TYPES, { error: "filter.error.unit_type" satisfies MessageKey }).optional(),
    ),
    procedure_group: z.preprocess(
      (value) => (value === "all" ? undefined : blankToUndefined(value)),
      z
        .enum(PROCEDURE_GROUPS, { error: "filter.error.procedure_group" satisfies MessageKey })
        .optional(),
    ),
    // Commune codes, repeated or comma-separated; kept in the order given, without duplicates.
    commune: z
      .array(
        z
          .string()
          .trim()
          .regex(COMMUNE_CODE_PATTERN, { error: "filter.error.commune" satisfies MessageKey }),
      )
      .max(MAX_FILTER_COMMUNES, { error: "filter.error.commune_count" satisfies MessageKey })
      .transform((codes) => [...new Set(codes)])
      .default([]),
    metric: z.preprocess(
      blankToUndefined,
      z
        .enum(MAP_METRICS, { error: "filter.error.metric" satisfies MessageKey })
        .default(DEFAULT_MAP_METRIC),
    ),
  })
  .superRefine((filter, ctx) => {
    if (filter.period && (filter.from || filter.to)) {
      ctx.addIssue({
        code: "custom",
        path: ["period"],
        message: "filter.error.period_and_range" satisfies MessageKey,
      });
    }
    if (filter.from && filter.to && filter.from > filter.to) {
      ctx.addIssue({
        code: "custom",
        path: ["from"],
        message: "filter.error.from_after_to" satisfies MessageKey,
      });
    }
  });
export type OverviewFilter = z.infer<typeof OverviewFilterSchema>;

export type FilterParseResult =
  { ok: true; filter: OverviewFilter } | { ok: false; issues: FilterIssue[] };

const FILTER_MESSAGE_KEYS = new Set<string>([
  "filter.error.month",
  "filter.error.period",
  "filter.error.unit_type",
  "filter.error.procedure_group",
  "filter.error.commune",
  "filter.error.commune_count",
  "filter.error.metric",
  "filter.error.period_and_range",
  "filter.error.from_after_to",
  "filter.error.repeated",
] satisfies MessageKey[]);

export function parseOverviewFilter(searchParams: URLSearchParams): FilterParseResult {
  const result = parseUrlParams(searchParams, {
    params: OVERVIEW_FILTER_PARAMS,
    schema: OverviewFilterSchema,
    messageKeys: FILTER_MESSAGE_KEYS,
    repeatable: REPEATABLE_FILTER_PARAMS,
  });
  return result.ok ? { ok: true, filter: result.data } : result;
}

export interface Coverage {
  first_month: string;
  last_month: string;
}

export interface ResolvedPeriod {
  from: string;
  to: string;
  months: number;
  /** The preset that produced it, or null for an explicit from/to. */
  preset: PeriodPreset | null;
  /** True when the request reached outside the covered months and was cut to them. */
  clamped: boolean;
}

export type PeriodResolution =
  { ok: true; period: ResolvedPeriod } | { ok: false; issue: FilterIssue };

function presetStart(preset: PeriodPreset, lastMonth: string): string {
  switch (preset) {
    case "3m":
      return addMonths(lastMonth, -2);
    case "6m":
      return addMonths(lastMonth, -5);
    case "12m":
      return addMonths(lastMonth, -11);
    case "ytd":
      return `${lastMonth.slice(0, 4)}-01`;
    case "since_merger":
      return MERGER_MONTH;
  }
}

/**
 * Turns the filter into concrete months inside the covered range. Presets count back from the
 * latest covered month (the data's "now"), not from today's date.
 */
export function resolvePeriod(filter: OverviewFilter, coverage: Coverage): PeriodResolution {
  const { first_month: first, last_month: last } = coverage;
  if (filter.from === undefined && filter.to === undefined) {
    const preset = filter.period ?? DEFAULT_PERIOD;
    const wanted = presetStart(preset, last);
    const from = minMonth(maxMonth(wanted, first), last);
    return {
      ok: true,
      period: { from, to: last, months: countMonths(from, last), preset, clamped: false },
    };
  }
  const wantedFrom = filter.from ?? first;
  const wantedTo = filter.to ?? last;
  const from = maxMonth(wantedFrom, first);
  const to = minMonth(wantedTo, last);
  if (from > to) {
    const param = filter.from !== undefined && filter.from > last ? "from" : "to";
    return {
      ok: false,
      issue: {
        param,
        message_key: "filter.error.outside_coverage",
        value: param === "from" ? wantedFrom : wantedTo,
        params: { first, last },
      },
    };
  }
  return {
    ok: true,
    period: {
      from,
      to,
      months: countMonths(from, to),
      preset: null,
      clamped: from !== wantedFrom || to !== wantedTo,
    },
  };
}

/** The period of equal length just before `period`, or null when the data does not cover it. */
export function previousPeriodOf(
  period: ResolvedPeriod,
  coverage: Coverage,
): ResolvedPeriod | null {
  const from = addMonths(period.from, -period.months);
  if (from < coverage.first_month) return null;
  return {
    from,
    to: addMonths(period.from, -1),
    months: period.months,
    preset: null,
    clamped: false,
  };
}
