// Text keys for matching Vietnamese names typed in many ways (with or without diacritics,
// NFC or NFD, straight or curly apostrophes, hyphens or spaces).

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘ʼ`´]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
// The five Vietnamese tone marks; vowel-shape marks (circumflex, breve, horn) are kept.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** NFC + trimmed; the form every stored string takes. */
export function normalizeText(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Lowercase, no diacritics (đ → d), no apostrophes, other punctuation and spaces collapsed. */
export function foldKey(s: string): string {
  return s
    .normalize("NFD")
    .toLowerCase()
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(APOSTROPHES, "")
    .replace(NON_ALNUM, " ")
    .trim();
}

/** foldKey without spaces: "Ra Glai", "Ra-glai" and "Raglai" share one key. */
export function compactKey(s: string): string {
  return foldKey(s).replace(/ /g, "");
}

/**
 * Keeps diacritics but puts each word's tone mark at the end of the word, so old- and
 * new-style tone placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ") agree. Used to tell apart names that
 * differ only in diacritics (Tân Thành / Tân Thạnh).
 */
export function toneKey(s: string): string {
  return s
    .normalize("NFD")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => {
      const tones = word.match(TONE_MARKS)?.join("") ?? "";
      return word.replace(TONE_MARKS, "") + tones;
    })
    .join("");
}

export type UnitPrefix = "xa" | "phuong" | "thi_tran" | "dac_khu" | "huyen";

export interface StrippedUnitPrefix {
  unitType: UnitPrefix | null;
  name: string;
  /** The prefix was spelled without diacritics ("xa", "phuong"), so it may be part of a name. */
  asciiPrefix: boolean;
}

const PREFIXES: { pattern: RegExp; unitType: UnitPrefix; ascii: boolean }[] = [
  { pattern: /^thị\s+trấn(?:\s+|$)/iu, unitType: "thi_tran", ascii: false },
  { pattern: /^đặc\s+khu(?:\s+|$)/iu, unitType: "dac_khu", ascii: false },
  { pattern: /^phường(?:\s+|$)/iu, unitType: "phuong", ascii: false },
  { pattern: /^xã(?:\s+|$)/iu, unitType: "xa", ascii: false },
  { pattern: /^huyện(?:\s+|$)/iu, unitType: "huyen", ascii: false },
  { pattern: /^tt\.\s*/iu, unitType: "thi_tran", ascii: false },
  { pattern: /^[đd]k\.\s*/iu, unitType: "dac_khu", ascii: false },
  { pattern: /^p\.\s*/iu, unitType: "phuong", ascii: false },
  { pattern: /^x\.\s*/iu, unitType: "xa", ascii: false },
  { pattern: /^thi\s+tran\s+/i, unitType: "thi_tran", ascii: true },
  { pattern: /^dac\s+khu\s+/i, unitType: "dac_khu", ascii: true },
  { pattern: /^phuong\s+/i, unitType: "phuong", ascii: true },
  { pattern: /^xa\s+/i, unitType: "xa", ascii: true },
  { pattern: /^huyen\s+/i, unitType: "huyen", ascii: true },
];

/**
 * Splits a leading unit type ("Xã", "Phường", "Thị trấn", "Đặc khu", "Huyện", the abbreviations
 * "X.", "P.", "TT.", "ĐK." and the ASCII spellings) from a name. NFD input is accepted.
 * With `ascii: false` only the spellings that cannot be part of a name are stripped.
 */
export function stripUnitPrefix(s: string, options: { ascii?: boolean } = {}): StrippedUnitPrefix {
  const text = normalizeText(s);
  for (const { pattern, unitType, ascii } of PREFIXES) {
    if (ascii && options.ascii === false) continue;
    const match = pattern.exec(text);
    if (match && match[0].length < text.length) {
      return { unitType, name: text.slice(match[0].length).trim(), asciiPrefix: ascii };
    }
  }
  return { unitType: null, name: text, asciiPrefix: false };
}

/** Edit distance, for "did you mean" suggestions on short keys. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Splits on a separator only outside parentheses. */
export function splitTopLevel(text: string, separatorPattern: string): string[] {
  const separator = new RegExp(separatorPattern, "iuy");
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(text);
      if (match) {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
