// Resolves what a row says about its commune (a GSO code, today's name in any spelling, or a
// pre-July-2025 unit) to one commune of the province being loaded, or says precisely why not.
// Order: code → today's name in the province → the merger crosswalk and today's names without
// their town suffix, in the province → the same in other provinces (rejected) → unknown.
import type { CommunePredecessorTable, ProvinceTable } from "~/lib/db/types";
import { makeIssue, type RowIssue } from "~/lib/etl/reasons";
import {
  compactKey,
  editDistance,
  foldKey,
  normalizeText,
  stripUnitPrefix,
  toneKey,
  type UnitPrefix,
} from "~/lib/etl/text";
import {
  buildCommuneIndex,
  push,
  townFold,
  type CommuneIndex,
  type IndexedCommune,
  type LineageHit,
} from "./commune-index";

export type CommuneResolution =
  | { ok: true; code: string; via: "code" | "name" | "predecessor"; warning?: RowIssue }
  | { ok: false; error: RowIssue };

export interface CommuneResolver {
  provinceCode: string;
  resolve(input: string | number): CommuneResolution;
}

export interface CommuneResolverOptions {
  communes: readonly IndexedCommune[];
  predecessors: readonly CommunePredecessorTable[];
  provinceCode: string;
  /** Names provinces in commune_other_province messages; codes are shown without it. */
  provinces?: readonly Pick<ProvinceTable, "code" | "name">[];
  column?: string;
  /** An index already built from the same communes and predecessors (one per process). */
  index?: CommuneIndex;
}

interface Reading {
  unitType: UnitPrefix | null;
  /** The name without a trailing "(…)". */
  name: string;
  /** "(thành phố Đà Lạt)" or "- Đà Lạt" split off: the base name and compactKey of the town. */
  qualified: { base: string; town: string } | null;
}

const MEMO_LIMIT = 100_000;
const TRAILING_TOWN_TYPE = /(?:\s(?:thanh pho|tp|thi xa|tx|huyen|quan))+$/;

