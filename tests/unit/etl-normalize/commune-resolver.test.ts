import { beforeAll, describe, expect, it } from "vitest";
import type { CommuneTable } from "~/lib/db/types";
import { buildCommuneIndex } from "~/lib/etl/resolve/commune-index";
import { createCommuneResolver, type CommuneResolver } from "~/lib/etl/resolve/commune-resolver";
import { compactKey, toneKey, foldKey } from "~/lib/etl/text";
import type { ReferenceData } from "~/lib/reference/read-reference.server";
import { loadReferenceData } from "./reference-data";

let ref: ReferenceData;
let lamDong: CommuneResolver;
const options = (provinceCode: string) => ({
  communes: ref.communes,
  predecessors: ref.predecessors,
  provinces: ref.provinces,
  provinceCode,
});
const resolverFor = (provinceCode: string) => createCommuneResolver(options(provinceCode));

beforeAll(async () => {
  ref = await loadReferenceData();
  lamDong = resolverFor("68");
});

describe("commune by code", () => {
  it.each([
    ["24846", "24846"],
    [24846, "24846"],
    ["25162", "25162"],
    [" 23272 ", "23272"],
  ] as const)("%j → %s", (input, code) => {
    expect(lamDong.resolve(input)).toEqual({ ok: true, code, via: "code" });
  });

  it("pads a code that lost its leading zero, and rejects six digits", () => {
    const hanoi = resolverFor("01");
    expect(hanoi.resolve("4")).toEqual({ ok: true, code: "00004", via: "code" });
    expect(hanoi.resolve(4)).toEqual({ ok: true, code: "00004", via: "code" });
    // A leading zero or an Excel ".0" is how spreadsheets write codes; six digits are not a code.
    expect(lamDong.resolve("024846")).toEqual({ ok: true, code: "24846", via: "code" });
    expect(lamDong.resolve("24846.0")).toEqual({ ok: true, code: "24846", via: "code" });
    expect(lamDong.resolve("124846")).toMatchObject({
      ok: false,
      error: { reason_code: "commune_unknown" },
    });
  });

  it("names the province of a code from elsewhere", () => {
    const result = lamDong.resolve("4");
    expect(result).toMatchObject({
      ok: false,
      error: { reason_code: "commune_other_province", column: "commune" },
    });
    expect(!result.ok && result.error.message_en).toContain("Hà Nội");
  });

  it("rejects an unknown code and an empty cell", () => {
    expect(lamDong.resolve("99999")).toMatchObject({
      ok: false,
      error: { reason_code: "commune_unknown" },
    });
    expect(lamDong.resolve(1.5)).toMatchObject({
      ok: false,
      error: { reason_code: "commune_unknown" },
    });
    expect(lamDong.resolve("")).toMatchObject({
      ok: false,
      error: { reason_code: "value_missing" },
    });
  });
});

describe("commune by today's name", () => {
  it.each([
    ["Lang Biang - Đà Lạt", "24846"],
    ["lang biang da lat", "24846"],
    ["P. Lang Biang - Đà Lạt", "24846"],
    ["Phường Lang Biang - Đà Lạt", "24846"],
    ["LANG BIANG – ĐÀ LẠT", "24846"],
    ["Lang Biang", "24846"],
    ["xa cat tien 3", "25162"],
    ["X. Cát Tiên 3", "25162"],
    ["Phường 1 Bảo Lộc", "24823"],
    ["P.1 Bảo Lộc", "24823"],
    ["phuong 1 bao loc", "24823"],
    ["B'Lao", "24829"],
    ["B’Lao", "24829"],
    ["Blao", "24829"],
    ["Đặc khu Phú Quý", "23272"],
    ["ĐK. Phú Quý", "23272"],
    ["Nam Ban", "24868"],
    ["Hòa Thắng", "23053"],
    ["Phú Thủy", "22924"],
    ["Xã Xuân Hương - Đà Lạt", "24781"],
  ])("%s → %s", (input, code) => {
    expect(lamDong.resolve(input)).toEqual({ ok: true, code, via: "name" });
  });

  it("prefers today's name to an old unit of the same name (Xã Lạc Dương, Xã Tân Thành)", () => {
    expect(lamDong.resolve("Lạc Dương")).toEqual({ ok: true, code: "24848", via: "name" });
    expect(lamDong.resolve("Xã Tân Thành")).toEqual({ ok: true, code: "23143", via: "name" });
  });

  it("gives NFD input the answer of NFC input", () => {
    for (const input of [
      "Phường Lang Biang - Đà Lạt",
      "Thị trấn Lạc Dương",
      "Phường 1",
      "Xã Đưng K’Nớ",
    ]) {
      expect(lamDong.resolve(input.normalize("NFD"))).toEqual(
        lamDong.resolve(input.normalize("NFC")),
      );
    }
  });
});

