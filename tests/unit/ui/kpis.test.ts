import { describe, expect, it } from "vitest";
import { previousPeriodLabel } from "~/components/kpi-tiles";
import { getFormatter } from "~/lib/i18n/formatter";
import { compareKpi, computeKpis, emptyMonthTotals, type MonthTotals } from "~/lib/metrics/kpis";

const month = (values: Partial<MonthTotals> & { month: string }): MonthTotals => ({
  ...emptyMonthTotals(values.month),
  ...values,
});

describe("computeKpis", () => {
  // Two months; expected values computed by hand.
  const months = [
    month({
      month: "2026-10",
      cases: 100,
      cases_online: 40,
      cases_minority: 30,
      cases_elderly: 20,
      dossiers_total: 200,
      dossiers_online: 50,
      volunteer_hours: 12.5,
      volunteers_active: 9,
      communes_with_cases: 3,
    }),
    month({
      month: "2026-11",
      cases: 300,
      cases_online: 200,
      cases_minority: 90,
      cases_elderly: 60,
      dossiers_total: 600,
      dossiers_online: 350,
      volunteer_hours: 20,
      volunteers_active: 7,
      communes_with_cases: 2,
    }),
  ];

  it("sums counts and divides summed numerators by summed denominators", () => {
    const kpis = computeKpis(months, 5);
    expect(kpis.cases).toBe(400);
    expect(kpis.online_uptake).toBeCloseTo(400 / 800); // not the mean of 25% and 58.3%
    expect(kpis.assisted_online_share).toBeCloseTo(240 / 400);
    expect(kpis.minority_reach).toBeCloseTo(120 / 400);
    expect(kpis.elderly_reach).toBeCloseTo(80 / 400);
    expect(kpis.volunteer_hours).toBeCloseTo(32.5);
  });

  it("takes active volunteers and reporting communes from the latest month", () => {
    const kpis = computeKpis(months, 5);
    expect(kpis).toMatchObject({
      volunteers_active: 7,
      communes_reporting: 2,
      communes_total: 5,
      latest_month: "2026-11",
    });
  });

  it("leaves ratios empty when there is no denominator", () => {
    const kpis = computeKpis([month({ month: "2026-11" })], 5);
    expect(kpis.online_uptake).toBeNull();
    expect(kpis.assisted_online_share).toBeNull();
    expect(kpis.minority_reach).toBeNull();
    expect(kpis.cases).toBe(0);
  });
});

describe("compareKpi", () => {
  it("expresses counts as a relative change", () => {
    expect(compareKpi("cases", 120, 100)).toMatchObject({ kind: "relative", direction: "up" });
    expect(compareKpi("cases", 120, 100)!.amount).toBeCloseTo(0.2);
    expect(compareKpi("volunteer_hours", 50, 100)).toMatchObject({
      direction: "down",
      amount: -0.5,
    });
  });

  it("expresses ratios as a difference in points", () => {
    const change = compareKpi("online_uptake", 0.45, 0.4)!;
    expect(change.kind).toBe("points");
    expect(change.amount).toBeCloseTo(0.05);
    expect(compareKpi("online_uptake", 0.40001, 0.4)!.direction).toBe("flat");
  });

  it("flags a rise from zero instead of an infinite percentage", () => {
    expect(compareKpi("cases", 10, 0)).toMatchObject({ direction: "up", from_zero: true });
    expect(compareKpi("cases", 0, 0)).toMatchObject({ direction: "flat" });
  });

  it("counts communes reporting in units", () => {
    expect(compareKpi("communes_reporting", 90, 93)).toMatchObject({
      kind: "units",
      direction: "down",
      amount: -3,
    });
  });

  it("cannot compare when either side has no value", () => {
    expect(compareKpi("online_uptake", null, 0.4)).toBeNull();
    expect(compareKpi("online_uptake", 0.4, null)).toBeNull();
  });
});

describe("previousPeriodLabel", () => {
  // Three months against the three before: the sums name three months, the latest-month
  // indicators (active volunteers, units with cases) name the one month they were measured in.
  const previous = computeKpis(
    [month({ month: "2026-07" }), month({ month: "2026-08" }), month({ month: "2026-09" })],
    124,
  );
  const period = {
    from: "2026-07",
    to: "2026-09",
    months: 3,
    preset: "3m",
    clamped: false,
    open_months: [],
  } as const;
  const fmt = getFormatter("vi");

  it("names the same length of time as the value it compares", () => {
    expect(previousPeriodLabel("cases", period, previous, fmt)).toBe(
      `${fmt.monthNumeric("2026-07")} – ${fmt.monthNumeric("2026-09")}`,
    );
    expect(previousPeriodLabel("volunteer_hours", period, previous, fmt)).toContain("–");
    for (const id of ["volunteers_active", "communes_reporting"] as const) {
      expect(previousPeriodLabel(id, period, previous, fmt)).toBe(fmt.monthNumeric("2026-09"));
    }
  });
});
