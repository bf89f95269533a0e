// Resolves what a row says about its commune (a GSO code, today's name in any spelling, or a
// pre-July-2025 unit) to one commune of the province being loaded, or says precisely why not.
// Order: code → today's name in the province → the merger crosswalk and today's names without
// their town suffix, in the province → the same in other provinces (rejected) → unknown.
//
// A qualifier ("Xã Tân Thành (huyện Krông Nô)", "Phường 1 - Đà Lạt") is a claim every candidate,
// today's names included, is checked against. A candidate's town is what the reference data
// gives it: its crosswalk entry's qualifier, the town today's name ends with, or, for today's
// name, the qualifier of the old unit of that name it continues (today's Xã Tân Thành is the old
// one of huyện Hàm Thuận Nam). Candidates whose town matches win. Failing that, candidates the
// data gives no town are accepted: the crosswalk qualifies an old unit only where the province
// had two of that name, so a unique unit's district cannot be checked (nor do successor names
// or head-office notes say it: a commune often absorbed units of two districts). A candidate
// with another town never wins; if none is left, the row is rejected and the qualified names
// that do exist are suggested.
import type { CommunePredecessorTable } from "~/lib/db/types";
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
  townKeys,
  type CommuneIndex,
  type IndexedCommune,
} from "./commune-index";
import { provinceKeys, readCommuneSpelling, type ProvinceNames } from "./commune-spelling";

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
  provinces?: readonly ProvinceNames[];
  column?: string;
  /** An index already built from the same communes and predecessors (one per process). */
  index?: CommuneIndex;
}

interface Reading {
  unitType: UnitPrefix | null;
  /** The name without a trailing "(…)"; "X - Y" is kept whole, as some of today's names are. */
  name: string;
  /** A "(…)" or " - …" qualifier split off: the base name and compactKeys of the towns it names. */
  qualified: { base: string; towns: string[] } | null;
}

/** One way to a commune, with the old towns the reference data ties that way to (maybe none). */
interface Route {
  commune: IndexedCommune;
  via: "name" | "predecessor";
  tone: string;
  towns: readonly string[];
  /** How the reference data writes it, to suggest; null for today's name. */
  label: string | null;
}

/** Candidates in order of preference, and under a qualifier which of them agree with it. */
interface Routes {
  tiers: Route[][];
  agreeing: Route[];
  /** Every candidate for the name before the qualifier is applied; none of them if it resolves. */
  ruledOut: Route[];
}

const MEMO_LIMIT = 100_000;

/** Whether a name carries any Vietnamese diacritic (a tone or vowel mark, or đ). */
const hasDiacritics = (s: string) => /[\u0300-\u036f]|đ/iu.test(s.normalize("NFD"));
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
    const parenTowns = paren?.[1] && paren[2] ? townKeys(paren[2]) : [];
    if (paren?.[1] && parenTowns.length > 0) {
      return { unitType, name: paren[1], qualified: { base: paren[1], towns: parenTowns } };
    }
    const dash = /^(.+?)\s+[-–]\s+(.+)$/u.exec(name);
    const dashTowns = dash?.[1] && dash[2] ? townKeys(dash[2]) : [];
    return {
      unitType,
      name,
      qualified: dash?.[1] && dashTowns.length > 0 ? { base: dash[1], towns: dashTowns } : null,
    };
  });
}