function uniqueByCode(communes: Iterable<IndexedCommune>): IndexedCommune[] {
  return [...new Map([...communes].map((c) => [c.code, c])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
}

function readInput(text: string): Reading[] {
  const stripped = stripUnitPrefix(text);
  const readings: { unitType: UnitPrefix | null; name: string }[] = stripped.asciiPrefix
    ? [{ unitType: null, name: text }, stripped]
    : [stripped];
  return readings.map(({ unitType, name }) => {
    const paren = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(name);
    if (paren?.[1] && paren[2]) {
      return {
        unitType,
        name: paren[1],
        qualified: { base: paren[1], town: compactKey(townFold(paren[2])) },
      };
    }
    const dash = /^(.+?)\s+[-–]\s+(.+)$/u.exec(name);
    return {
      unitType,
      name,
      qualified:
        dash?.[1] && dash[2] ? { base: dash[1], town: compactKey(townFold(dash[2])) } : null,
    };
  });
}

export function createCommuneResolver(options: CommuneResolverOptions): CommuneResolver {
  const { provinceCode, column = "commune" } = options;
  const { byCode, currentByKey, townsByProvince, lineage } =
    options.index ?? buildCommuneIndex(options.communes, options.predecessors);
  const provinceName = new Map((options.provinces ?? []).map((p) => [p.code, p.name]));
  const inProvince = options.communes.filter((c) => c.province_code === provinceCode);

  const typeFits = (wanted: UnitPrefix | null, actual: UnitPrefix | null) =>
    wanted === null || actual === null || wanted === actual;
  /**
   * Among names equal but for diacritics (Tân Thành / Tân Thạnh), the one spelled exactly as
   * typed wins; ASCII input that fits several stays ambiguous.
   */
  function narrowByTone<T>(items: T[], input: string, tone: (item: T) => string): T[] {
    if (items.length < 2) return items;
    const wanted = toneKey(input);
    const exact = items.filter((item) => tone(item) === wanted);
    return exact.length > 0 ? exact : items;
  }

  function currentMatches(
    reading: Reading,
    ignoreType: boolean,
    province: string | null,
  ): IndexedCommune[] {
    const found = (currentByKey.get(compactKey(reading.name)) ?? []).filter(
      (c) =>
        (ignoreType || typeFits(reading.unitType, c.unit_type)) &&
        (province === null || c.province_code === province),
    );
    return narrowByTone(found, reading.name, (c) => toneKey(c.name));
  }

  function lineageMatches(
    reading: Reading,
    ignoreType: boolean,
    province: string | null,
  ): LineageHit[] {
    const unitType = ignoreType ? null : reading.unitType;
    const lookup = (base: string, town: string | null) =>
      narrowByTone(
        (lineage.get(compactKey(base)) ?? []).filter(
          (h) =>
            typeFits(unitType, h.unitType) &&
            (town === null || h.town === town) &&
            (province === null || h.commune.province_code === province),
        ),
        base,
        (h) => h.tone,
      );
    if (reading.qualified) {
      const { base, town } = reading.qualified;
      const withTown = lookup(base, town);
      if (withTown.length > 0) return withTown;
      // The crosswalk names the old town only where two units shared a name, so an
      // unqualified old unit is still a fit.
      const unqualified = lookup(base, null).filter(
        (h) => h.town === null && h.via === "predecessor",
      );
      if (unqualified.length > 0) return unqualified;
    }
    const plain = lookup(reading.name, null);
    if (plain.length > 0 || reading.qualified) return plain;
    // "Phường 1 Đà Lạt": today's-name-or-old-unit followed by the old town.
    const fold = foldKey(reading.name);
    const towns = province
      ? (townsByProvince.get(province) ?? [])
      : [...townsByProvince.values()].flatMap((s) => [...s]);
    const hits: LineageHit[] = [];
    for (const town of new Set(towns)) {
      if (!fold.endsWith(` ${town}`)) continue;
      const base = fold.slice(0, -town.length - 1).replace(TRAILING_TOWN_TYPE, "");
      hits.push(...lookup(base, compactKey(town)));
    }
    return hits;
  }

  const fullNames = (communes: IndexedCommune[]) =>
    communes.map((c) => `${c.full_name} (${c.code})`);

  function fromCandidates(
    text: string,
    communes: IndexedCommune[],
    via: "name" | "predecessor",
  ): CommuneResolution {
    const unique = uniqueByCode(communes);
    const [only] = unique;
    if (only && unique.length === 1) {
      if (via === "name") return { ok: true, code: only.code, via };
      const warning = makeIssue("commune_renamed", column, {
        value: text,
        successor: only.full_name,
        code: only.code,
      });
      return { ok: true, code: only.code, via, warning };
    }
    return {
      ok: false,
      error: makeIssue("commune_ambiguous", column, { value: text, candidates: fullNames(unique) }),
    };
  }

  function fromLineage(text: string, hits: LineageHit[]): CommuneResolution {
    const communes = uniqueByCode(hits.map((h) => h.commune));
    const [only] = communes;
    const byName = only && communes.length === 1 && hits.some((h) => h.via === "name");
    return fromCandidates(text, communes, byName ? "name" : "predecessor");
  }

  function otherProvince(text: string, communes: IndexedCommune[]): CommuneResolution {
    const names = [
      ...new Set(communes.map((c) => provinceName.get(c.province_code) ?? `${c.province_code}`)),
    ];
    return {
      ok: false,
      error: makeIssue("commune_other_province", column, { value: text, provinces: names.sort() }),
    };
  }

  // "Đà Lạt" alone is an old town: suggest the communes that carry or absorbed its units.
  const communesByTown = new Map<string, IndexedCommune[]>();
  // Other near misses are compared with today's names, with and without their town.
  const suggestionKeys = inProvince.map((c) => ({ commune: c, key: compactKey(c.name) }));
  for (const [key, hits] of lineage) {
    for (const h of hits) {
      if (h.commune.province_code !== provinceCode) continue;
      if (h.town) push(communesByTown, h.town, h.commune);
      if (h.via === "name") suggestionKeys.push({ commune: h.commune, key });
    }
  }

  function suggestions(reading: Reading): string[] {
    const town = communesByTown.get(compactKey(townFold(reading.name)));
    if (town) return uniqueByCode(town).map((c) => c.full_name);
    const key = compactKey(reading.name);
    const limit = Math.max(1, Math.floor(key.length / 4));
    const best = new Map<string, { commune: IndexedCommune; d: number }>();
    for (const { commune, key: candidate } of suggestionKeys) {
      const d = editDistance(key, candidate);
      const seen = best.get(commune.code);
      if (d <= limit && (!seen || d < seen.d)) best.set(commune.code, { commune, d });
    }
    return [...best.values()]
      .sort((a, b) => a.d - b.d || a.commune.code.localeCompare(b.commune.code))
      .slice(0, 3)
      .map(({ commune }) => commune.full_name);
  }

  function resolveCode(text: string, code: string): CommuneResolution {
    const commune = byCode.get(code);
    if (commune?.province_code === provinceCode) return { ok: true, code, via: "code" };
    if (commune) return otherProvince(text, [commune]);
    return {
      ok: false,
      error: makeIssue("commune_unknown", column, { value: text, suggestions: [] }),
    };
  }

  function resolveText(text: string): CommuneResolution {
    const readings = readInput(text);
    for (const ignoreType of [false, true]) {
      for (const reading of readings) {
        const here = currentMatches(reading, ignoreType, provinceCode);
        if (here.length > 0) return fromCandidates(text, here, "name");
      }
      for (const reading of readings) {
        const hits = lineageMatches(reading, ignoreType, provinceCode);
        if (hits.length > 0) return fromLineage(text, hits);
      }
    }
    const elsewhere = readings.flatMap((reading) => [
      ...currentMatches(reading, false, null),
      ...lineageMatches(reading, false, null).map((h) => h.commune),
    ]);
    if (elsewhere.length > 0) return otherProvince(text, elsewhere);
    const last = readings[readings.length - 1] ?? { name: text, unitType: null, qualified: null };
    return {
      ok: false,
      error: makeIssue("commune_unknown", column, { value: text, suggestions: suggestions(last) }),
    };
  }

  function resolveUncached(input: string | number): CommuneResolution {
    if (typeof input === "number") {
      return Number.isInteger(input) && input > 0 && input < 100_000
        ? resolveCode(String(input), String(input).padStart(5, "0"))
        : resolveCode(String(input), "");
    }
    const text = normalizeText(input);
    if (text === "") {
      return { ok: false, error: makeIssue("value_missing", column, { field: column }) };
    }
    if (/^\d+$/.test(text)) return resolveCode(text, text.length <= 5 ? text.padStart(5, "0") : "");
    return resolveText(text);
  }

  const memo = new Map<string | number, CommuneResolution>();
  return {
    provinceCode,
    resolve(input) {
      const cached = memo.get(input);
      if (cached) return cached;
      const result = resolveUncached(input);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(input, result);
      return result;
    },
  };
}
