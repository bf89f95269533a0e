// How people and systems write a commune, brought to the forms the resolver reads (issue 11):
// an office in front of the unit ("UBND xã Lạc Dương", "Trung tâm PVHCC phường Xuân Hương - Đà
// Lạt"), abbreviations without a dot ("TT Di Linh", "ĐK Phú Quý", "P1 Bảo Lộc"), Roman numerals
// ("Đam Rông IV"), comma qualifiers ("Xã Tà Nung, TP Đà Lạt", "…, huyện Di Linh", "…, tỉnh Lâm
// Đồng"), and codes with leading zeros or as Excel numbers written out ("024848", "24846.0").
// A province named after the comma is checked: this province (or one merged into it in 2025) is
// dropped; another province means the row belongs there.
import { foldKey, normalizeText, splitTopLevel } from "~/lib/etl/text";

export interface ProvinceNames {
  code: string;
  name: string;
  /** "tỉnh Đắk Nông, tỉnh Bình Thuận và tỉnh Lâm Đồng": the provinces merged into it in 2025. */
  formed_from?: string;
}

export type CommuneSpelling =
  | { kind: "code"; code: string }
  | { kind: "text"; text: string }
  /** "…, tỉnh X" where X is another province: the row is that province's. */
  | { kind: "other_province"; provinceCode: string };

// Folded words of an office written before the unit; the unit's own prefix follows.
const OFFICE = [
  "uy ban nhan dan",
  "ubnd",
  "trung tam phuc vu hanh chinh cong",
  "trung tam pvhcc",
  "tt pvhcc",
  "bo phan mot cua",
  "bo phan tiep nhan va tra ket qua",
];

const ROMAN: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};

export interface ProvinceKeys {
  /** Folded name without "tỉnh"/"thành phố" → province code, today's names and merged ones. */
  byKey: Map<string, string>;
  /** The keys of today's names. */
  current: Set<string>;
}

export function provinceKeys(provinces: readonly ProvinceNames[]): ProvinceKeys {
  const keys = new Map<string, string>();
  const current = new Set<string>();
  const bare = (s: string) =>
    foldKey(s)
      .replace(/^(tinh|thanh pho|tp)\s+/, "")
      .trim();
  for (const p of provinces) {
    keys.set(bare(p.name), p.code);
    current.add(bare(p.name));
    for (const part of (p.formed_from ?? "").split(/,|\svà\s/u)) {
      const key = bare(part);
      // "giữ nguyên" (unchanged) and "TPHCM" spellings are not names of merged provinces.
      if (key && key !== "giu nguyen" && !keys.has(key)) keys.set(key, p.code);
    }
  }
  keys.set("tphcm", keys.get("ho chi minh") ?? "79");
  current.add("tphcm");
  return { byKey: keys, current };
}

/** Drops the first `count` words of text (as folding does not change the word count). */
const dropWords = (text: string, count: number) => text.split(/\s+/).slice(count).join(" ");

function stripOffice(text: string): string {
  const folded = foldKey(text);
  for (const office of OFFICE) {
    if (folded.startsWith(`${office} `)) return dropWords(text, office.split(" ").length);
  }
  return text;
}

function expandAbbreviations(text: string): string {
  return text
    .replace(/^TT\s+/u, "Thị trấn ")
    .replace(/^[ĐD]K\s+/u, "Đặc khu ")
    .replace(/^P\.?\s*(\d{1,2})\b\s*/u, "Phường $1 ")
    .replace(/\s+(I{1,3}|IV|V|VI{1,3}|IX|X)$/u, (_, roman: string) => ` ${ROMAN[roman]}`)
    .trim();
}

/**
 * The spelling the resolver should read, or the code, or the other province the row names.
 * `provinceCode` is the province being loaded; `keys` from provinceKeys().
 */
export function readCommuneSpelling(
  input: string,
  provinceCode: string,
  keys: ProvinceKeys,
): CommuneSpelling {
  const text = normalizeText(input);
  const code = /^0*(\d{1,5})(?:\.0+)?$/.exec(text);
  if (code && text.replace(/\.0+$/, "").length <= 6)
    return { kind: "code", code: code[1]!.padStart(5, "0") };

  // Commas inside brackets belong to a qualifier the resolver reads ("(H. Krông Nô, tỉnh Đắk Nông)").
  const [head = "", ...rest] = splitTopLevel(text, ",").map((part) => part.trim());
  const towns: string[] = [];
  for (const part of rest) {
    if (part === "") continue;
    const folded = foldKey(part);
    const province = /^(tinh|thanh pho|tp)\s+(.+)$/.exec(folded);
    const key = province ? province[2]! : folded;
    const named = keys.byKey.get(key);
    if (named !== undefined && named !== provinceCode)
      return { kind: "other_province", provinceCode: named };
    // Today's province adds nothing; a province merged into it in 2025 ("tỉnh Bến Tre" in
    // Vĩnh Long) still tells two old units of one name apart, so it stays a qualifier.
    if (named !== undefined && keys.current.has(key)) continue;
    towns.push(part);
  }
  const name = expandAbbreviations(stripOffice(head));
  if (towns.length === 0) return { kind: "text", text: name };
  // After a " - " qualifier the places simply go on ("Thị trấn Châu Thành - huyện Châu Thành,
  // tỉnh Bến Tre"); otherwise they become the bracketed qualifier the resolver reads.
  if (/\s[-–]\s/u.test(name)) return { kind: "text", text: `${name}, ${towns.join(", ")}` };
  return { kind: "text", text: `${name} (${towns.join(", ")})` };
}