describe("every Lâm Đồng commune", () => {
  let communes: CommuneTable[];
  beforeAll(() => {
    communes = ref.communes.filter((c) => c.province_code === "68");
  });

  it("resolves by its full name, its name, its name_en and its code", () => {
    expect(communes).toHaveLength(124);
    for (const c of communes) {
      expect(lamDong.resolve(c.full_name), c.full_name).toEqual({
        ok: true,
        code: c.code,
        via: "name",
      });
      expect(lamDong.resolve(c.name), c.name).toEqual({ ok: true, code: c.code, via: "name" });
      // Without diacritics a name may also be an old unit's that went to another commune
      // (issue 11): then it is ambiguous, and this commune is among the candidates.
      const ascii = lamDong.resolve(c.name_ascii);
      if (ascii.ok) expect(ascii, c.name_ascii).toEqual({ ok: true, code: c.code, via: "name" });
      else {
        expect(ascii.error.reason_code, c.name_ascii).toBe("commune_ambiguous");
        expect(ascii.error.message_en, c.name_ascii).toContain(`(${c.code})`);
      }
      expect(lamDong.resolve(c.code)).toEqual({ ok: true, code: c.code, via: "code" });
      expect(lamDong.resolve(Number(c.code))).toEqual({ ok: true, code: c.code, via: "code" });
    }
  });
});

describe("every commune nationwide, in its own province", () => {
  it("resolves by full name (NFC and NFD) and code; by ASCII name unless another commune folds alike", () => {
    const index = buildCommuneIndex(ref.communes, ref.predecessors);
    const resolvers = new Map(
      ref.provinces.map((p) => [p.code, createCommuneResolver({ ...options(p.code), index })]),
    );
    const folded = new Map<string, number>();
    let asciiResolved = 0;
    const nameOf = new Map(ref.communes.map((c) => [c.code, c.name]));
    for (const c of ref.communes) {
      const key = `${c.province_code}|${compactKey(c.name)}`;
      folded.set(key, (folded.get(key) ?? 0) + 1);
    }
    for (const c of ref.communes) {
      const r = resolvers.get(c.province_code)!;
      expect(r.resolve(c.full_name), c.full_name).toMatchObject({ ok: true, code: c.code });
      expect(r.resolve(c.full_name.normalize("NFD")), c.full_name).toMatchObject({
        ok: true,
        code: c.code,
      });
      expect(r.resolve(c.code)).toEqual({ ok: true, code: c.code, via: "code" });
      const twins = folded.get(`${c.province_code}|${compactKey(c.name)}`) ?? 0;
      const ascii = r.resolve(c.name_ascii);
      // This commune, or ambiguous (a twin today, or an old unit of that spelling that went
      // elsewhere), or a twin whose real name has no diacritics and so is spelled exactly so.
      if (!ascii.ok) expect(ascii.error.reason_code, c.name_ascii).toBe("commune_ambiguous");
      else if (ascii.code !== c.code)
        expect(toneKey(nameOf.get(ascii.code) ?? ""), c.name_ascii).toBe(toneKey(c.name_ascii));
      if (twins > 1 && ascii.ok && ascii.code === c.code)
        expect(toneKey(c.name), c.name_ascii).toBe(toneKey(c.name_ascii));
      asciiResolved += ascii.ok ? 1 : 0;
    }
    // Most names are still unique without their diacritics.
    expect(asciiResolved / ref.communes.length).toBeGreaterThan(0.8);
  });
});

