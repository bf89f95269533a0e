// Parses a commune's free-text `formed_from` (vn_communes_2025.csv) into the pre-July-2025 units
// it names. The text comes from the merger resolutions and mixes plain lists ("Phường 7, Thị trấn
// Lạc Dương, Xã Lát") with legal phrasing ("một phần diện tích TN, quy mô dân số của các phường
// Cửa Nam, Điện Biên"). Pieces that name no commune-level unit (a village, a firing range) are
// skipped and reported, never guessed.
import type { CommunePredecessorTable } from "~/lib/db/types";
import {
  normalizeText,
  splitTopLevel,
  stripUnitPrefix,
  toneKey,
  type UnitPrefix,
} from "~/lib/etl/text";

export type OldUnitType = UnitPrefix;

export interface FormedFromEntry {
  old_name: string;
  old_unit_type: OldUnitType | null;
  old_base_name: string;
  old_qualifier: string | null;
  partial: boolean;
}

export interface FormedFromParse {
  entries: FormedFromEntry[];
  /** "giữ nguyên": the unit kept its territory and name; it has no predecessor entries. */
  unchanged: boolean;
  skipped: string[];
}

const UNIT_LABEL: Record<OldUnitType, string> = {
  xa: "Xã",
  phuong: "Phường",
  thi_tran: "Thị trấn",
  dac_khu: "Đặc khu",
  huyen: "Huyện",
};

// Legal phrasing that precedes a unit name; `partial` marks a unit only partly merged.
const LEAD_PHRASES: { pattern: RegExp; partial?: boolean }[] = [
  { pattern: /^và\s+/iu },
  { pattern: /^sắp xếp\s+/iu },
  { pattern: /^toàn\s+b[ộố]\s*/iu },
  { pattern: /^một\s+phần\s*/iu, partial: true },
  { pattern: /^phần\s+còn\s+l[ạa]i\s*/iu, partial: true },
  { pattern: /^diện\s+tích\s+(?:TN|tự\s+nhiên)\s*/iu },
  { pattern: /^quy\s+mô\s+dân\s+số\s*/iu },
  { pattern: /^của\s+/iu },
  { pattern: /^các\s+/iu },
];
const SUB_COMMUNE_WORDS = /^(?:thôn|xóm|bản|ấp|khóm|tổ dân phố|khu phố|tiểu khu|trường bắn)\s/iu;
const PROSE_WORDS = /diện tích|quy mô dân|sáp nhập|sắp xếp|theo quy định|điều này/iu;
const PARTIAL_NOTE = /^(?:phần còn lại|một phần)/iu;

/** Removes trailing "(…)" groups: a town qualifier, or a note that the unit was split. */
function takeParentheses(piece: string): {
  rest: string;
  qualifier: string | null;
  partial: boolean;
} {
  let rest = piece.trim();
  let qualifier: string | null = null;
  let partial = false;
  while (rest.endsWith(")")) {
    let depth = 0;
    let open = -1;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (rest[i] === ")") depth++;
      else if (rest[i] === "(" && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open < 0) break;
    const content = rest.slice(open + 1, -1).trim();
    rest = rest.slice(0, open).trim();
    if (PARTIAL_NOTE.test(content)) partial = true;
    else qualifier = content.replace(/^thuộc\s+/iu, "");
  }
  return { rest, qualifier, partial };
}

/** "… sau khi sắp xếp theo quy định …" outside parentheses ends the unit name. */
function dropTrailingClause(piece: string): string {
  const [head] = splitTopLevel(piece, "\\s+sau khi\\s+");
  return head ?? "";
}

/** Consumes "một phần diện tích TN, quy mô dân số của các …" before a unit name. */
function takeLeadPhrases(text: string): { rest: string; phrased: boolean; partial: boolean } {
  let rest = text;
  let phrased = false;
  let partial = false;
  for (let matched = true; matched;) {
    matched = false;
    for (const lead of LEAD_PHRASES) {
      const m = lead.pattern.exec(rest);
      if (!m || m[0].length === 0) continue;
      rest = rest.slice(m[0].length);
      // A leading "và" only joins; it does not make the piece a phrase.
      phrased = phrased || !/^và\s/iu.test(m[0]);
      partial = partial || lead.partial === true;
      matched = true;
    }
  }
  return { rest: rest.trim(), phrased, partial };
}

interface ListContext {
  unitType: OldUnitType | null;
  partial: boolean;
}

