import { beforeAll, describe, expect, it } from "vitest";
import {
  createEthnicityResolver,
  type EthnicityResolver,
} from "~/lib/etl/resolve/ethnicity-resolver";
import { loadReferenceData } from "./reference-data";

let resolver: EthnicityResolver;
beforeAll(async () => {
  resolver = createEthnicityResolver((await loadReferenceData()).ethnicGroups);
});

describe("ethnicity by name", () => {
  it.each([
    ["K'Ho", "15"],
    ["K’Ho", "15"],
    ["Cơ Ho", "15"],
    ["Kơ Ho", "15"],
    ["Koho", "15"],
    ["co ho", "15"],
    ["M'Nông", "20"],
    ["Mnông", "20"],
    ["Mơ Nông", "20"],
    ["mnong", "20"],
    ["Chăm", "14"],
    ["Chàm", "14"],
    ["Cham", "14"],
    ["Raglai", "19"],
    ["Ra Glai", "19"],
    ["Ra-glai", "19"],
    ["Kinh", "01"],
    ["Việt", "01"],
    ["Người Kinh", "01"],
    ["Hoa", "06"],
    ["Người Hoa", "06"],
    ["Khmer", "05"],
    ["Khơ-me", "05"],
    ["Khơ me", "05"],
    ["Ê Đê", "11"],
    ["Ê-đê", "11"],
    ["Ede", "11"],
    ["Gia Rai", "10"],
    ["Jrai", "10"],
    ["Jarai", "10"],
    ["Xtiêng", "22"],
    ["X'tiêng", "22"],
    ["Stiêng", "22"],
    ["Chu Ru", "34"],
    ["Chu-ru", "34"],
    ["Churu", "34"],
    ["Mạ", "28"],
    ["Ma", "28"],
    ["Mảng", "46"],
    ["Mường", "04"],
    ["Mông", "08"],
    ["H'Mông", "08"],
    ["Tày", "02"],
    ["Thái", "03"],
    ["Nùng", "07"],
    ["Dân tộc Nùng", "07"],
  ])("%s → %s", (input, code) => {
    expect(resolver.resolve(input)).toEqual({ ok: true, code });
  });

  it("matches NFD input like NFC input", () => {
    expect(resolver.resolve("Mạ".normalize("NFD"))).toEqual({ ok: true, code: "28" });
    expect(resolver.resolve("Ê Đê".normalize("NFD"))).toEqual({ ok: true, code: "11" });
  });
});

describe("ethnicity by code", () => {
  it.each([
    ["01", "01"],
    [1, "01"],
    ["1", "01"],
    ["05", "05"],
    [54, "54"],
  ] as const)("2008 code %j → %s", (input, code) => {
    expect(resolver.resolve(input)).toEqual({ ok: true, code });
  });

  it("reads a 1979 code only with its system prefix", () => {
    expect(resolver.resolve("1979:05")).toEqual({ ok: true, code: "05" });
    expect(resolver.resolve("1979:04")).toEqual({ ok: true, code: "06" });
    expect(resolver.resolve("1979:6")).toEqual({ ok: true, code: "04" });
    expect(resolver.resolve("04")).toEqual({ ok: true, code: "04" });
  });

  it("rejects codes outside the list", () => {
    expect(resolver.resolve("56")).toMatchObject({
      ok: false,
      error: { reason_code: "ethnicity_unknown" },
    });
    expect(resolver.resolve("1979:60")).toMatchObject({
      ok: false,
      error: { reason_code: "ethnicity_unknown" },
    });
  });
});

describe("ethnicity unknown, foreign or unrecognised", () => {
  it.each([null, undefined, "", "không rõ", "Không rõ", "unknown", "Chưa xác định"])(
    "%j is unknown (null), not an error",
    (input) => {
      expect(resolver.resolve(input)).toEqual({ ok: true, code: null });
    },
  );

  it.each(["Người nước ngoài", "nguoi nuoc ngoai", "55", 55])(
    "%j is rejected as foreign",
    (input) => {
      expect(resolver.resolve(input)).toMatchObject({
        ok: false,
        error: { reason_code: "ethnicity_foreign", column: "ethnicity" },
      });
    },
  );

  it("rejects a name that is no group, with the value in the message", () => {
    const result = resolver.resolve("Klingon");
    expect(result).toMatchObject({ ok: false, error: { reason_code: "ethnicity_unknown" } });
    expect(result.ok ? "" : result.error.message_en).toContain("«Klingon»");
  });

  it("asks for diacritics when an ASCII spelling fits two groups", () => {
    const groups = [
      {
        code: "90",
        code_1979: "90",
        name_vi: "Mạ",
        name_en: "Ma",
        name_en_alt: null,
        name_variants: "",
      },
      {
        code: "91",
        code_1979: "91",
        name_vi: "Mả",
        name_en: "Ma",
        name_en_alt: null,
        name_variants: "",
      },
    ];
    const r = createEthnicityResolver(groups);
    expect(r.resolve("Mạ")).toEqual({ ok: true, code: "90" });
    expect(r.resolve("Mả")).toEqual({ ok: true, code: "91" });
    expect(r.resolve("Ma")).toMatchObject({
      ok: false,
      error: { reason_code: "ethnicity_ambiguous" },
    });
  });
});
