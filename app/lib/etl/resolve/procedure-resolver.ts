// Resolves a procedure cell to a catalogue code: the code itself ("1.001193", also when Excel has
// turned it into the number 1.001193), or a label or official name in any spelling. A procedure
// the catalogue lacks is still counted, as "other", with a warning.
import type { ProcedureTable } from "~/lib/db/types";
import { makeIssue, type RowIssue } from "~/lib/etl/reasons";
import { compactKey, normalizeText } from "~/lib/etl/text";

export type ProcedureResolution = { ok: true; code: string; warning?: RowIssue };

export interface ProcedureResolver {
  resolve(input: string | number): ProcedureResolution;
}

type Procedure = Pick<
  ProcedureTable,
  "code" | "name" | "label_vi" | "label_en" | "is_common" | "commune_level"
>;

export const OTHER_PROCEDURE_CODE = "other";

/**
 * Names volunteers write that the catalogue words differently (seeds of ref.vocabulary). The
 * level-2 VNeID account, the procedure they help with most, is catalogued with ", căn cước điện
 * tử" appended, so its everyday name was counted as "other" until this list (intake corpus).
 */
export const PROCEDURE_ALIASES: Record<string, readonly string[]> = {
  "3.000228": [
    "Cấp tài khoản định danh điện tử mức độ 2 (VNeID)",
    "Cấp tài khoản định danh điện tử mức độ 2",
    "Cấp tài khoản định danh điện tử mức 2",
    "Định danh điện tử mức 2",
    "Định danh mức 2",
    "VNeID mức 2",
    "Kích hoạt VNeID mức 2",
  ],
};
const CODE = /^\d\.\d{6}$/;
const LEADING_CODE = /^(\d\.\d{6})\s*[-–:|]\s*\S/u;
const OTHER_WORDS = new Set(["other", "khác", "thủ tục khác", "khac"].map(compactKey));

/** "Thủ tục đăng ký khai sinh" and "Đăng ký khai sinh" are one name. */
function nameKey(s: string): string {
  return compactKey(s.replace(/^thủ tục\s+/iu, ""));
}

export function createProcedureResolver(
  procedures: readonly Procedure[],
  column = "procedure",
): ProcedureResolver {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const byName = new Map<string, Procedure[]>();
  for (const p of procedures) {
    if (p.code === OTHER_PROCEDURE_CODE) continue;
    const keys = new Set(
      [p.name, p.label_vi ?? "", p.label_en ?? "", ...(PROCEDURE_ALIASES[p.code] ?? [])]
        .filter(Boolean)
        .map(nameKey),
    );
    for (const key of keys) byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const other = (warning?: RowIssue): ProcedureResolution =>
    warning
      ? { ok: true, code: OTHER_PROCEDURE_CODE, warning }
      : { ok: true, code: OTHER_PROCEDURE_CODE };
  const unknown = (value: string) => other(makeIssue("procedure_unknown", column, { value }));

  function fromName(text: string): ProcedureResolution {
    const found = byName.get(nameKey(text)) ?? [];
    // The same name is often listed at several levels; the shortlist, then commune level, wins.
    const preferred = [
      found,
      found.filter((p) => p.is_common),
      found.filter((p) => p.commune_level),
    ].find((list) => list.length === 1);
    if (preferred?.[0]) return { ok: true, code: preferred[0].code };
    if (found.length === 0) return unknown(text);
    const candidates = found.map((p) => p.code).sort();
    return other(makeIssue("procedure_ambiguous", column, { value: text, candidates }));
  }

  function resolveUncached(input: string | number): ProcedureResolution {
    if (typeof input === "number") {
      // Excel reads "1.000230" as 1.00023; six decimals give the code back.
      const code = input.toFixed(6);
      return CODE.test(code) && byCode.has(code) ? { ok: true, code } : unknown(String(input));
    }
    const text = normalizeText(input);
    if (OTHER_WORDS.has(compactKey(text))) return other();
    const code = CODE.test(text) ? text : LEADING_CODE.exec(text)?.[1];
    if (code) return byCode.has(code) ? { ok: true, code } : unknown(text);
    return fromName(text);
  }

  const memo = new Map<string | number, ProcedureResolution>();
  return {
    resolve(input) {
      const cached = memo.get(input);
      if (cached) return cached;
      const result = resolveUncached(input);
      if (memo.size >= 50_000) memo.clear();
      memo.set(input, result);
      return result;
    },
  };
}
