import { beforeAll, describe, expect, it } from "vitest";
import type { CommuneTable } from "~/lib/db/types";
import { buildCommunePredecessors, parseFormedFrom } from "~/lib/reference/parse-formed-from";
import type { ReferenceData } from "~/lib/reference/read-reference.server";
import { loadReferenceData } from "./reference-data";

const entry = (
  old_name: string,
  old_unit_type: string | null,
  old_base_name: string,
  old_qualifier: string | null = null,
  partial = false,
) => ({ old_name, old_unit_type, old_base_name, old_qualifier, partial });

describe("parseFormedFrom", () => {
  it("reads a plain list of units with types", () => {
    expect(parseFormedFrom("Phường 7, Thị trấn Lạc Dương, Xã Lát")).toEqual({
      entries: [
        entry("Phường 7", "phuong", "7"),
        entry("Thị trấn Lạc Dương", "thi_tran", "Lạc Dương"),
        entry("Xã Lát", "xa", "Lát"),
      ],
      unchanged: false,
      skipped: [],
    });
  });

  it("keeps the parenthesised old town as the qualifier", () => {
    const parsed = parseFormedFrom(
      "Phường 1 (thành phố Đà Lạt), Phường 2 (thành phố Đà Lạt), Phường 3, Phường 4, Phường 10",
    );
    expect(parsed.entries).toEqual([
      entry("Phường 1 (thành phố Đà Lạt)", "phuong", "1", "thành phố Đà Lạt"),
      entry("Phường 2 (thành phố Đà Lạt)", "phuong", "2", "thành phố Đà Lạt"),
      entry("Phường 3", "phuong", "3"),
      entry("Phường 4", "phuong", "4"),
      entry("Phường 10", "phuong", "10"),
    ]);
  });

  it("reads Cát Tiên 3's predecessors", () => {
    expect(parseFormedFrom("Xã Gia Viễn, Xã Tiên Hoàng, Xã Đồng Nai Thượng").entries).toEqual([
      entry("Xã Gia Viễn", "xa", "Gia Viễn"),
      entry("Xã Tiên Hoàng", "xa", "Tiên Hoàng"),
      entry("Xã Đồng Nai Thượng", "xa", "Đồng Nai Thượng"),
    ]);
  });

  it("marks units named after 'một phần …' / 'phần còn lại …' as partial, types inherited by the list", () => {
    const parsed = parseFormedFrom(
      "Phường Quán Thánh, Phường Trúc Bạch, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, Đội Cấn, Kim Mã, Ngọc Hà, một phần diện tích TN của phường Thụy Khuê, phần còn lại của phường Cửa Đông, Đồng Xuân sau khi sắp Xếp",
    );
    expect(parsed.skipped).toEqual([]);
    expect(parsed.entries).toEqual([
      entry("Phường Quán Thánh", "phuong", "Quán Thánh"),
      entry("Phường Trúc Bạch", "phuong", "Trúc Bạch"),
      ...[
        "Cửa Nam",
        "Điện Biên",
        "Đội Cấn",
        "Kim Mã",
        "Ngọc Hà",
        "Thụy Khuê",
        "Cửa Đông",
        "Đồng Xuân",
      ].map((name) => entry(`Phường ${name}`, "phuong", name, null, true)),
    ]);
  });

  it("reads a '(phần còn lại …)' note as partial and a district as the qualifier", () => {
    expect(
      parseFormedFrom(
        "Phường Quang Trung (quận Đống Đa) (phần còn lại sau khi sáp nhập vào phường Đống Đa), Xã Đăk Long (thuộc huyện Đăk Hà)",
      ).entries,
    ).toEqual([
      entry("Phường Quang Trung (quận Đống Đa)", "phuong", "Quang Trung", "quận Đống Đa", true),
      entry("Xã Đăk Long (huyện Đăk Hà)", "xa", "Đăk Long", "huyện Đăk Hà"),
    ]);
  });

  it("splits 'và' and drops repeated type words", () => {
    expect(
      parseFormedFrom(
        "Xã Minh Ngọc, Xã Thượng Tân và một phần diện tích tự nhiên, quy mô dân số của xã Yên Định Xã Yên Định",
      ).entries,
    ).toEqual([
      entry("Xã Minh Ngọc", "xa", "Minh Ngọc"),
      entry("Xã Thượng Tân", "xa", "Thượng Tân"),
      entry("Xã Yên Định", "xa", "Yên Định", null, true),
    ]);
    expect(
      parseFormedFrom(
        "Toàn bộ diện tích TN, quy mô dân số của các phường Phường Giảng Võ và Phường Cát Linh",
      ).entries,
    ).toEqual([
      entry("Phường Giảng Võ", "phuong", "Giảng Võ"),
      entry("Phường Cát Linh", "phuong", "Cát Linh"),
    ]);
  });

  it("keeps a bare name without a list as an untyped unit instead of guessing", () => {
    expect(parseFormedFrom("Krông Na").entries).toEqual([entry("Krông Na", null, "Krông Na")]);
  });

  it("skips pieces that name no commune-level unit", () => {
    expect(parseFormedFrom("Xã Phong Vân, Xã Biên Sơn, Trường bắn TB1")).toEqual({
      entries: [entry("Xã Phong Vân", "xa", "Phong Vân"), entry("Xã Biên Sơn", "xa", "Biên Sơn")],
      unchanged: false,
      skipped: ["Trường bắn TB1"],
    });
    expect(parseFormedFrom("Thôn Nà Lừa, xã Trung Hà").skipped).toEqual(["Thôn Nà Lừa"]);
  });

  it("reads 'giữ nguyên' as an unchanged unit", () => {
    expect(parseFormedFrom("giữ nguyên")).toEqual({ entries: [], unchanged: true, skipped: [] });
  });

  it("capitalises a lowercase type and keeps curly apostrophes", () => {
    expect(parseFormedFrom("xã Bà Gia").entries).toEqual([entry("Xã Bà Gia", "xa", "Bà Gia")]);
    expect(parseFormedFrom("Xã Nâm N’Đir, Xã Nâm Nung").entries[0]).toEqual(
      entry("Xã Nâm N’Đir", "xa", "Nâm N’Đir"),
    );
  });
});

