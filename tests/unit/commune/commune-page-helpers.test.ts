// The commune page's pure rules: the peer set, medians, hour slots of shifts, reach with and
// without small-cell suppression, and the directory's name search and order.
import { describe, expect, it } from "vitest";
import { orderCommuneList, type CommuneListRow } from "~/pages/communes/load.server";
import { buildReachSection, type DemographicCell } from "~/pages/commune/load.server";
import { median, selectPeerCommunes, type PeerCandidate } from "~/lib/metrics/commune-peers";
import { matchesNameSearch, parseCommuneSearch } from "~/lib/filters/commune-search";
import { expandShiftIntoHourSlots, parseTimeOfDay } from "~/lib/metrics/shift-hour-slots";

const unit = (
  code: string,
  population: number | null,
  values: Partial<PeerCandidate> = {},
): PeerCandidate => ({
  code,
  name: `Phường ${code}`,
  unit_type: "phuong",
  population,
  population_ok: population !== null,
  ...values,
});

describe("selectPeerCommunes", () => {
  const target = unit("T", 10_000);
  it("takes the nearest on a log scale, so ×2 and ÷2 are equally far", () => {
    const peers = selectPeerCommunes(
      target,
      [target, unit("A", 20_000), unit("B", 5_000), unit("C", 14_000), unit("D", 100_000)],
      3,
    );
    // ln(1.4) = 0.336 < ln 2 = 0.693 (A and B tie, then name order: "Phường A" before "Phường B").
    expect(peers.map((peer) => peer.code)).toEqual(["C", "A", "B"]);
    expect(peers[1]!.distance).toBeCloseTo(Math.log(2), 12);
    expect(peers[2]!.distance).toBeCloseTo(Math.log(2), 12);
  });

  it("keeps to the same unit type and skips unusable populations", () => {
    const peers = selectPeerCommunes(target, [
      unit("X", 10_001, { unit_type: "xa" }),
      unit("S", 10_002, { population_ok: false }),
      unit("N", null),
      unit("Z", 0, { population_ok: true }),
      unit("OK", 30_000),
    ]);
    expect(peers.map((peer) => peer.code)).toEqual(["OK"]);
  });

  it("has no peers when the commune's own population is unusable", () => {
    expect(selectPeerCommunes(unit("T", 731, { population_ok: false }), [unit("A", 800)])).toEqual(
      [],
    );
  });

  it("returns at most 8 by default", () => {
    const many = Array.from({ length: 20 }, (_, index) => unit(`U${index}`, 9_000 + index * 100));
    expect(selectPeerCommunes(target, many)).toHaveLength(8);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones, ignoring nulls", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0.4, null, 0.75, 0.2, 0.6])).toBeCloseTo(0.5, 12);
    expect(median([null, null])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe("expandShiftIntoHourSlots", () => {
  it("splits a shift crossing hours into partial and whole slots", () => {
    expect(expandShiftIntoHourSlots("07:30:00", "12:00:00")).toEqual([
      { hour: 7, hours: 0.5 },
      { hour: 8, hours: 1 },
      { hour: 9, hours: 1 },
      { hour: 10, hours: 1 },
      { hour: 11, hours: 1 },
    ]);
    expect(expandShiftIntoHourSlots("14:00", "16:15")).toEqual([
      { hour: 14, hours: 1 },
      { hour: 15, hours: 1 },
      { hour: 16, hours: 0.25 },
    ]);
  });

  it("keeps a shift inside one hour in that slot, and the slots add up to the shift", () => {
    expect(expandShiftIntoHourSlots("09:10", "09:40")).toEqual([{ hour: 9, hours: 0.5 }]);
    const slots = expandShiftIntoHourSlots("06:45:00", "17:20:00");
    const total = slots.reduce((sum, slot) => sum + slot.hours, 0);
    expect(total).toBeCloseTo(17 + 20 / 60 - (6 + 45 / 60), 6);
    expect(slots[0]).toEqual({ hour: 6, hours: 0.25 });
  });

  it("reads PostgreSQL's 24:00 as the end of the day and refuses other text", () => {
    expect(expandShiftIntoHourSlots("23:00:00", "24:00:00")).toEqual([{ hour: 23, hours: 1 }]);
    expect(parseTimeOfDay("08:30:15")).toBeCloseTo(8.504166, 5);
    expect(() => parseTimeOfDay("8h30")).toThrow(RangeError);
  });
});

function cells(
  spec: Array<[string | null, boolean | null, DemographicCell["age_band"], string, number]>,
): DemographicCell[] {
  return spec.map(([ethnic_code, is_majority, age_band, gender, cases]) => ({
    ethnic_code,
    name_vi: ethnic_code,
    name_en: ethnic_code,
    is_majority,
    age_band,
    gender,
    cases,
  }));
}

const PROFILE = {
  year: 2025,
  population_total: 1000,
  population_minority: 250,
  population_elderly: 100,
  population_female: 500,
};

describe("buildReachSection", () => {
  // 40 cases: 12 minority (code 15), 20 Kinh, 8 unknown; elderly 9; female 23.
  const sample = cells([
    ["15", false, "60_plus", "female", 5],
    ["15", false, "18_34", "male", 7],
    ["01", true, "35_59", "female", 16],
    ["01", true, "60_plus", "male", 4],
    [null, null, "unknown", "female", 2],
    [null, null, "18_34", "male", 6],
  ]);

  it("gives raw counts, shares and reach indices to an unsuppressed viewer", () => {
    const reach = buildReachSection(sample, PROFILE, false);
    expect(reach.cases_total).toBe(40);
    const minority = reach.rows.find((row) => row.group === "minority")!;
    expect(minority.cases).toBe(12);
    expect(minority.share_helped).toBeCloseTo(12 / 40, 12);
    expect(minority.population_share).toBeCloseTo(0.25, 12);
    expect(minority.reach_index).toBeCloseTo(1.2, 12);
    expect(reach.rows.find((row) => row.group === "elderly")!.cases).toBe(9);
    expect(reach.rows.find((row) => row.group === "female")!.reach_index).toBeCloseTo(
      23 / 40 / 0.5,
      12,
    );
    expect(reach.ethnic_groups.map((row) => [row.ethnic_code, row.cases])).toEqual([
      ["01", 20],
      ["15", 12],
      [null, 8],
    ]);
    expect(reach.age_bands.map((row) => row.cases)).toEqual([0, 13, 16, 9, 2]);
  });

  it("suppresses every count for leader and secretary, shares from the counts as shown", () => {
    const reach = buildReachSection(sample, PROFILE, true);
    expect(reach.cases_total).toBe(40);
    const minority = reach.rows.find((row) => row.group === "minority")!;
    expect(minority.cases).toBe(10);
    // 12 minority cases are shown as 10, so the share is 10 of 40: share × 40 gives back only 10.
    expect(minority.share_helped).toBe(10 / 40);
    expect(reach.ethnic_groups.map((row) => row.cases)).toEqual([20, 10, 10]);
    expect(reach.age_bands.map((row) => row.cases)).toEqual([0, 15, 15, 10, "<8"]);
    // The "<8" age band has no share: beside the total it would give the count back.
    expect(reach.age_bands.map((row) => row.share_helped)).toEqual([
      0,
      15 / 40,
      15 / 40,
      10 / 40,
      null,
    ]);
  });

  it("shows no breakdown to a suppressed viewer when the selection has 1–7 records", () => {
    const few = cells([["15", false, "60_plus", "female", 3]]);
    expect(buildReachSection(few, PROFILE, true)).toMatchObject({
      too_few: true,
      cases_total: "<8",
      rows: [],
      ethnic_groups: [],
      age_bands: [],
    });
    expect(buildReachSection(few, PROFILE, false).rows[0]!.cases).toBe(3);
  });

  it("leaves population shares and indices empty without a profile", () => {
    const reach = buildReachSection(sample, null, false);
    expect(reach.rows.every((row) => row.population_share === null)).toBe(true);
    expect(reach.rows.every((row) => row.reach_index === null)).toBe(true);
  });
});

describe("commune directory", () => {
  it("finds names typed without diacritics or case", () => {
    expect(matchesNameSearch("Phường Lang Biang - Đà Lạt", "da lat")).toBe(true);
    expect(matchesNameSearch("Xã Đắk R'Lấp", "DAK RLAP")).toBe(true);
    expect(matchesNameSearch("Xã Cát Tiên 3", "bao loc")).toBe(false);
    expect(matchesNameSearch("Xã Cát Tiên 3", "  ")).toBe(true);
  });

  it("refuses an overlong or repeated search", () => {
    expect(parseCommuneSearch(new URLSearchParams("q=%20lat%20"))).toEqual({ ok: true, q: "lat" });
    expect(parseCommuneSearch(new URLSearchParams(`q=${"a".repeat(101)}`))).toMatchObject({
      ok: false,
      issue: { param: "q", message_key: "commune.error.q" },
    });
    expect(parseCommuneSearch(new URLSearchParams("q=a&q=b"))).toMatchObject({ ok: false });
  });

  it("puts the viewer's own communes first, then Vietnamese name order", () => {
    const row = (name: string, own: boolean) => ({ name, own }) as CommuneListRow;
    const ordered = orderCommuneList([
      row("Xã Đạ Tẻh", false),
      row("Xã Di Linh", false),
      row("Phường Xuân Hương - Đà Lạt", true),
      row("Xã Ân Thịnh", false),
      row("Xã An Nhơn", false),
    ]);
    expect(ordered.map((r) => r.name)).toEqual([
      "Phường Xuân Hương - Đà Lạt",
      "Xã An Nhơn",
      "Xã Ân Thịnh",
      "Xã Di Linh",
      "Xã Đạ Tẻh",
    ]);
  });
});
