// The pre-Unicode Vietnamese encodings still found in office files, decoded just well enough to
// tell which one a file uses: each candidate decoding is scored by how many of its words are
// well-formed Vietnamese syllables. Only used to name the encoding in a rejection message.

export type LegacyEncoding = "windows-1258" | "tcvn3" | "vni";

// TCVN 5712:1993 bytes 0x80–0xFF (VN3, "ABC", uses 0xA1–0xFE; the rest are VN1's capitals),
// taken from glibc iconv's TCVN5712-1 table.
const TCVN3_HIGH =
  "\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128" +
  "\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168" +
  "\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0" +
  "\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4" +
  "\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd" +
  "\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2" +
  "\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9" +
  "\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0";

const GRAVE = "\u0300";
const ACUTE = "\u0301";
const CIRCUMFLEX = "\u0302";
const TILDE = "\u0303";
const BREVE = "\u0306";
const HOOK = "\u0309";
const DOT = "\u0323";

// VNI Windows writes a letter as its base ASCII letter followed by one byte carrying the marks
// ("a" + 0xF8 = "à", "e" + 0xE4 = "ệ"); a few letters have a byte of their own. The capital
// forms are the same bytes minus 0x20.
const VNI_MARKS: Record<number, string> = {
  0xf9: ACUTE,
  0xf8: GRAVE,
  0xfb: HOOK,
  0xf5: TILDE,
  0xef: DOT,
  0xe2: CIRCUMFLEX,
  0xe1: CIRCUMFLEX + ACUTE,
  0xe0: CIRCUMFLEX + GRAVE,
  0xe5: CIRCUMFLEX + HOOK,
  0xe3: CIRCUMFLEX + TILDE,
  0xe4: CIRCUMFLEX + DOT,
  0xea: BREVE,
  0xe9: BREVE + ACUTE,
  0xe8: BREVE + GRAVE,
  0xfa: BREVE + HOOK,
  0xfc: BREVE + TILDE,
  0xeb: BREVE + DOT,
};
const VNI_LETTERS: Record<number, string> = {
  0xf1: "đ",
  0xf4: "ơ",
  0xf6: "ư",
  0xed: "í",
  0xec: "ì",
  0xe6: "ỉ",
  0xf3: "ĩ",
  0xf2: "ị",
  0xee: "ỵ",
};

function decodeVni(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    if (byte < 0x80) text += String.fromCharCode(byte);
    else text += VNI_MARKS[byte] ?? VNI_MARKS[byte + 0x20] ?? vniLetter(byte) ?? "\ufffd";
  }
  return text;
}

function vniLetter(byte: number): string | undefined {
  return VNI_LETTERS[byte] ?? VNI_LETTERS[byte + 0x20]?.toUpperCase();
}

function decodeTcvn3(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes)
    text += byte < 0x80 ? String.fromCharCode(byte) : TCVN3_HIGH[byte - 0x80];
  return text;
}

export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  switch (encoding) {
    case "windows-1258":
      return new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
    case "tcvn3":
      return decodeTcvn3(bytes).normalize("NFC");
    case "vni":
      return decodeVni(bytes).normalize("NFC");
  }
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const VIETNAMESE_LETTERS = new Set<string>([
  ..."abcdefghijklmnopqrstuvwxyzđ",
  ...VOWELS.flatMap((v) =>
    ["", GRAVE, ACUTE, TILDE, HOOK, DOT].map((t) => (v + t).normalize("NFC")),
  ),
]);
// onset? + vowel nucleus + coda?, over a toneless lowercase syllable.
const SYLLABLE = new RegExp(
  "^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?" +
    "(?:iêu|yêu|ươi|ươu|uôi|uyê|uya|uyu|oai|oay|oao|oeo|uây|" +
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|" +
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)" +
    "(?:ch|ng|nh|[cmnpt])?$",
);

/** A lowercase NFC word that is one well-formed Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  for (const ch of word) if (!VIETNAMESE_LETTERS.has(ch)) return false;
  const decomposed = word.normalize("NFD");
  if ((decomposed.match(TONES)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, "").normalize("NFC"));
}

// Words are split at ASCII non-letters only, so stray symbols (©, ¸, ø…) stay inside a word and
// make it fail.
const WORD_SEPARATORS = /[\s!-@[-`{-~]+/;

/** +1 for each non-ASCII word that is a Vietnamese syllable, −1 for each that is not. */
export function scoreVietnamese(text: string): number {
  let score = 0;
  for (const word of text.normalize("NFC").toLowerCase().split(WORD_SEPARATORS)) {
    if (!/[\u0080-\uffff]/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

const CANDIDATES: readonly LegacyEncoding[] = ["windows-1258", "vni", "tcvn3"];

/** The legacy encoding whose decoding of `bytes` reads most like Vietnamese, or null if none does. */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  let best: LegacyEncoding | null = null;
  let bestScore = 0;
  for (const encoding of CANDIDATES) {
    const score = scoreVietnamese(decodeLegacy(bytes, encoding));
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}