export function createCommuneResolver(options: CommuneResolverOptions): CommuneResolver {
  const { provinceCode, column = "commune" } = options;
  const { byCode, currentByKey, townsByProvince, lineage, nameTowns } =
    options.index ?? buildCommuneIndex(options.communes, options.predecessors);
  const provinceName = new Map((options.provinces ?? []).map((p) => [p.code, p.name]));
  const provinceKeyMap = provinceKeys(options.provinces ?? []);
  const inProvince = options.communes.filter((c) => c.province_code === provinceCode);
  const knownTowns = new Set([...(townsByProvince.get(provinceCode) ?? [])].map(compactKey));

  const typeFits = (wanted: UnitPrefix | null, actual: UnitPrefix | null) =>
    wanted === null || actual === null || wanted === actual;
  /**
   * Among names equal but for diacritics (Tân Thành / Tân Thạnh), the one spelled exactly as
   * typed wins; ASCII input that fits several stays ambiguous.
   */
  function narrowByTone(routes: Route[], input: string): Route[] {
    if (routes.length < 2) return routes;
    const wanted = toneKey(input);
    const exact = routes.filter((route) => route.tone === wanted);
    return exact.length > 0 ? exact : routes;
  }

  function currentRoutes(
    name: string,
    unitType: UnitPrefix | null,
    province: string | null,
  ): Route[] {
    return (currentByKey.get(compactKey(name)) ?? [])
      .filter(
        (c) =>
          typeFits(unitType, c.unit_type) && (province === null || c.province_code === province),
      )
      .map((c) => ({
        commune: c,
        via: "name",
        tone: toneKey(c.name),
        towns: nameTowns.get(c.code) ?? [],
        label: null,
      }));
  }

  function lineageRoutes(
    base: string,
    unitType: UnitPrefix | null,
    province: string | null,
    town: string | null = null,
  ): Route[] {
    return (lineage.get(compactKey(base)) ?? [])
      .filter(
        (h) =>
          typeFits(unitType, h.unitType) &&
          (town === null || h.town === town) &&
          (province === null || h.commune.province_code === province),
      )
      .map((h) => ({
        commune: h.commune,
        via: h.via,
        tone: h.tone,
        towns: h.towns,
        label: h.label,
      }));
  }

  /**
   * Tone marks distinguish names (issue 11): a name written with diacritics only matches units
   * spelled exactly so ("Xã Tân Thanh" is the old Tân Thanh's successor, never today's Tân
   * Thành); one written without any matches every unit of its key.
   */
  function exactSpelling(routes: Route[], input: string): Route[] {
    if (!hasDiacritics(input)) return routes;
    const wanted = toneKey(input);
    return routes.filter((route) => route.tone === wanted);
  }

  /** No qualifier: today's name, else an old unit or today's name without its town. */
  function plainRoutes(reading: Reading, unitType: UnitPrefix | null, province: string | null) {
    const current = exactSpelling(currentRoutes(reading.name, unitType, province), reading.name);
    const old = exactSpelling(lineageRoutes(reading.name, unitType, province), reading.name);
    // Without diacritics, today's units and old ones of that key compete: more than one commune
    // among them is ambiguous, not the first one found.
    // Today's name that has no diacritics ("Quang Trung") is an exact spelling of itself.
    const typed = toneKey(reading.name);
    const spelledSo = (r: Route) => r.tone === typed;
    if (!hasDiacritics(reading.name) && old.length > 0)
      return {
        tiers: current.some(spelledSo) ? [current.filter(spelledSo)] : [[...current, ...old]],
        agreeing: [],
        ruledOut: [],
      };
    if (old.length > 0) return { tiers: [current, old], agreeing: [], ruledOut: [] };
    // "Phường 1 Đà Lạt": today's-name-or-old-unit followed by the old town.
    const fold = foldKey(reading.name);
    const towns = province
      ? (townsByProvince.get(province) ?? [])
      : [...townsByProvince.values()].flatMap((s) => [...s]);
    const withTown: Route[] = [];
    for (const town of new Set(towns)) {
      if (!fold.endsWith(` ${town}`)) continue;
      const base = fold.slice(0, -town.length - 1).replace(TRAILING_TOWN_TYPE, "");
      withTown.push(...lineageRoutes(base, unitType, province, compactKey(town)));
    }
    return { tiers: [current, withTown], agreeing: [], ruledOut: [] };
  }

  /** A qualifier: the candidates whose town matches, then those whose town is not recorded. */
  function qualifiedRoutes(
    reading: Reading,
    qualified: NonNullable<Reading["qualified"]>,
    unitType: UnitPrefix | null,
    province: string | null,
  ): Routes {
    const { base, towns } = qualified;
    // "Lang Biang - Đà Lạt" is today's whole name.
    const whole =
      reading.name === base
        ? []
        : narrowByTone(currentRoutes(reading.name, unitType, province), reading.name);
    const named = [
      ...currentRoutes(base, unitType, province),
      ...lineageRoutes(base, unitType, province),
    ];
    // The candidates sharing the most places with the qualifier agree ("(huyện Châu Thành,
    // tỉnh Bến Tre)" over "(huyện Châu Thành, tỉnh Trà Vinh)"), whatever their diacritics:
    // "Tân Thanh (huyện Krông Nô)" is Krông Nô's Tân Thành. Otherwise the spelling decides, so
    // an unmatched town cannot lead to a unit spelled differently from what was typed.
    const shared = (r: Route) => r.towns.filter((town) => towns.includes(town)).length;
    const most = Math.max(0, ...named.map(shared));
    const agree =
      most > 0
        ? narrowByTone(
            named.filter((r) => shared(r) === most),
            base,
          )
        : [];
    const unrecorded = narrowByTone(named, base).filter((r) => r.towns.length === 0);
    // Unchecked candidates here give way to a unit the qualifier confirms in another province
    // ("Xuân Trường (Đà Lạt)" in a Ninh Bình file), unless this province had such a town too
    // (several Mekong provinces had a huyện Châu Thành).
    const confirmedElsewhere =
      province !== null &&
      whole.length === 0 &&
      agree.length === 0 &&
      unrecorded.length > 0 &&
      !towns.some((town) => knownTowns.has(town)) &&
      qualifiedRoutes(reading, qualified, unitType, null).agreeing.length > 0;
    return {
      tiers: confirmedElsewhere
        ? [whole, agree]
        : [
            whole,
            agree,
            unrecorded.filter((r) => r.via === "name"),
            unrecorded.filter((r) => r.via === "predecessor"),
          ],
      agreeing: [...whole, ...agree],
      ruledOut: named,
    };
  }

  function routesFor(reading: Reading, ignoreType: boolean, province: string | null): Routes {
    const unitType = ignoreType ? null : reading.unitType;
    return reading.qualified
      ? qualifiedRoutes(reading, reading.qualified, unitType, province)
      : plainRoutes(reading, unitType, province);
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

  /** One commune reached by today's name (on any route) resolves without a warning. */
  function fromRoutes(text: string, routes: Route[]): CommuneResolution {
    const communes = uniqueByCode(routes.map((r) => r.commune));
    const byName = communes.length === 1 && routes.some((r) => r.via === "name");
    return fromCandidates(text, communes, byName ? "name" : "predecessor");
  }

  /** How to write the candidates a qualifier ruled out, for "did you mean". */
  function qualifiedNames(routes: Route[]): string[] {
    const labelled = new Set(routes.filter((r) => r.label).map((r) => r.commune.code));
    const names = [...routes]
      .sort((a, b) => a.commune.code.localeCompare(b.commune.code))
      .map((r) => r.label ?? (labelled.has(r.commune.code) ? null : r.commune.full_name));
    return [...new Set(names.filter((name): name is string => name !== null))];
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

  /** `text` as written (for messages), `spelling` as read (readCommuneSpelling). */
  function resolveText(text: string, spelling: string): CommuneResolution {
    const readings = readInput(spelling);
    let ruledOut: Route[] = [];
    for (const ignoreType of [false, true]) {
      const found = readings.map((reading) => routesFor(reading, ignoreType, provinceCode));
      const depth = Math.max(...found.map((routes) => routes.tiers.length));
      for (let tier = 0; tier < depth; tier++) {
        for (const routes of found) {
          const candidates = routes.tiers[tier] ?? [];
          if (candidates.length > 0) return fromRoutes(text, candidates);
        }
      }
      if (ruledOut.length === 0) ruledOut = found.flatMap((routes) => routes.ruledOut);
    }
    // A unit elsewhere that the qualifier confirms moves the row; where the name exists here under
    // other towns, nothing less does.
    const away = readings.map((reading) => routesFor(reading, false, null));
    const confirmed = away.flatMap((routes) => routes.agreeing);
    const elsewhere = (
      confirmed.length > 0 || ruledOut.length > 0
        ? confirmed
        : away.flatMap((routes) => routes.tiers.flat())
    ).map((r) => r.commune);
    if (elsewhere.length > 0) return otherProvince(text, elsewhere);
    const last = readings[readings.length - 1] ?? { name: text, unitType: null, qualified: null };
    const hints = ruledOut.length > 0 ? qualifiedNames(ruledOut) : suggestions(last);
    return {
      ok: false,
      error: makeIssue("commune_unknown", column, { value: text, suggestions: hints }),
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
    const spelling = readCommuneSpelling(text, provinceCode, provinceKeyMap);
    if (spelling.kind === "code") return resolveCode(text, spelling.code);
    if (/^\d+$/.test(text)) return resolveCode(text, "");
    if (spelling.kind === "other_province") {
      const name = provinceName.get(spelling.provinceCode) ?? spelling.provinceCode;
      return {
        ok: false,
        error: makeIssue("commune_other_province", column, { value: text, provinces: [name] }),
      };
    }
    return resolveText(text, spelling.text);
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
