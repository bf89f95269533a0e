import { describe, expect, it } from "vitest";
import { compactKey, editDistance, foldKey, stripUnitPrefix, toneKey } from "~/lib/etl/text";

describe("foldKey", () => {
  it.each([
    ["Lang Biang - Đà Lạt", "lang biang da lat"],
    ["  ĐẮK  R’MOAN ", "dak rmoan"],
    ["B'Lao", "blao"],
    ["Xã Cát Tiên 3", "xa cat tien 3"],
    ["Phường Phú Thuỷ", "phuong phu thuy"],
    ["Ra-glai", "ra glai"],
  ])("%s → %s", (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it("gives NFD input the same key as NFC input", () => {
    for (const s of ["Đạ Huoai", "Phường Lâm Viên - Đà Lạt", "Xã Đưng K’Nớ"]) {
      expect(foldKey(s.normalize("NFD"))).toBe(foldKey(s));
    }
  });
});

describe("compactKey", () => {
  it("drops spaces, hyphens and apostrophes", () => {
    expect(compactKey("Ra Glai")).toBe("raglai");
    expect(compactKey("Ra-glai")).toBe("raglai");
    expect(compactKey("K'Ho")).toBe("kho");
  });
});

describe("toneKey", () => {
  it("treats old and new tone placement alike", () => {
    expect(toneKey("Hòa Thắng")).toBe(toneKey("Hoà Thắng"));
    expect(toneKey("Phú Thủy")).toBe(toneKey("Phú Thuỷ"));
    expect(toneKey("Phú Thủy".normalize("NFD"))).toBe(toneKey("Phú Thuỷ"));
  });

  it("keeps names apart that differ in diacritics", () => {
    expect(toneKey("Tân Thành")).not.toBe(toneKey("Tân Thạnh"));
    expect(toneKey("Ba Tơ")).not.toBe(toneKey("Ba Tô"));
    expect(compactKey("Tân Thành")).toBe(compactKey("Tân Thạnh"));
  });
});

describe("stripUnitPrefix", () => {
  it.each([
    ["Xã Cát Tiên 3", "xa", "Cát Tiên 3", false],
    ["Phường Lang Biang - Đà Lạt", "phuong", "Lang Biang - Đà Lạt", false],
    ["Thị trấn Lạc Dương", "thi_tran", "Lạc Dương", false],
    ["Đặc khu Phú Quý", "dac_khu", "Phú Quý", false],
    ["X. Cát Tiên 3", "xa", "Cát Tiên 3", false],
    ["P. Lang Biang - Đà Lạt", "phuong", "Lang Biang - Đà Lạt", false],
    ["P.1 Bảo Lộc", "phuong", "1 Bảo Lộc", false],
    ["TT. Lạc Dương", "thi_tran", "Lạc Dương", false],
    ["ĐK. Phú Quý", "dac_khu", "Phú Quý", false],
    ["xa cat tien 3", "xa", "cat tien 3", true],
    ["phuong 1 bao loc", "phuong", "1 bao loc", true],
    ["thi tran lac duong", "thi_tran", "lac duong", true],
    ["xã Bà Gia", "xa", "Bà Gia", false],
    ["PHƯỜNG B'LAO", "phuong", "B'LAO", false],
  ] as const)("%s", (input, unitType, name, asciiPrefix) => {
    expect(stripUnitPrefix(input)).toEqual({ unitType, name, asciiPrefix });
  });

  it("leaves names that only look like a prefix", () => {
    expect(stripUnitPrefix("Xà Phiên")).toEqual({
      unitType: null,
      name: "Xà Phiên",
      asciiPrefix: false,
    });
    expect(stripUnitPrefix("Phương Liệt")).toEqual({
      unitType: null,
      name: "Phương Liệt",
      asciiPrefix: false,
    });
    expect(stripUnitPrefix("Xã")).toEqual({ unitType: null, name: "Xã", asciiPrefix: false });
  });

  it("strips only diacritic spellings when asked", () => {
    expect(stripUnitPrefix("Xa Dung", { ascii: false }).unitType).toBeNull();
  });

  it("accepts NFD input", () => {
    expect(stripUnitPrefix("Thị trấn Lạc Dương".normalize("NFD"))).toEqual({
      unitType: "thi_tran",
      name: "Lạc Dương",
      asciiPrefix: false,
    });
  });
});

describe("editDistance", () => {
  it.each([
    ["langbian", "langbiang", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
  ])("%s / %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