export function parseFormedFrom(formedFrom: string): FormedFromParse {
  const text = normalizeText(formedFrom);
  if (/^giữ nguyên$/iu.test(text)) return { entries: [], unchanged: true, skipped: [] };
  const entries: FormedFromEntry[] = [];
  const skipped: string[] = [];
  // "một phần diện tích TN," as its own piece applies to the units named right after it.
  let pendingPartial = false;
  // After "của các phường Cửa Nam", bare names ("Điện Biên") continue that list.
  let list: ListContext | null = null;

  const pieces = splitTopLevel(text, ",").flatMap((p) => splitTopLevel(p, "\\s+và\\s+"));
  for (const original of pieces) {
    const clause = dropTrailingClause(original);
    const paren = takeParentheses(clause);
    const lead = takeLeadPhrases(paren.rest);
    let rest = lead.rest;
    const phrased = lead.phrased;
    const partialHere = paren.partial || lead.partial;
    if (phrased && rest.length === 0) {
      pendingPartial = partialHere;
      list = null;
      continue;
    }

    let unitType: OldUnitType | null = null;
    for (let s = stripUnitPrefix(rest, { ascii: false }); s.unitType;) {
      unitType = s.unitType;
      rest = s.name;
      s = stripUnitPrefix(rest, { ascii: false });
    }
    // "xã Yên Định Xã Yên Định": a repeated name after an inner type word.
    const inner = /\s(?:Xã|Phường|Thị trấn)\s+(.+)$/u.exec(rest);
    if (inner?.[1]) rest = inner[1];

    let partial = partialHere;
    if (phrased) {
      partial = partial || pendingPartial;
      list = { unitType, partial };
    } else if (unitType) {
      pendingPartial = false;
      list = null;
    } else if (list) {
      unitType = list.unitType;
      partial = partial || list.partial;
    }

    const base = rest.trim();
    if (
      base.length === 0 ||
      base.split(" ").length > 6 ||
      PROSE_WORDS.test(base) ||
      (!unitType && SUB_COMMUNE_WORDS.test(`${base} `))
    ) {
      skipped.push(original);
      continue;
    }
    const name = unitType ? `${UNIT_LABEL[unitType]} ${base}` : base;
    const qualifier = paren.qualifier;
    entries.push({
      old_name: qualifier ? `${name} (${qualifier})` : name,
      old_unit_type: unitType,
      old_base_name: base,
      old_qualifier: qualifier,
      partial,
    });
  }
  return { entries: mergeDuplicates(entries), unchanged: false, skipped };
}

/** One entry per old_name (the table's key with the commune); partial if any mention was. */
function mergeDuplicates(entries: FormedFromEntry[]): FormedFromEntry[] {
  const byName = new Map<string, FormedFromEntry>();
  for (const entry of entries) {
    const seen = byName.get(entry.old_name);
    if (seen) seen.partial = seen.partial || entry.partial;
    else byName.set(entry.old_name, { ...entry });
  }
  return [...byName.values()];
}

export interface PredecessorBuild {
  predecessors: CommunePredecessorTable[];
  /** Pieces of formed_from that name no commune-level unit, with their commune. */
  skipped: { commune_code: string; piece: string }[];
}

/**
 * Parses every commune's formed_from. An old unit (same type, name and qualifier, same
 * province) listed under several successors was split between them, so all its rows are
 * marked partial even where the text does not say "một phần".
 */
export function buildCommunePredecessors(
  communes: readonly { code: string; province_code: string; formed_from: string }[],
): PredecessorBuild {
  const predecessors: CommunePredecessorTable[] = [];
  const skipped: PredecessorBuild["skipped"] = [];
  const successorsByUnit = new Map<string, Set<string>>();
  const unitKey = (provinceCode: string, e: FormedFromEntry) =>
    [
      provinceCode,
      e.old_unit_type ?? "",
      toneKey(e.old_base_name),
      toneKey(e.old_qualifier ?? ""),
    ].join("|");

  const parsed = communes.map((commune) => ({ commune, ...parseFormedFrom(commune.formed_from) }));
  for (const { commune, entries } of parsed) {
    for (const entry of entries) {
      const key = unitKey(commune.province_code, entry);
      const set = successorsByUnit.get(key) ?? new Set<string>();
      set.add(commune.code);
      successorsByUnit.set(key, set);
    }
  }
  for (const { commune, entries, skipped: pieces } of parsed) {
    for (const piece of pieces) skipped.push({ commune_code: commune.code, piece });
    for (const entry of entries) {
      const split = (successorsByUnit.get(unitKey(commune.province_code, entry))?.size ?? 0) > 1;
      predecessors.push({ commune_code: commune.code, ...entry, partial: entry.partial || split });
    }
  }
  return { predecessors, skipped };
}
