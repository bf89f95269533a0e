// The parts of the sample model that the import and the dashboard rely on: the roster's size
// and naming, the messy names (which must resolve, or be ambiguous, as the docs say), options.
import { beforeAll, describe, expect, it } from "vitest";

import { buildCommuneProfiles } from "~/lib/sample/commune-profile";
import { loadSampleReference } from "~/lib/sample/load-sample-reference.server";
import { findAmbiguousWardNames, removeDiacritics } from "~/lib/sample/messy-values";
import { SampleOptionsSchema } from "~/lib/sample/sample-options";
import { recordPrefixOf } from "~/lib/sample/sample-plan";
import type { SampleReference } from "~/lib/sample/sample-reference";
import { buildVolunteerRoster } from "~/lib/sample/volunteer-roster";

let reference: SampleReference;
beforeAll(async () => {
  reference = await loadSampleReference("68");
});

describe("volunteer roster", () => {
  it("has ~22 volunteers and ~1.1 teams per commune, with unique pseudonymous ids and team names", () => {
    const profiles = buildCommuneProfiles(reference, 1);
    const rosters = [...buildVolunteerRoster(profiles, 1, "68").values()];
    expect(rosters).toHaveLength(124);
    const teams = rosters.flatMap((r) => r.teams);
    const volunteers = teams.flatMap((t) => t.volunteers);
    expect(teams).toHaveLength(136);
    expect(volunteers).toHaveLength(2728);
    expect(new Set(teams.map((t) => t.name)).size).toBe(teams.length);
    expect(new Set(volunteers.map((v) => v.id)).size).toBe(volunteers.length);
    for (const v of volunteers) expect(v.id).toMatch(/^TNV-68-\d{5}$/);
    expect(teams.map((t) => t.name)).toContain("Đội TN Lang Biang 1");
    expect(teams.map((t) => t.name)).toContain("Đội TN Đam Rông 4 - 1");
  });
});

describe("messy commune names", () => {
  it("uses only pre-merger names that point to one successor", () => {
    const profiles = buildCommuneProfiles(reference, 1);
    const owner = (old: string) =>
      profiles.filter((p) => p.oldNames.includes(old)).map((p) => p.name);
    expect(owner("Thị trấn Lạc Dương")).toEqual(["Lang Biang - Đà Lạt"]);
    expect(owner("Xã Gia Viễn")).toEqual(["Cát Tiên 3"]);
    // Xã Hòa Thắng was split between Hồng Thái and Hoà Thắng: ambiguous, so never used.
    expect(owner("Xã Hòa Thắng")).toEqual([]);
    for (const p of profiles) {
      for (const old of p.oldNames) expect(old).not.toMatch(/^Phường \d+$/);
    }
  });

  it("finds the bare ward numbers that Đà Lạt and Bảo Lộc both had", () => {
    expect(findAmbiguousWardNames(reference.communes)).toEqual(["Phường 1", "Phường 2"]);
  });

  it("strips Vietnamese diacritics including đ", () => {
    expect(removeDiacritics("Phường Lang Biang - Đà Lạt")).toBe("Phuong Lang Biang - Da Lat");
  });

  it("names nearby provinces' units, none of them a Lâm Đồng name", () => {
    const local = new Set(reference.communes.map((c) => c.full_name));
    expect(reference.foreignCommuneNames.length).toBeGreaterThan(0);
    for (const name of reference.foreignCommuneNames) expect(local.has(name)).toBe(false);
  });
});

describe("SampleOptionsSchema", () => {
  const now = "2026-11-29T15:00:00Z";

  it("fills defaults and pads the province code", () => {
    const options = SampleOptionsSchema.parse({ out: "/tmp/x", now, province: "4" });
    expect(options).toMatchObject({ months: 17, seed: 1, scale: 1, province: "04" });
  });

  it("rejects months that run past --now and a --now before the merger", () => {
    expect(SampleOptionsSchema.safeParse({ out: "x", now, months: "18" }).success).toBe(false);
    expect(SampleOptionsSchema.safeParse({ out: "x", now, months: "17" }).success).toBe(true);
    expect(SampleOptionsSchema.safeParse({ out: "x", now: "2025-06-30T12:00:00Z" }).success).toBe(
      false,
    );
    expect(SampleOptionsSchema.safeParse({ out: "x", now: "yesterday" }).success).toBe(false);
    expect(SampleOptionsSchema.safeParse({ now }).success).toBe(false);
  });

  it("derives record-id prefixes from the province's code name", () => {
    expect(recordPrefixOf("lam_dong")).toBe("LD");
    expect(recordPrefixOf("ho_chi_minh")).toBe("HCM");
  });
});
