import { describe, expect, it } from "vitest";
import { detectEncoding, guessLegacyEncoding } from "~/lib/etl/read/detect-encoding";
import { decodeLegacy, isVietnameseSyllable } from "~/lib/etl/read/legacy-vietnamese";
import { hex, utf16be } from "./fixture-files";

const TEXT = "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường\nHS-1,01/07/2025,Đà Lạt\n";
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (bom: number[], body: Uint8Array) => Uint8Array.from([...bom, ...body]);

// Legacy bytes produced by independent encoders: glibc iconv (CP1258, TCVN5712-1) and the
// VNI Windows table of a public PHP converter; each line is TEXT's header, then its data row.
const LEGACY: Record<
  "windows-1258" | "tcvn3" | "vni",
  { header: string; row: string; danToc: string }
> = {
  "windows-1258": {
    header: "4d61de2068f4cc2073f52c4e67e0792068f4de207472f5f22c5861de2f5068fdf5cc6e67",
    row: "48532d312c30312f30372f323032352cd0e0204c61f274",
    danToc: "44e26e2074f4f263",
  },
  tcvn3: {
    header: "4db72068e52073ac2c4e67b5792068e7207472ee2c58b72f5068adea6e67",
    row: "48532d312c30312f30372f323032352ca7b5204cb974",
    danToc: "44a96e2074e963",
  },
  vni: {
    header: "4d61f520686fe02073f42c4e6761f87920686fe3207472f4ef2c5861f52f5068f6f4f86e67",
    row: "48532d312c30312f30372f323032352cd161f8204c61ef74",
    danToc: "4461e26e20746fe463",
  },
};

describe("detectEncoding", () => {
  it("accepts UTF-8 without a BOM", () => {
    expect(detectEncoding(utf8(TEXT), { complete: true })).toEqual({
      ok: true,
      encoding: "utf-8",
      bomLength: 0,
    });
  });

  it("accepts UTF-8 with a BOM", () => {
    expect(detectEncoding(withBom([0xef, 0xbb, 0xbf], utf8(TEXT)), { complete: true })).toEqual({
      ok: true,
      encoding: "utf-8-bom",
      bomLength: 3,
    });
  });

  it("accepts UTF-16LE and UTF-16BE with a BOM", () => {
    expect(
      detectEncoding(withBom([0xff, 0xfe], Buffer.from(TEXT, "utf16le")), { complete: true }),
    ).toMatchObject({
      ok: true,
      encoding: "utf-16le",
    });
    expect(detectEncoding(withBom([0xfe, 0xff], utf16be(TEXT)), { complete: true })).toMatchObject({
      ok: true,
      encoding: "utf-16be",
    });
  });

  it("treats pure ASCII as UTF-8", () => {
    expect(detectEncoding(utf8("a,b\n1,2\n"), { complete: true })).toMatchObject({
      ok: true,
      encoding: "utf-8",
    });
  });

  it("accepts a character cut at the end of a partial head, but not at the end of the file", () => {
    const cut = utf8("Xã Việt").subarray(0, -2); // "ệ" is 3 bytes; keep only its first
    expect(detectEncoding(cut, { complete: false })).toMatchObject({ ok: true });
    expect(detectEncoding(cut, { complete: true })).toMatchObject({ ok: false, problem: "legacy" });
  });

  it("rejects NUL bytes as binary or UTF-16 without a BOM", () => {
    expect(detectEncoding(Buffer.from(TEXT, "utf16le"), { complete: true })).toEqual({
      ok: false,
      problem: "binary",
    });
    expect(detectEncoding(Uint8Array.from([0x50, 0x4b, 0, 0, 1, 2]), { complete: true })).toEqual({
      ok: false,
      problem: "binary",
    });
  });

  it("rejects a UTF-16 BOM followed by invalid UTF-16", () => {
    // A lone high surrogate (D800) followed by "A".
    expect(
      detectEncoding(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), { complete: true }),
    ).toEqual({
      ok: false,
      problem: "invalid_utf16",
    });
  });

  for (const [encoding, bytes] of Object.entries(LEGACY)) {
    it(`names ${encoding} for a file saved in it`, () => {
      const file = Buffer.concat([hex(bytes.header), hex("0a"), hex(bytes.row), hex("0a")]);
      expect(detectEncoding(file, { complete: true })).toEqual({
        ok: false,
        problem: "legacy",
        legacy: encoding,
      });
    });

    it(`names ${encoding} from the two words "Dân tộc" alone`, () => {
      expect(guessLegacyEncoding(hex(bytes.danToc))).toBe(encoding);
    });
  }
});

describe("legacy decoding", () => {
  it("decodes each legacy encoding back to the original text", () => {
    for (const [encoding, bytes] of Object.entries(LEGACY)) {
      const file = Buffer.concat([hex(bytes.header), hex("0a"), hex(bytes.row), hex("0a")]);
      expect(decodeLegacy(file, encoding as keyof typeof LEGACY)).toBe(TEXT);
    }
  });

  it("guesses nothing for bytes that read as no Vietnamese", () => {
    expect(guessLegacyEncoding(Buffer.from("café crème brûlée", "latin1"))).toBeNull();
    expect(guessLegacyEncoding(Uint8Array.from([0x80, 0x81, 0x82, 0x20, 0x41]))).toBeNull();
  });
});

describe("isVietnameseSyllable", () => {
  it("accepts well-formed syllables", () => {
    for (const word of [
      "nguyễn",
      "người",
      "giữ",
      "quyết",
      "khuỷu",
      "đà",
      "lạt",
      "xã",
      "phường",
      "tộc",
    ]) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
  });

  it("rejects two tones, impossible vowel clusters and foreign letters", () => {
    for (const word of ["hụè", "vieọt", "aứ", "cafè", "mµ", "ñg"]) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
  });
});