describe("pre-July-2025 units through the crosswalk", () => {
  it.each([
    ["Thị trấn Lạc Dương", "24846", "Phường Lang Biang - Đà Lạt"],
    ["TT. Lạc Dương", "24846", "Phường Lang Biang - Đà Lạt"],
    ["thi tran lac duong", "24846", "Phường Lang Biang - Đà Lạt"],
    ["Xã Gia Viễn", "25162", "Xã Cát Tiên 3"],
    ["xa gia vien", "25162", "Xã Cát Tiên 3"],
    ["Phường 7", "24846", "Phường Lang Biang - Đà Lạt"],
    ["Phường 1 (thành phố Đà Lạt)", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Phường 1 (Đà Lạt)", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Phường 1 (TP. Đà Lạt)", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Phường 1 - Đà Lạt", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Phường 1 Đà Lạt", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Phường 1 thành phố Đà Lạt", "24781", "Phường Xuân Hương - Đà Lạt"],
    ["Xã Tân Hà (huyện Đức Linh)", "23227", "Xã Trà Tân"],
    ["Mađaguôi", "25099", "Xã Đạ Huoai"],
    ["Xã Đắk R'Moan", "24615", "Phường Nam Gia Nghĩa"],
  ])("%s → %s with commune_renamed", (input, code, successor) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: true, code, via: "predecessor" });
    const warning = result.ok ? result.warning : undefined;
    expect(warning).toMatchObject({ reason_code: "commune_renamed", column: "commune" });
    expect(warning?.message_vi).toContain(successor);
    expect(warning?.message_en).toContain(`${successor} (${code})`);
  });

  it("reads the old town of today's '… Bảo Lộc' wards as today's name, without a warning", () => {
    expect(lamDong.resolve("Phường 1 (thành phố Bảo Lộc)")).toEqual({
      ok: true,
      code: "24823",
      via: "name",
    });
    expect(lamDong.resolve("Phường 2 (TP Bảo Lộc)")).toEqual({
      ok: true,
      code: "24820",
      via: "name",
    });
  });

  it("rejects a bare 'Phường 1' with its three routes' two communes listed", () => {
    const result = lamDong.resolve("Phường 1");
    expect(result).toMatchObject({
      ok: false,
      error: { reason_code: "commune_ambiguous", column: "commune" },
    });
    const message = result.ok ? "" : result.error.message_en;
    expect(message).toContain("Phường Xuân Hương - Đà Lạt (24781), Phường 1 Bảo Lộc (24823)");
    expect(result.ok ? "" : result.error.message_vi).toContain("Phường 1 (thành phố Đà Lạt)");
  });

  it.each([
    ["Phường 2", ["24781", "24820"]],
    ["Phường 3", ["24781", "24841"]],
    ["Tân Hà", ["23227", "23236", "24916"]],
    ["Xã Phong Phú", ["22972", "22978"]],
  ])("%s is ambiguous", (input, codes) => {
    const result = lamDong.resolve(input);
    expect(result.ok).toBe(false);
    const listed = result.ok
      ? []
      : [...result.error.message_en.matchAll(/\((\d{5})\)/g)].map((m) => m[1]);
    expect(listed).toEqual(codes);
  });
});

