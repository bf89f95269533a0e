import { beforeAll, describe, expect, it } from "vitest";
import type { ReferenceData } from "~/lib/reference/read-reference.server";
import { loadReferenceData } from "./reference-data";

describe("readReferenceData", () => {
  let ref: ReferenceData;
  beforeAll(async () => {
    ref = await loadReferenceData();
  });

  it("reads every table with the documented row counts", () => {
    expect(ref.provinces).toHaveLength(34);
    expect(ref.communes).toHaveLength(3321);
    expect(ref.ethnicGroups).toHaveLength(54);
    expect(ref.procedures).toHaveLength(2643);
    expect(ref.communes.filter((c) => c.province_code === "68")).toHaveLength(124);
  });

  it("types a province row", () => {
    expect(ref.provinces.find((p) => p.code === "68")).toMatchObject({
      name: "Lâm Đồng",
      unit_type: "tinh",
      n_units: 124,
      population: 3872999,
    });
  });

  it("takes name_ascii from name_en and keeps the area and population caveats", () => {
    expect(ref.communes.find((c) => c.code === "24846")).toMatchObject({
      name: "Lang Biang - Đà Lạt",
      name_ascii: "Lang Biang - Da Lat",
      full_name: "Phường Lang Biang - Đà Lạt",
      unit_type: "phuong",
      formed_from: "Phường 7, Thị trấn Lạc Dương, Xã Lát",
    });
    const missing = ref.communes.filter((c) => c.population === null);
    expect(missing.length).toBe(2);
    expect(missing.every((c) => c.population_quality === "missing")).toBe(true);
    expect(ref.communes.filter((c) => c.population_quality === "suspect_lt_1000")).toHaveLength(
      119,
    );
  });

  it("carries the ethnic-group variants", () => {
    expect(ref.ethnicGroups.find((g) => g.code === "15")).toEqual({
      code: "15",
      name_vi: "Cơ Ho",
      name_variants: "Cơ-ho; K'Ho",
      name_en: "Co Ho",
      name_en_alt: "Koho",
      code_1979: "16",
      language_group_vi: "Môn - Khmer",
      language_group_en: "Mon-Khmer",
      is_majority: false,
    });
  });

  it("labels shortlisted procedures, groups the rest by field, and adds 'other'", () => {
    const byCode = new Map(ref.procedures.map((p) => [p.code, p]));
    expect(byCode.get("1.001193")).toMatchObject({
      label_vi: "Đăng ký khai sinh",
      label_en: "Birth registration",
      procedure_group: "ho_tich",
      is_common: true,
      commune_level: true,
    });
    expect(ref.procedures.filter((p) => p.is_common)).toHaveLength(33);
    const civilStatus = ref.procedures.find((p) => !p.is_common && p.field === "Hộ tịch");
    expect(civilStatus).toMatchObject({ procedure_group: "ho_tich", label_vi: null });
    expect(ref.procedures.find((p) => p.field === "Hải quan")?.procedure_group).toBe("other");
    expect(byCode.get("other")).toMatchObject({ procedure_group: "other", is_common: false });
  });
});