describe("formed_from of the shipped communes", () => {
  let ref: ReferenceData;
  let lamDong: CommuneTable[];
  beforeAll(async () => {
    ref = await loadReferenceData();
    lamDong = ref.communes.filter((c) => c.province_code === "68");
  });

  it("parses all 124 Lâm Đồng communes into typed units, with nothing skipped", () => {
    expect(lamDong).toHaveLength(124);
    const unchanged = lamDong
      .filter((c) => parseFormedFrom(c.formed_from).unchanged)
      .map((c) => c.name);
    expect(unchanged.sort()).toEqual(["Ninh Gia", "Quảng Hoà", "Quảng Sơn", "Quảng Trực"]);
    for (const commune of lamDong) {
      const parsed = parseFormedFrom(commune.formed_from);
      expect(parsed.skipped, commune.name).toEqual([]);
      if (parsed.unchanged) continue;
      expect(parsed.entries.length, commune.name).toBeGreaterThan(0);
      expect(parsed.entries.length, commune.name).toBe(commune.formed_from.split(",").length);
      for (const e of parsed.entries) {
        expect(e.old_unit_type, `${commune.name}: ${e.old_name}`).toMatch(/^(xa|phuong|thi_tran)$/);
        expect(e.old_base_name).toMatch(/^[\p{Lu}\d]/u);
        expect(
          e.old_name.endsWith(
            e.old_qualifier ? `${e.old_base_name} (${e.old_qualifier})` : e.old_base_name,
          ),
        ).toBe(true);
      }
    }
  });

  it("counts Lâm Đồng's predecessors exactly, with the three qualified Tân Hà kept apart", () => {
    const rows = ref.predecessors.filter((p) => lamDong.some((c) => c.code === p.commune_code));
    const expected = lamDong.reduce(
      (n, c) => n + (c.formed_from === "giữ nguyên" ? 0 : c.formed_from.split(",").length),
      0,
    );
    expect(rows).toHaveLength(expected);
    expect(
      rows
        .filter((p) => p.old_base_name === "Tân Hà")
        .map((p) => [p.commune_code, p.old_qualifier]),
    ).toEqual([
      ["23227", "huyện Đức Linh"],
      ["23236", "huyện Hàm Tân"],
      ["24916", "huyện Lâm Hà"],
    ]);
  });

  it("marks a unit listed under two successors as partial (Xã Hòa Thắng → Hồng Thái and Hoà Thắng)", () => {
    const hoaThang = ref.predecessors.filter(
      (p) => p.old_name === "Xã Hòa Thắng" && ["23041", "23053"].includes(p.commune_code),
    );
    expect(hoaThang.map((p) => [p.commune_code, p.partial])).toEqual([
      ["23041", true],
      ["23053", true],
    ]);
    const latDuong = ref.predecessors.find((p) => p.old_name === "Thị trấn Lạc Dương");
    expect(latDuong).toMatchObject({ commune_code: "24846", partial: false });
  });

  it("skips only the four pieces nationally that name villages or a firing range", () => {
    expect(ref.predecessorsSkipped).toEqual([
      { commune_code: "01304", piece: "Xóm Tổng Dùn" },
      { commune_code: "00922", piece: "Thôn Mịch A" },
      { commune_code: "02305", piece: "Thôn Nà Lừa" },
      { commune_code: "07537", piece: "Trường bắn TB1" },
    ]);
  });

  it("yields one row per (commune, old name), the table's primary key", () => {
    const keys = new Set(ref.predecessors.map((p) => `${p.commune_code}|${p.old_name}`));
    expect(keys.size).toBe(ref.predecessors.length);
  });

  it("builds the same rows from buildCommunePredecessors directly", () => {
    expect(buildCommunePredecessors(ref.communes).predecessors).toEqual(ref.predecessors);
  });
});
