import { buildDataCalendar } from "~/lib/calendar/month-status";
import { describe, expect, it } from "vitest";
import {
  parseOverviewFilter,
  previousPeriodOf,
  resolvePeriod,
  type OverviewFilter,
} from "~/lib/filters/filters";
import { isBadFilterResponseBody } from "~/lib/url-params/filter-issues";
import { addMonths, countMonths, listMonths } from "~/lib/calendar/months";

const parse = (query: string) => parseOverviewFilter(new URLSearchParams(query));
const coverage = { first_month: "2025-07", last_month: "2026-11" };

function filterOf(query: string): OverviewFilter {
  const result = parse(query);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.filter;
}

describe("month arithmetic", () => {
  it("crosses year boundaries", () => {
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-01", -13)).toBe("2024-12");
    expect(countMonths("2025-07", "2026-06")).toBe(12);
    expect(listMonths("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});

describe("OverviewFilterSchema", () => {
  it("defaults to the online-uptake map and no unit-type filter", () => {
    expect(filterOf("")).toEqual({ metric: "online_uptake", commune: [] });
  });

  it("treats blank form fields and unit_type=all as not set, and ignores lang", () => {
    expect(
      filterOf("from=&to=&unit_type=all&procedure_group=all&commune=&metric=&lang=en"),
    ).toMatchObject({ metric: "online_uptake", commune: [] });
    const blank = filterOf("from=&to=&unit_type=all&procedure_group=all&metric=");
    expect([blank.from, blank.to, blank.unit_type, blank.procedure_group]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads presets, explicit months, unit type and metric", () => {
    expect(filterOf("period=ytd&unit_type=dac_khu&metric=cases_per_1000")).toEqual({
      period: "ytd",
      unit_type: "dac_khu",
      metric: "cases_per_1000",
      commune: [],
    });
    expect(filterOf("from=2025-08&to=2025-12")).toMatchObject({ from: "2025-08", to: "2025-12" });
  });

  it.each([
    ["from=2025-13", "from", "filter.error.month"],
    ["to=2025-7", "to", "filter.error.month"],
    ["period=2y", "period", "filter.error.period"],
    ["unit_type=huyen", "unit_type", "filter.error.unit_type"],
    ["metric=population", "metric", "filter.error.metric"],
    ["period=6m&from=2025-08", "period", "filter.error.period_and_range"],
    ["from=2026-02&to=2025-12", "from", "filter.error.from_after_to"],
    ["unit_type=xa&unit_type=phuong", "unit_type", "filter.error.repeated"],
    ["procedure_group=thue", "procedure_group", "filter.error.procedure_group"],
    ["commune=2477", "commune", "filter.error.commune"],
    ["commune=24778;drop", "commune", "filter.error.commune"],
    [
      "commune=24778,24781,24784,24787,24790,24793&commune=24796",
      "commune",
      "filter.error.commune_count",
    ],
  ])("refuses %s with a message naming %s", (query, param, messageKey) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ param, message_key: messageKey }),
    );
    expect(isBadFilterResponseBody({ kind: "bad_filter", issues: result.issues })).toBe(true);
  });
});

describe("the commune and procedure-group filters", () => {
  it("reads repeated and comma-separated communes in order, without duplicates", () => {
    expect(filterOf("commune=24778&commune=24781,24778&procedure_group=ho_tich")).toMatchObject({
      commune: ["24778", "24781"],
      procedure_group: "ho_tich",
    });
  });
});

describe("resolvePeriod", () => {
  const resolve = (query: string) => {
    const result = resolvePeriod(filterOf(query), coverage);
    if (!result.ok) throw new Error(result.issue.message_key);
    return result.period;
  };

  it("defaults to the last 12 covered months", () => {
    expect(resolve("")).toMatchObject({
      from: "2025-12",
      to: "2026-11",
      months: 12,
      preset: "12m",
    });
  });

  it("counts presets back from the latest covered month", () => {
    expect(resolve("period=3m")).toMatchObject({ from: "2026-09", to: "2026-11", months: 3 });
    expect(resolve("period=ytd")).toMatchObject({ from: "2026-01", to: "2026-11", months: 11 });
    expect(resolve("period=since_merger")).toMatchObject({ from: "2025-07", months: 17 });
  });

  it("clamps a preset longer than the data to the first covered month", () => {
    const short = resolvePeriod(filterOf("period=12m"), {
      first_month: "2026-06",
      last_month: "2026-11",
    });
    expect(short).toMatchObject({ ok: true, period: { from: "2026-06", months: 6 } });
  });

  it("clamps an explicit range to the covered months and says so", () => {
    expect(resolve("from=2025-01&to=2025-09")).toMatchObject({
      from: "2025-07",
      to: "2025-09",
      clamped: true,
      preset: null,
    });
    expect(resolve("from=2025-08")).toMatchObject({
      from: "2025-08",
      to: "2026-11",
      clamped: false,
    });
  });

  it("refuses a range entirely outside the data", () => {
    const result = resolvePeriod(filterOf("from=2027-01&to=2027-03"), coverage);
    expect(result).toMatchObject({
      ok: false,
      issue: { param: "from", message_key: "filter.error.outside_coverage" },
    });
  });

  it("finds the previous period of equal length only when the data covers it", () => {
    const threeMonths = resolve("period=3m");
    expect(previousPeriodOf(threeMonths, coverage)).toMatchObject({
      from: "2026-06",
      to: "2026-08",
      months: 3,
    });
    expect(previousPeriodOf(resolve("period=12m"), coverage)).toBeNull();
  });

  describe("on the data calendar", () => {
    const withCalendar = {
      first_month: "2025-07",
      last_month: "2026-12",
      calendar: buildDataCalendar({
        asOf: "2026-12-04",
        coverage: { first_month: "2025-07", last_month: "2026-12" },
        partialThrough: "2026-12-04",
        reporting: [],
      }),
    };
    const at = (query: string) => {
      const result = resolvePeriod(filterOf(query), withCalendar);
      if (!result.ok) throw new Error("expected a period");
      return result.period;
    };

    it("ends presets at the last complete month, not the running one", () => {
      expect(at("period=3m")).toMatchObject({ from: "2026-09", to: "2026-11", open_months: [] });
      expect(at("")).toMatchObject({ to: "2026-11", months: 12 });
    });

    it("lists a running month asked for explicitly and compares it with nothing", () => {
      const period = at("from=2026-10&to=2026-12");
      expect(period.open_months).toEqual([{ month: "2026-12", state: "running" }]);
      expect(previousPeriodOf(period, withCalendar)).toBeNull();
      expect(previousPeriodOf(at("period=3m"), withCalendar)).toMatchObject({
        from: "2026-06",
        to: "2026-08",
      });
    });
  });
});