describe("a town in brackets or after ' - ' is checked against every candidate", () => {
  const listedCodes = (result: ReturnType<CommuneResolver["resolve"]>) =>
    result.ok ? [] : [...result.error.message_en.matchAll(/\((\d{5})\)/g)].map((m) => m[1]);

  it.each([
    // Today's Xã Tân Thành continues the old one of huyện Hàm Thuận Nam, so it is ruled out.
    ["Xã Tân Thành (huyện Krông Nô)", "24688", "Xã Krông Nô"],
    ["Xã Tân Thành (huyện Đức Trọng)", "24976", "Xã Tân Hội"],
    ["Tân Thành - Krông Nô", "24688", "Xã Krông Nô"],
    ["xa tan thanh (huyen krong no)", "24688", "Xã Krông Nô"],
    ["Xã Tân Thành (H. Krông Nô, tỉnh Đắk Nông)", "24688", "Xã Krông Nô"],
    // A matching town outweighs a diacritic; without one the spelling decides.
    ["Xã Tân Thanh (huyện Krông Nô)", "24688", "Xã Krông Nô"],
    ["Xa Tan Thanh (huyen Lam Ha)", "24907", "Xã Phúc Thọ Lâm Hà"],
    ["Phường 1 (thành phố Đà Lạt)", "24781", "Phường Xuân Hương - Đà Lạt"],
    // Today's "Phường 3 Bảo Lộc" has another town; the old Phường 3 has none recorded.
    ["Phường 3 (thành phố Đà Lạt)", "24781", "Phường Xuân Hương - Đà Lạt"],
    // A unique old unit's district is not in the data, so it cannot be held against it.
    ["Thị trấn Lạc Dương (huyện Lạc Dương)", "24846", "Phường Lang Biang - Đà Lạt"],
  ])("%s → %s with commune_renamed", (input, code, successor) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: true, code, via: "predecessor" });
    expect(result.ok ? result.warning?.message_en : "").toContain(`${successor} (${code})`);
  });

  it.each([
    ["Xã Tân Thành (huyện Hàm Thuận Nam)", "23143"],
    ["Tân Thành - Hàm Thuận Nam", "23143"],
    ["Phường 3 (thành phố Bảo Lộc)", "24841"],
    ["Lâm Viên - Đà Lạt (thành phố Đà Lạt)", "24778"],
    // Unchanged in 2025, so no crosswalk entry says which town it was in.
    ["Xã Quảng Sơn (Gia Nghĩa)", "24616"],
    ["Quảng Sơn - Gia Nghĩa", "24616"],
  ])("%s → today's %s, without a warning", (input, code) => {
    expect(lamDong.resolve(input)).toEqual({ ok: true, code, via: "name" });
  });

  it.each([
    ["Xã Tân Thành (huyện Lâm Hà)"],
    ["Xã Tân Thành (huyện Di Linh)"],
    ["Xã Tân Thành (cũ)"],
    ["Tân Thành - Bảo Lộc"],
  ])("%s matches no Tân Thành: rejected with the ones that exist", (input) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_unknown" } });
    expect(result.ok ? "" : result.error.message_en).toContain(
      "Did you mean: Xã Tân Thành (huyện Hàm Thuận Nam), Xã Tân Thành (huyện Krông Nô), Xã Tân Thanh, Xã Tân Thành (huyện Đức Trọng)?",
    );
  });

  it.each([
    ["Phường 1 (huyện Lâm Hà)", "Phường 1 (thành phố Đà Lạt), Phường 1 (thành phố Bảo Lộc)"],
    ["Xã Tân Hà (huyện Bảo Lâm)", "Xã Tân Hà (huyện Đức Linh), Xã Tân Hà (huyện Hàm Tân)"],
    [
      "Xã Bình Thạnh (huyện Lâm Hà)",
      "Xã Bình Thạnh (huyện Tuy Phong), Xã Bình Thạnh (huyện Đức Trọng)",
    ],
  ])("%s is rejected, not guessed", (input, suggested) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_unknown" } });
    expect(result.ok ? "" : result.error.message_en).toContain(suggested);
  });

  it.each([
    // The old Xã Phong Phú was split between two communes; its district does not choose.
    ["Xã Phong Phú (huyện Tuy Phong)", ["22972", "22978"]],
    ["Phường 1", ["24781", "24823"]],
  ])("%s is ambiguous", (input, codes) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_ambiguous" } });
    expect(listedCodes(result)).toEqual(codes);
  });

  it("sends a unit the qualifier places in another province there, not to a namesake here", () => {
    const ninhBinh = resolverFor("37");
    expect(ninhBinh.resolve("Xã Xuân Trường")).toMatchObject({ ok: true, via: "name" });
    for (const input of ["Xuân Trường (Đà Lạt)", "Xuân Trường - Đà Lạt"]) {
      const result = ninhBinh.resolve(input);
      expect(result, input).toMatchObject({
        ok: false,
        error: { reason_code: "commune_other_province" },
      });
      expect(result.ok ? "" : result.error.message_en).toContain("Lâm Đồng");
    }
    const hungYen = resolverFor("33").resolve("Phường Quang Trung (quận Đống Đa)");
    expect(hungYen.ok ? "" : hungYen.error.message_en).toContain("is a commune of Hà Nội,");
  });

  it("resolves every qualified crosswalk entry nationwide to its successors, however written", () => {
    const index = buildCommuneIndex(ref.communes, ref.predecessors);
    const resolvers = new Map(
      ref.provinces.map((p) => [p.code, createCommuneResolver({ ...options(p.code), index })]),
    );
    const provinceOf = new Map(ref.communes.map((c) => [c.code, c.province_code]));
    // One old unit split between successors is listed under each of them.
    const successors = new Map<
      string,
      { province: string; base: string; qualifier: string; codes: Set<string> }
    >();
    for (const p of ref.predecessors) {
      if (!p.old_qualifier) continue;
      const province = provinceOf.get(p.commune_code)!;
      const key = `${province}|${p.old_name}`;
      const unit = successors.get(key) ?? {
        province,
        base: p.old_name.slice(0, p.old_name.lastIndexOf(" (")),
        qualifier: p.old_qualifier,
        codes: new Set<string>(),
      };
      unit.codes.add(p.commune_code);
      successors.set(key, unit);
    }
    expect(successors.size).toBeGreaterThan(500);
    for (const [key, { province, base, qualifier, codes }] of successors) {
      const expected = [...codes].sort();
      const written = [
        key.slice(3),
        `${base} - ${qualifier}`,
        `${foldKey(base)} (${foldKey(qualifier)})`,
      ];
      for (const input of written) {
        const result = resolvers.get(province)!.resolve(input);
        expect(result.ok ? [result.code] : listedCodes(result), `${province} ${input}`).toEqual(
          expected,
        );
      }
    }
  });
});

