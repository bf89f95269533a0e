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
import { monthState, type DataCalendar, type MonthState } from "~/lib/calendar/month-status";
import {
  MERGER_MONTH,
  MONTH_PATTERN,
  addMonths,
  countMonths,
  listMonths,
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
  /**
   * Which covered months are over and complete on the as-of date. Without it every covered month
   * counts as complete (pure callers and tests of the period arithmetic).
   */
  calendar?: DataCalendar;
}

/** A month of a period that is not complete yet: still running, or over with reports missing. */
export interface OpenMonth {
  month: string;
  state: Exclude<MonthState, "complete">;
}

export interface ResolvedPeriod {
  from: string;
  to: string;
  months: number;
  /** The preset that produced it, or null for an explicit from/to. */
  preset: PeriodPreset | null;
  /** True when the request reached outside the covered months and was cut to them. */
  clamped: boolean;
  /** The period's months that are not complete (running or late), in order; usually none. */
  open_months: readonly OpenMonth[];
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

function openMonthsOf(from: string, to: string, coverage: Coverage): OpenMonth[] {
  const calendar = coverage.calendar;
  if (!calendar) return [];
  const open: OpenMonth[] = [];
  for (const month of listMonths(from, to)) {
    const state = monthState(calendar, month);
    if (state !== "complete") open.push({ month, state });
  }
  return open;
}

/**
 * Turns the filter into concrete months inside the covered range. Presets count back from the
 * latest complete month (ADR 020): a month still running or still missing reports would read as
 * a collapse. An explicit from/to may include such months; they are then listed as open.
 */
export function resolvePeriod(filter: OverviewFilter, coverage: Coverage): PeriodResolution {
  const { first_month: first, last_month: last } = coverage;
  if (filter.from === undefined && filter.to === undefined) {
    const preset = filter.period ?? DEFAULT_PERIOD;
    const end = coverage.calendar?.complete_through ?? last;
    const wanted = presetStart(preset, end);
    const from = minMonth(maxMonth(wanted, first), end);
    return {
      ok: true,
      period: {
        from,
        to: end,
        months: countMonths(from, end),
        preset,
        clamped: false,
        open_months: openMonthsOf(from, end, coverage),
      },
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
      open_months: openMonthsOf(from, to, coverage),
    },
  };
}

/**
 * The period of equal length just before `period`, or null when the data does not cover it or
 * the two would not be alike: a change is only shown between periods of equal length that are
 * both complete — a running month against a whole one is not a fall.
 */
export function previousPeriodOf(
  period: ResolvedPeriod,
  coverage: Coverage,
): ResolvedPeriod | null {
  const from = addMonths(period.from, -period.months);
  if (from < coverage.first_month || period.open_months.length > 0) return null;
  // Open months are a suffix of the covered months (the running month and the late one before
  // it), so a period without any has none before it either.
  const to = addMonths(period.from, -1);
  return { from, to, months: period.months, preset: null, clamped: false, open_months: [] };
}
