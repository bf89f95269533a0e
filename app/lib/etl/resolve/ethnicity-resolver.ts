// Resolves an ethnicity cell to the 2008 GSO code (QĐ 1019/QĐ-TCTK, the census list).
// Bare numbers are read as 2008 codes only: the 1979 list (QĐ 121-TCTK) numbers the same groups
// differently (05 is Khmer in both, but 04 is Mường in 2008 and Hoa in 1979), so a 1979 code must
// be written with its system, "1979:04". Empty and "không rõ" mean unknown (null), not an error.
import type { EthnicGroupTable } from "~/lib/db/types";
import { makeIssue, type RowIssue } from "~/lib/etl/reasons";
import { compactKey, normalizeText, toneKey } from "~/lib/etl/text";

export type EthnicityResolution =
  { ok: true; code: string | null; warning?: RowIssue } | { ok: false; error: RowIssue };

export interface EthnicityResolver {
  resolve(input: string | number | null | undefined): EthnicityResolution;
}

type Group = Pick<
  EthnicGroupTable,
  "code" | "code_1979" | "name_vi" | "name_en" | "name_en_alt" | "name_variants"
>;

// Spellings met on forms that the reference list does not carry (seeds of ref.vocabulary).
export const ETHNICITY_ALIASES: Record<string, readonly string[]> = {
  "10": ["Jrai"],
  "11": ["Rađê"],
  "20": ["Mơ Nông"],
};
const UNKNOWN = new Set(
  [
    "không rõ",
    "chưa rõ",
    "không xác định",
    "chưa xác định",
    "unknown",
    "n/a",
    "na",
    "-",
    "?",
    "không",
  ].map(compactKey),
);
const FOREIGN = new Set(
  ["Người nước ngoài", "nước ngoài", "foreigner", "foreign", "ngoại quốc"].map(compactKey),
);
const FOREIGN_CODE = "55";
const LEADING_WORDS = /^(?:người|dân tộc|dt\.?)\s+/iu;

/** "Kinh (Việt)" → ["Kinh (Việt)", "Kinh", "Việt"]; variants are ";"-separated. */
function spellings(group: Group): string[] {
  const raw = [
    group.name_vi,
    group.name_en,
    group.name_en_alt ?? "",
    ...group.name_variants.split(";"),
    ...(ETHNICITY_ALIASES[group.code] ?? []),
  ];
  return raw
    .flatMap((s) => {
      const m = /^(.*?)\s*\((.*)\)\s*$/u.exec(s);
      return m ? [s, m[1] ?? "", m[2] ?? ""] : [s];
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function createEthnicityResolver(
  groups: readonly Group[],
  column = "ethnicity",
): EthnicityResolver {
  const byCode = new Map(groups.map((g) => [g.code, g]));
  const by1979 = new Map(groups.map((g) => [g.code_1979, g]));
  const byFold = new Map<string, Set<string>>();
  const byTone = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, code: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(code));
  for (const group of groups) {
    for (const s of spellings(group)) {
      add(byFold, compactKey(s), group.code);
      add(byTone, toneKey(s), group.code);
    }
  }
  const nameOf = (code: string) => byCode.get(code)?.name_vi ?? code;

  function byName(text: string): EthnicityResolution {
    const unknown = {
      ok: false,
      error: makeIssue("ethnicity_unknown", column, { value: text }),
    } as const;
    const name = text.replace(LEADING_WORDS, "");
    const tone = byTone.get(toneKey(name));
    if (tone?.size === 1) return { ok: true, code: [...tone][0] ?? null };
    const fold = byFold.get(compactKey(name));
    if (!fold) return unknown;
    // Without diacritics a key can fit two groups; then the diacritics must decide.
    if (fold.size === 1) return { ok: true, code: [...fold][0] ?? null };
    const candidates = [...fold].sort().map(nameOf);
    return {
      ok: false,
      error: makeIssue("ethnicity_ambiguous", column, { value: text, candidates }),
    };
  }

  function resolveUncached(input: string | number): EthnicityResolution {
    const text = normalizeText(String(input));
    if (text === "" || UNKNOWN.has(compactKey(text))) return { ok: true, code: null };
    const foreign = {
      ok: false,
      error: makeIssue("ethnicity_foreign", column, { value: text }),
    } as const;
    if (FOREIGN.has(compactKey(text))) return foreign;
    const system1979 = /^1979\s*[:/-]\s*(\d{1,2})$/.exec(text);
    if (system1979?.[1]) {
      const group = by1979.get(system1979[1].padStart(2, "0"));
      return group
        ? { ok: true, code: group.code }
        : { ok: false, error: makeIssue("ethnicity_unknown", column, { value: text }) };
    }
    if (/^\d{1,2}$/.test(text)) {
      const code = text.padStart(2, "0");
      if (code === FOREIGN_CODE) return foreign;
      return byCode.has(code)
        ? { ok: true, code }
        : { ok: false, error: makeIssue("ethnicity_unknown", column, { value: text }) };
    }
    return byName(text);
  }

  const memo = new Map<string | number, EthnicityResolution>();
  return {
    resolve(input) {
      if (input === null || input === undefined) return { ok: true, code: null };
      const cached = memo.get(input);
      if (cached) return cached;
      const result = resolveUncached(input);
      if (memo.size >= 10_000) memo.clear();
      memo.set(input, result);
      return result;
    },
  };
}
