import { describe, expect, it } from "vitest";
import {
  computeCommuneMetric,
  activityWindowStart,
  findNeedsAttention,
  rankCommunes,
  type CommuneSummary,
} from "~/lib/metrics/commune-metrics";

function commune(values: Partial<CommuneSummary> & { code: string; name: string }): CommuneSummary {
  return {
    unit_type: "xa",
    population: 10_000,
    population_ok: true,
    cases: 0,
    cases_online: 0,
    dossiers_total: 0,
    dossiers_online: 0,
    volunteer_hours: 0,
    last_month_cases: 0,
    last_month_dossiers_total: 0,
    last_month_volunteer_hours: 0,
    last_month_volunteers_active: 0,
    ...values,
  };
}

const communes = [
  commune({ code: "1", name: "Xã Đạ Tẻh", dossiers_total: 100, dossiers_online: 50, cases: 20 }),
  commune({ code: "2", name: "Xã Di Linh", dossiers_total: 10, dossiers_online: 5, cases: 40 }),
  commune({ code: "3", name: "Xã An Nhơn", dossiers_total: 0, dossiers_online: 0, cases: 5 }),
  commune({ code: "4", name: "Phường B'Lao", dossiers_total: 40, dossiers_online: 30, cases: 80 }),
  commune({
    code: "5",
    name: "Xã Sơn Điền",
    population: 731,
    population_ok: false,
    dossiers_total: 20,
    dossiers_online: 2,
    cases: 70,
    last_month_cases: 3,
  }),
];

describe("computeCommuneMetric", () => {
  it("computes per-capita values only for trusted populations", () => {
    expect(computeCommuneMetric(communes[1]!, "cases_per_1000")).toBeCloseTo(4);
    expect(computeCommuneMetric(communes[4]!, "cases_per_1000")).toBeNull();
  });

  it("has no uptake without dossiers", () => {
    expect(computeCommuneMetric(communes[2]!, "online_uptake")).toBeNull();
  });
});

describe("rankCommunes", () => {
  it("ranks highest first, ties share a rank in Vietnamese name order, missing values last", () => {
    const ranked = rankCommunes(communes, "online_uptake");
    expect(ranked.map((row) => [row.rank, row.name])).toEqual([
      [1, "Phường B'Lao"], // 75%
      [2, "Xã Di Linh"], // 50%, "Di" before "Đạ" in Vietnamese order
      [2, "Xã Đạ Tẻh"], // 50%
      [4, "Xã Sơn Điền"], // 10%
      [null, "Xã An Nhơn"], // no dossiers
    ]);
  });
});

describe("findNeedsAttention", () => {
  const all = [
    ...communes.slice(0, 4),
    communes[4]!,
    commune({
      code: "6",
      name: "Xã Ân Thịnh",
      last_month_volunteers_active: 2,
      last_month_volunteer_hours: 6,
    }),
  ];
  // The latest activity in the data is 20 Nov 2026, so the 30-day window is 22 Oct – 20 Nov.
  const activity = {
    as_of: "2026-11-20",
    last_activity: {
      "1": "2026-10-21", // one day before the window: idle
      "2": null, // never active
      "3": "2026-10-22", // first day of the window: active
      "4": "2026-09-30",
      "5": "2026-10-01",
      "6": "2026-11-20",
    },
  };

  it("lists the lowest uptake, communes idle for 30 days and silent communes", () => {
    const attention = findNeedsAttention(all, "2026-11", activity);
    expect(attention.lowest_uptake.map((row) => row.name)).toEqual([
      "Xã Sơn Điền",
      "Xã Di Linh",
      "Xã Đạ Tẻh",
      "Phường B'Lao",
    ]);
    expect(attention.activity_as_of).toBe("2026-11-20");
    // Names in Vietnamese order: B'Lao, Di Linh, Đạ Tẻh, Sơn Điền.
    expect(attention.no_volunteer_activity).toEqual([
      { code: "4", name: "Phường B'Lao", last_activity: "2026-09-30" },
      { code: "2", name: "Xã Di Linh", last_activity: null },
      { code: "1", name: "Xã Đạ Tẻh", last_activity: "2026-10-21" },
      { code: "5", name: "Xã Sơn Điền", last_activity: "2026-10-01" },
    ]);
    // Sơn Điền had cases in the month, so it sent data even without volunteer shifts.
    expect(attention.no_data.map((row) => row.code)).toEqual(["4", "3", "2", "1"]);
  });

  it("lists no idle commune when the data has no activity date at all", () => {
    const attention = findNeedsAttention(all, "2026-11");
    expect(attention.no_volunteer_activity).toEqual([]);
    expect(attention.activity_as_of).toBeNull();
  });

  it("counts the 30-day window back from the as-of date, both ends included", () => {
    expect(activityWindowStart("2026-11-20")).toBe("2026-10-22");
    expect(activityWindowStart("2026-03-01")).toBe("2026-01-31");
  });
});
