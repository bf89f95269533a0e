// The deliberate imperfections of the sample, the kind real commune exports carry: names typed
// without diacritics or with abbreviations, pre-merger unit names, ambiguous or foreign units,
// spelling variants of ethnic groups, labels that are not procedures, impossible minutes, a date
// in the future, a record entered twice, decomposed (NFD) Unicode, and personal data columns.
import type { CommuneProfile } from "./commune-profile";
import { WeightedTable, type Rng } from "./prng";
import type { ReferenceCommune, ReferenceEthnicGroup } from "./sample-reference";

export const ASSISTANCE_ANOMALIES = [
  "commune_no_diacritics",
  "commune_abbreviated",
  "commune_old_name",
  "commune_ambiguous",
  "commune_unknown",
  "commune_other_province",
  "ethnicity_variant",
  "nfd_text",
  "unknown_procedure",
  "minutes_out_of_range",
  "future_date",
  "duplicate_record_id",
] as const;
export type AssistanceAnomaly = (typeof ASSISTANCE_ANOMALIES)[number];

/** Share of assistance rows that carry one imperfection. */
export const ASSISTANCE_ANOMALY_RATE = 0.015;

export const ASSISTANCE_ANOMALY_TABLE = new WeightedTable<AssistanceAnomaly>([
  ["commune_no_diacritics", 22],
  ["commune_abbreviated", 18],
  ["commune_old_name", 15],
  ["ethnicity_variant", 15],
  ["nfd_text", 8],
  ["unknown_procedure", 6],
  ["minutes_out_of_range", 4],
  ["commune_ambiguous", 3],
  ["commune_unknown", 3],
  ["duplicate_record_id", 2.5],
  ["commune_other_province", 2],
  ["future_date", 1.5],
]);

// Requests volunteers log that are not in the national catalogue (social assistance and
// education procedures are missing from it), or are not procedures at all.
export const UNKNOWN_PROCEDURE_LABELS = [
  "Đăng ký hưởng trợ cấp xã hội hằng tháng",
  "Đề nghị cấp học bổng chính sách",
  "Hỏi về chế độ người cao tuổi",
  "Nhờ in giấy tờ",
];

const UNKNOWN_COMMUNE_NAMES = ["Trung tâm PVHCC tỉnh", "Thôn 3", "Xã Hòa Bình Mới", "Khu phố 5"];

// Spellings seen on forms besides the reference variants.
const EXTRA_ETHNIC_VARIANTS: Record<string, string[]> = { "15": ["Kơ Ho"], "20": ["M'nông"] };

export function removeDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

const TYPE_ABBREVIATION: Record<ReferenceCommune["unit_type"], string> = {
  phuong: "P.",
  xa: "X.",
  dac_khu: "",
};

export function writeCommuneWithoutDiacritics(profile: CommuneProfile, rng: Rng): string {
  const ascii = removeDiacritics(profile.name);
  switch (rng.int(0, 2)) {
    case 0:
      return ascii.replace(/\s+-\s+/g, " ").toLowerCase();
    case 1:
      return removeDiacritics(profile.fullName);
    default:
      return ascii;
  }
}

export function writeCommuneAbbreviated(profile: CommuneProfile, rng: Rng): string {
  const prefix = TYPE_ABBREVIATION[profile.unitType];
  // A bare "1 Bảo Lộc" is not something anyone types: numbered wards keep their prefix.
  if (prefix === "" || (rng.chance(0.3) && !/^\d/.test(profile.name))) return profile.name;
  return rng.chance(0.7) ? `${prefix} ${profile.name}` : `${prefix}${profile.name}`;
}

/** "Phường N" names that several pre-merger towns had, e.g. Đà Lạt's and Bảo Lộc's Phường 1. */
export function findAmbiguousWardNames(communes: ReferenceCommune[]): string[] {
  const towns = new Map<string, Set<string>>();
  for (const c of communes) {
    for (const match of c.formed_from.matchAll(/Phường (\d+) \(([^)]+)\)/gu)) {
      const key = `Phường ${match[1]}`;
      towns.set(key, (towns.get(key) ?? new Set()).add(match[2]!));
    }
  }
  return [...towns]
    .filter(([, qualifiers]) => qualifiers.size > 1)
    .map(([name]) => name)
    .sort();
}

export interface MessyNames {
  ambiguous: string[];
  unknown: string[];
  otherProvince: string[];
  /** Ethnic spelling variants by GSO code (the canonical name_vi is not among them). */
  ethnicVariants: Map<string, string[]>;
}

export function buildMessyNames(
  communes: ReferenceCommune[],
  foreignCommuneNames: string[],
  ethnicGroups: ReferenceEthnicGroup[],
): MessyNames {
  const ethnicVariants = new Map<string, string[]>();
  for (const group of ethnicGroups) {
    const variants = [
      ...group.name_vi_variants.split(";").map((v) => v.trim()),
      ...(EXTRA_ETHNIC_VARIANTS[group.code] ?? []),
    ].filter((v) => v !== "" && v !== group.name_vi);
    if (variants.length > 0) ethnicVariants.set(group.code, variants);
  }
  return {
    ambiguous: findAmbiguousWardNames(communes),
    unknown: UNKNOWN_COMMUNE_NAMES,
    otherProvince: foreignCommuneNames,
    ethnicVariants,
  };
}

const FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"];
const PLACEHOLDER_GIVEN = ["A", "B", "C", "D", "E", "G", "H", "K", "L", "M", "N"];

/** An obviously fake full name ("Nguyễn Thị B") and phone number ("0900000123"). */
export function fakePersonalData(rng: Rng, female: boolean): { name: string; phone: string } {
  const name = `${rng.pick(FAMILY_NAMES)} ${female ? "Thị" : "Văn"} ${rng.pick(PLACEHOLDER_GIVEN)}`;
  return { name, phone: `0900000${String(rng.int(0, 999)).padStart(3, "0")}` };
}
