// The importer's vocabulary (ADR 015): aliases matched by the importer's own keys, header entries
// per import kind, a commune spelling per province, and the code's lists as the seed.
import { describe, expect, it } from "vitest";
import { normalizeHelpType } from "~/lib/etl/normalize/enums";
import { seedEntries, Vocabulary, vocabularyKey } from "~/lib/etl/vocabulary";

const vocabulary = new Vocabulary([
  { kind: "help_type", scope: "", alias: "Đăng ký tài khoản DVC", target: "guidance" },
  { kind: "commune", scope: "68", alias: "Trạm Đạ Chais cũ", target: "24848" },
  { kind: "header", scope: "assistance", alias: "Nơi giúp dân", target: "commune" },
]);

describe("Vocabulary", () => {
  it("matches a value whatever its case, spacing or diacritics, as the built-in lists do", () => {
    expect(vocabulary.lookup("help_type", "dang ky  TAI KHOAN dvc")).toBe("guidance");
    expect(vocabulary.lookup("help_type", "Đăng ký tài khoản")).toBeUndefined();
    expect(
      normalizeHelpType("đăng ký tài khoản DVC", "help_type", vocabulary.extra("help_type")),
    ).toEqual({ ok: true, value: "guidance" });
  });

  it("keeps a commune spelling to its province and a header to its import kind", () => {
    expect(vocabulary.lookup("commune", "Trạm Đạ Chais cũ", "68")).toBe("24848");
    expect(vocabulary.lookup("commune", "Trạm Đạ Chais cũ", "01")).toBeUndefined();
    expect([...vocabulary.headers("assistance")]).toEqual([
      [vocabularyKey("header", "Nơi giúp dân"), "commune"],
    ]);
    expect(vocabulary.headers("shifts").size).toBe(0);
  });

  it("costs nothing for a kind without entries, and hands out one memoised lookup per kind", () => {
    expect(vocabulary.extra("channel")).toBeUndefined();
    expect(vocabulary.extra("help_type")).toBe(vocabulary.extra("help_type"));
  });

  it("seeds from today's lists: headers, coded values and the resolvers' extra spellings", () => {
    const seeds = seedEntries();
    const has = (kind: string, alias: string, target: string) =>
      seeds.some((e) => e.kind === kind && e.alias === alias && e.target === target);
    expect(has("help_type", "Kích hoạt VNeID", "vneid")).toBe(true);
    expect(has("channel", "Trực tuyến", "online")).toBe(true);
    expect(has("procedure", "VNeID mức 2", "3.000228")).toBe(true);
    expect(
      seeds.some((e) => e.kind === "header" && e.scope === "assistance" && e.target === "commune"),
    ).toBe(true);
  });
});
