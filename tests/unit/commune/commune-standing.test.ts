// The commune page's tiles: medians and competition ranks in the province and among peers, worked
// out by hand on five units.
import { describe, expect, it } from "vitest";
import {
  COMMUNE_TILE_IDS,
  computeCommuneStandings,
  sumCommuneTotals,
  type CommunePeriodTotals,
} from "~/lib/metrics/commune-standing";
import { METRICS } from "~/lib/metrics/registry";

function totals(cases: number, online: number, dossiers: number, hours: number) {
  return {
    cases,
    cases_online: online,
    dossiers_total: dossiers,
    dossiers_online: Math.round(dossiers / 2),
    volunteer_hours: hours,
  } satisfies CommunePeriodTotals;
}

const PROVINCE = ["A", "B", "C", "D", "E"];
const TOTALS = new Map([
  ["A", totals(10, 5, 0, 4)], // no dossiers: online uptake has no value
  ["B", totals(30, 6, 10, 4)],
  ["C", totals(20, 20, 20, 9)],
  ["D", totals(30, 0, 40, 1)],
  // E recorded nothing: zeros
]);

describe("computeCommuneStandings", () => {
  it("ranks highest first with ties sharing a rank, over the province and the peers", () => {
    const standings = computeCommuneStandings("B", PROVINCE, ["C", "D"], TOTALS);
    // cases 10, 30, 20, 30, 0: B ties D for first; province median 20; peers C, D: median 25.
    expect(standings.cases).toEqual({
      value: 30,
      province_median: 20,
      peer_median: 25,
      province_rank: { rank: 1, of: 5 },
      peer_rank: { rank: 1, of: 3 },
    });
    // hours 4, 4, 9, 1, 0: B shares second place with A.
    expect(standings.volunteer_hours.province_rank).toEqual({ rank: 2, of: 5 });
    expect(standings.volunteer_hours.peer_rank).toEqual({ rank: 2, of: 3 });
    // assisted online share 0.5, 0.2, 1, 0, none (E has no cases): B is third of four.
    expect(standings.assisted_online_share.value).toBeCloseTo(0.2, 10);
    expect(standings.assisted_online_share.province_rank).toEqual({ rank: 3, of: 4 });
    expect(standings.assisted_online_share.province_median).toBeCloseTo(0.35, 10);
  });

  it("leaves a unit without a denominator unranked, and peers out when there are none", () => {
    const standings = computeCommuneStandings("A", PROVINCE, [], TOTALS);
    expect(standings.online_uptake.value).toBeNull();
    expect(standings.online_uptake.province_rank).toBeNull();
    // uptake 0.5, 0.5, 0.5 over B, C, D (5/10, 10/20, 20/40).
    expect(standings.online_uptake.province_median).toBe(0.5);
    expect(standings.cases.peer_median).toBeNull();
    expect(standings.cases.peer_rank).toBeNull();
    expect(standings.cases.province_rank).toEqual({ rank: 4, of: 5 });
  });

  it("shows no demographic figure, so no tile needs small-cell suppression", () => {
    expect(COMMUNE_TILE_IDS.filter((id) => METRICS[id].suppressible)).toEqual([]);
    expect(COMMUNE_TILE_IDS.every((id) => METRICS[id].definition !== undefined)).toBe(true);
  });
});

describe("sumCommuneTotals", () => {
  it("adds the months of each commune and takes hours from their own map", () => {
    const cell = (commune_code: string, cases: number) => ({
      commune_code,
      cases,
      cases_online: 1,
      dossiers_total: 2,
      dossiers_online: 1,
    });
    const sums = sumCommuneTotals(
      [cell("A", 3), cell("A", 4), cell("B", 1)],
      new Map([
        ["A", 2.5],
        ["C", 7],
      ]),
    );
    expect(sums.get("A")).toEqual({
      cases: 7,
      cases_online: 2,
      dossiers_total: 4,
      dossiers_online: 2,
      volunteer_hours: 2.5,
    });
    expect(sums.get("B")!.volunteer_hours).toBe(0);
    expect(sums.get("C")!.cases).toBe(0);
    expect(sums.get("C")!.volunteer_hours).toBe(7);
  });
});