describe("communes of other provinces", () => {
  it.each([
    ["Phường Ba Đình", "Hà Nội"],
    ["Phường Hoàn Kiếm", "Hà Nội"],
    ["Phường Bến Thành", "Hồ Chí Minh"],
    ["00004", "Hà Nội"],
    ["Đặc khu Côn Đảo", "Hồ Chí Minh"],
  ])("%s → commune_other_province naming %s", (input, province) => {
    const result = lamDong.resolve(input);
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_other_province" } });
    expect(result.ok ? "" : result.error.message_vi).toContain(province);
  });

  it("keeps a unit in the province when another province has the same name", () => {
    // Ninh Bình also has a Xã Gia Viễn today; Lâm Đồng's old one wins for a Lâm Đồng file.
    expect(ref.communes.some((c) => c.province_code !== "68" && c.name === "Gia Viễn")).toBe(true);
    expect(lamDong.resolve("Xã Gia Viễn")).toMatchObject({ ok: true, code: "25162" });
  });
});

describe("unknown communes", () => {
  it("suggests the closest names", () => {
    const result = lamDong.resolve("Lang Bian");
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_unknown" } });
    expect(result.ok ? "" : result.error.message_en).toContain(
      "Did you mean: Phường Lang Biang - Đà Lạt?",
    );
  });

  it("lists the wards of an old town given alone", () => {
    const result = lamDong.resolve("Đà Lạt");
    expect(result.ok ? "" : result.error.message_en).toContain(
      "Phường Lâm Viên - Đà Lạt, Phường Xuân Hương - Đà Lạt, Phường Cam Ly - Đà Lạt, Phường Xuân Trường - Đà Lạt, Phường Lang Biang - Đà Lạt",
    );
  });

  it("says nothing it cannot back up", () => {
    const result = lamDong.resolve("Xyz không có");
    expect(result).toMatchObject({ ok: false, error: { reason_code: "commune_unknown" } });
    expect(result.ok ? "" : result.error.message_en).not.toContain("Did you mean");
  });
});

describe("memoization", () => {
  it("answers the same from a shared index", () => {
    const shared = createCommuneResolver({
      ...options("68"),
      index: buildCommuneIndex(ref.communes, ref.predecessors),
    });
    for (const input of ["Phường 1", "Thị trấn Lạc Dương", "Lang Bian", "Phường Ba Đình", 24846]) {
      expect(shared.resolve(input)).toEqual(lamDong.resolve(input));
    }
  });

  it("returns the same answer object for a repeated input", () => {
    expect(lamDong.resolve("Thị trấn Lạc Dương")).toBe(lamDong.resolve("Thị trấn Lạc Dương"));
  });
});
