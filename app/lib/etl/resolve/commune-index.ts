// The lookup tables behind the commune resolver, built once from the whole country (a unit of
// another province must be recognised to be rejected as such). Keys are compactKey forms.
import type { CommunePredecessorTable, CommuneTable } from "~/lib/db/types";
import { compactKey, foldKey, toneKey, type UnitPrefix } from "~/lib/etl/text";

export type IndexedCommune = Pick<
  CommuneTable,
  "code" | "province_code" | "name" | "name_ascii" | "full_name" | "unit_type"
>;

/** A way to reach a commune from a name that is not its full current name. */
export interface LineageHit {
  commune: IndexedCommune;
  via: "name" | "predecessor";
  unitType: UnitPrefix | null;
  /** compactKey of the old town (district, city) the name belonged to, when known. */
  town: string | null;
  /** townKeys of the old qualifier (or of the town); empty when unknown. */
  towns: string[];
  tone: string;
  /** The route as the reference data writes it: "Xã Tân Thành (huyện Krông Nô)", "Phường 1 Bảo Lộc". */
  label: string;
}

export interface CommuneIndex {
  byCode: Map<string, IndexedCommune>;
  /** Today's names (and their ASCII forms) → communes, nationwide. */
  currentByKey: Map<string, IndexedCommune[]>;
  /** Old towns per province, as foldKey words ("da lat", "bao loc", "lam ha"). */
  townsByProvince: Map<string, Set<string>>;
  /** Old unit names and today's names without their town → the communes they lead to. */
  lineage: Map<string, LineageHit[]>;
  /**
   * Commune code → the old towns today's name is known to belong to: the town the name ends
   * with ("Tân Hà Lâm Hà"), or the qualifier of the old unit of the same name it continues
   * (Xã Tân Thành ← "Xã Tân Thành (huyện Hàm Thuận Nam)"). Absent when the data does not say.
   */
  nameTowns: Map<string, string[]>;
}

const TOWN_TYPE_WORDS = /^(?:(?:thuoc|thanh pho|tp|thi xa|tx|huyen|quan|h|q)\s+)+/;
const OLD_UNIT_TYPES = new Set<string>(["xa", "phuong", "thi_tran", "dac_khu", "huyen"]);

/** foldKey of a town with its type words removed: "thành phố Đà Lạt" → "da lat". */
export function townFold(s: string): string {
  return foldKey(s).replace(TOWN_TYPE_WORDS, "");
}

/**
 * The places a qualifier names, as compactKeys: "huyện Châu Thành, tỉnh Bến Tre" →
 * ["chauthanhtinhbentre", "chauthanh", "tinhbentre"] (whole, then each piece).
 */
export function townKeys(qualifier: string): string[] {
  const pieces = qualifier.split(/[,;]|\s[-–]\s/u).map((piece) => compactKey(townFold(piece)));
  const whole = compactKey(townFold(qualifier));
  return [...new Set([whole, ...pieces])].filter((key) => key.length > 0);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildCommuneIndex(
  communes: readonly IndexedCommune[],
  predecessors: readonly CommunePredecessorTable[],
): CommuneIndex {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const currentByKey = new Map<string, IndexedCommune[]>();
  for (const c of communes) {
    push(currentByKey, compactKey(c.name), c);
    if (compactKey(c.name_ascii) !== compactKey(c.name)) {
      push(currentByKey, compactKey(c.name_ascii), c);
    }
  }

  // Old towns come from the crosswalk's qualifiers and from "X - Đà Lạt" style names.
  const townsByProvince = new Map<string, Set<string>>();
  const addTown = (province: string, fold: string) => {
    if (!fold) return;
    const set = townsByProvince.get(province) ?? new Set<string>();
    townsByProvince.set(province, set.add(fold));
  };
  for (const p of predecessors) {
    const c = byCode.get(p.commune_code);
    if (c && p.old_qualifier) addTown(c.province_code, townFold(p.old_qualifier));
  }
  for (const c of communes) {
    const dash = /\s[-–]\s(.+)$/u.exec(c.name);
    if (dash?.[1]) addTown(c.province_code, townFold(dash[1]));
  }

  const lineage = new Map<string, LineageHit[]>();
  const nameTowns = new Map<string, string[]>();
  for (const p of predecessors) {
    const commune = byCode.get(p.commune_code);
    if (!commune) continue;
    const towns = p.old_qualifier ? townKeys(p.old_qualifier) : [];
    push(lineage, compactKey(p.old_base_name), {
      commune,
      via: "predecessor",
      unitType: OLD_UNIT_TYPES.has(p.old_unit_type ?? "") ? (p.old_unit_type as UnitPrefix) : null,
      town: p.old_qualifier ? compactKey(townFold(p.old_qualifier)) : null,
      towns,
      tone: toneKey(p.old_base_name),
      label: p.old_name,
    });
    if (toneKey(p.old_base_name) === toneKey(commune.name)) {
      for (const town of towns) push(nameTowns, commune.code, town);
    }
  }
  // Today's names that carry an old town ("Phường 1 Bảo Lộc", "Xã Nam Ban Lâm Hà") are also
  // reachable by the base name, so a bare "Phường 1" sees them as candidates. One-word towns
  // ("Quận 8" → "8") are too short to tell from a name's own last word.
  for (const commune of communes) {
    const words = foldKey(commune.name);
    const original = commune.name.split(" ");
    for (const town of townsByProvince.get(commune.province_code) ?? []) {
      if (!town.includes(" ") || !words.endsWith(` ${town}`)) continue;
      const base = original
        .slice(0, original.length - town.split(" ").length)
        .join(" ")
        .replace(/\s*[-–]$/u, "");
      if (!base) continue;
      push(lineage, compactKey(base), {
        commune,
        via: "name",
        unitType: commune.unit_type,
        town: compactKey(town),
        towns: [compactKey(town)],
        tone: toneKey(base),
        label: commune.full_name,
      });
      push(nameTowns, commune.code, compactKey(town));
    }
  }
  return { byCode, currentByKey, townsByProvince, lineage, nameTowns };
}
