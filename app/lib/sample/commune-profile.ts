// Per-commune traits of the synthetic sample: remoteness, minority share, ethnic mix and age/sex
// structure. None of this is measured; it is a documented heuristic (docs/sample-data.md) that
// gives the dashboard believable contrasts: highland and minority communes need more help per
// head, Bình Thuận's coastal wards almost none in minority languages.
import { removeDiacritics } from "./messy-values";
import { createRng } from "./prng";
import type { ReferenceCommune, SampleReference } from "./sample-reference";

export type SampleRegion = "old_lam_dong" | "old_dak_nong" | "old_binh_thuan" | "other";

export interface CommuneProfile {
  code: string;
  name: string;
  fullName: string;
  unitType: ReferenceCommune["unit_type"];
  region: SampleRegion;
  /** Reference population, or null when the reference has none. */
  population: number | null;
  /** Population used to size demand; suspect tiny values (e.g. 731) are floored. */
  demandPopulation: number;
  /** 0 (dense ward) … 1 (sparse upland or island commune). */
  remoteness: number;
  minorityShare: number;
  /** Minority groups by GSO code with relative weights (Kinh is the remainder). */
  minorityMix: ReadonlyArray<readonly [string, number]>;
  elderlyShare: number;
  femaleShare: number;
  /** Pre-July-2025 unit names that point to this commune alone. */
  oldNames: string[];
}

// Lâm Đồng (68) absorbed Đắk Nông and Bình Thuận on 1/7/2025; their communes kept the GSO
// code ranges of the old provinces.
function regionOf(commune: ReferenceCommune): SampleRegion {
  if (commune.province_code !== "68") return "other";
  const code = Number(commune.code);
  if (code < 24000) return "old_binh_thuan";
  if (code < 24770) return "old_dak_nong";
  return "old_lam_dong";
}

const apostrophes = /[’‘`´]/g;
const plain = (text: string) => text.replace(apostrophes, "'");
const haystackOf = (c: ReferenceCommune) => plain(`${c.name}, ${c.formed_from}`);

// Place names of the highlands and of Bình Thuận's Chăm and Raglai areas. A hit in the commune's
// own name scores 2, in the names of the units merged into it 1; names carrying an apostrophe
// (K'Nớ, R'Măng, N'Thôn…) are minority-language toponyms and score 1 more; the score is capped at 4.
const MINORITY_PLACE_KEYWORDS = [
  "Lạc Dương",
  "Đam Rông",
  "Đạ ",
  "Đắk ",
  "Krông",
  "Nâm ",
  "Buôn ",
  "Ea ",
  "Tuy Đức",
  "Quảng Trực",
  "Quảng Sơn",
  "Quảng Hoà",
  "Quảng Khê",
  "Tà Đùng",
  "Quảng Tân",
  "Quảng Tín",
  "Trường Xuân",
  "Lát",
  "Liêng",
  "Rô Men",
  "Di Linh",
  "Gia Hiệp",
  "Sơn Điền",
  "Gia Bắc",
  "Đinh Trang Thượng",
  "Tà Năng",
  "Tà Hine",
  "Đa Quyn",
  "Đơn Dương",
  "Tu Tra",
  "Ka Đô",
  "Ka Đơn",
  "Bảo Lâm",
  "Lộc Bắc",
  "Lộc Bảo",
  "Đồng Nai Thượng",
  "Phan Sơn",
  "Phan Dũng",
  "Phan Hiệp",
  "Phan Hòa",
  "Phan Thanh",
  "Hàm Trí",
  "Hàm Phú",
  "La Dạ",
  "Đông Giang",
  "Đa Mi",
  "Mê Pu",
  "Đa Kai",
  "Măng Tố",
];

type EthnicMix = ReadonlyArray<readonly [string, number]>;

interface MixRule {
  region: SampleRegion;
  keywords: string[];
  mix: EthnicMix;
}

// GSO codes: 02 Tày, 03 Thái, 06 Hoa, 07 Nùng, 08 Mông, 09 Dao, 11 Ê Đê, 14 Chăm, 15 Cơ Ho,
// 19 Ra Glai, 20 Mnông, 22 Xtiêng, 28 Mạ, 31 Chơ Ro, 34 Chu Ru. First matching rule wins.
const MIX_RULES: MixRule[] = [
  {
    region: "old_lam_dong",
    keywords: ["Đam Rông", "Đưng K", "Phi Liêng", "Liêng Srônh", "Rô Men", "Đạ M'Rông"],
    mix: [
      ["20", 40],
      ["15", 45],
      ["02", 5],
      ["07", 5],
      ["08", 5],
    ],
  },
  {
    region: "old_lam_dong",
    keywords: [
      "Đơn Dương",
      "Tu Tra",
      "Ka Đô",
      "Ka Đơn",
      "Quảng Lập",
      "D'Ran",
      "Lạc Xuân",
      "Tà Năng",
      "Đa Quyn",
    ],
    mix: [
      ["34", 55],
      ["15", 35],
      ["02", 4],
      ["07", 3],
      ["06", 3],
    ],
  },
  {
    region: "old_lam_dong",
    keywords: [
      "Bảo Lâm",
      "Bảo Lộc",
      "B'Lao",
      "Lộc ",
      "Đạ Huoai",
      "Đạ Tẻh",
      "Cát Tiên",
      "Mađaguôi",
      "Bà Gia",
      "Đồng Nai Thượng",
      "Quốc Oai",
    ],
    mix: [
      ["28", 45],
      ["15", 30],
      ["02", 7],
      ["07", 7],
      ["06", 5],
      ["22", 3],
      ["03", 3],
    ],
  },
  {
    region: "old_lam_dong",
    keywords: [],
    mix: [
      ["15", 55],
      ["28", 10],
      ["34", 6],
      ["20", 5],
      ["02", 7],
      ["07", 7],
      ["06", 4],
      ["11", 2],
      ["08", 2],
      ["09", 2],
    ],
  },
  {
    region: "old_dak_nong",
    keywords: [
      "Quảng Sơn",
      "Quảng Hoà",
      "Quảng Khê",
      "Tà Đùng",
      "Đắk Plao",
      "Đắk Som",
      "Đắk R'Măng",
    ],
    mix: [
      ["28", 35],
      ["20", 30],
      ["08", 12],
      ["09", 8],
      ["02", 8],
      ["07", 7],
    ],
  },
  {
    region: "old_dak_nong",
    keywords: ["Tuy Đức", "Quảng Trực", "Quảng Tân", "Đắk R'Tíh", "Đắk Búk So", "Đắk Ngo"],
    mix: [
      ["20", 50],
      ["22", 10],
      ["08", 12],
      ["02", 10],
      ["07", 10],
      ["09", 8],
    ],
  },
  {
    region: "old_dak_nong",
    keywords: ["Cư Jút", "Ea ", "Cư K", "Trúc Sơn"],
    mix: [
      ["11", 30],
      ["20", 25],
      ["02", 15],
      ["07", 15],
      ["03", 8],
      ["08", 7],
    ],
  },
  {
    region: "old_dak_nong",
    keywords: [],
    mix: [
      ["20", 45],
      ["02", 12],
      ["07", 12],
      ["08", 10],
      ["11", 6],
      ["09", 6],
      ["28", 6],
      ["03", 3],
    ],
  },
  {
    region: "old_binh_thuan",
    keywords: [
      "Phan Hiệp",
      "Phan Hòa",
      "Phan Thanh",
      "Bắc Bình",
      "Lương Sơn",
      "Hàm Trí",
      "Hàm Phú",
      "Phước Thể",
      "Phan Rí",
      "Chợ Lầu",
      "Hòa Minh",
    ],
    mix: [
      ["14", 80],
      ["19", 8],
      ["06", 7],
      ["15", 5],
    ],
  },
  {
    region: "old_binh_thuan",
    keywords: [
      "Phan Sơn",
      "Phan Dũng",
      "Phan Lâm",
      "Tuy Phong",
      "Hàm Cần",
      "Mỹ Thạnh",
      "Sông Phan",
      "Hồng Phong",
    ],
    mix: [
      ["19", 70],
      ["15", 15],
      ["14", 10],
      ["06", 5],
    ],
  },
  {
    region: "old_binh_thuan",
    keywords: [
      "La Dạ",
      "Đa Mi",
      "Đông Giang",
      "Đông Tiến",
      "Mê Pu",
      "Đa Kai",
      "Măng Tố",
      "Suối Kiết",
      "Gia Huynh",
      "Sùng Nhơn",
    ],
    mix: [
      ["15", 60],
      ["19", 12],
      ["31", 8],
      ["02", 8],
      ["07", 7],
      ["14", 5],
    ],
  },
  {
    region: "old_binh_thuan",
    keywords: [],
    mix: [
      ["14", 35],
      ["06", 20],
      ["19", 20],
      ["15", 15],
      ["02", 4],
      ["07", 4],
      ["31", 2],
    ],
  },
  {
    region: "other",
    keywords: [],
    mix: [
      ["02", 20],
      ["03", 20],
      ["04", 15],
      ["05", 15],
      ["06", 10],
      ["07", 10],
      ["08", 5],
      ["09", 5],
    ],
  },
];

// Urban wards of the Bình Thuận coast: the minority population there is mostly Hoa.
const COASTAL_WARD_MIX: EthnicMix = [
  ["06", 65],
  ["14", 20],
  ["15", 5],
  ["19", 5],
  ["02", 5],
];

const REGION_BASE_SHARE: Record<SampleRegion, Record<ReferenceCommune["unit_type"], number>> = {
  old_lam_dong: { phuong: 0.04, xa: 0.12, dac_khu: 0.01 },
  old_dak_nong: { phuong: 0.05, xa: 0.12, dac_khu: 0.01 },
  old_binh_thuan: { phuong: 0.01, xa: 0.02, dac_khu: 0.002 },
  other: { phuong: 0.03, xa: 0.1, dac_khu: 0.01 },
};

/** Keyword hits in the current name weigh double those among the merged units' names. */
function keywordScore(name: string, formedFrom: string): number {
  let score = 0;
  for (const keyword of MINORITY_PLACE_KEYWORDS) {
    if (name.includes(keyword)) score += 2;
    else if (formedFrom.includes(keyword)) score += 1;
  }
  if (`${name} ${formedFrom}`.includes("'")) score += 1;
  return Math.min(score, 4);
}

/** 0 for ≥ 3,000 people/km², 1 for ≤ 30/km², log-linear between; islands count as remote. */
function remotenessOf(commune: ReferenceCommune, demandPopulation: number): number {
  const area = commune.area_km2 && commune.area_km2 > 0 ? commune.area_km2 : 100;
  const density = demandPopulation / area;
  let r = (Math.log10(3000) - Math.log10(Math.max(density, 1))) / 2;
  if (commune.unit_type === "phuong") r -= 0.15;
  if (commune.unit_type === "xa") r += 0.1;
  if (commune.unit_type === "dac_khu") r += 0.4;
  return Math.min(1, Math.max(0, r));
}

const OLD_UNIT_PATTERN = /^(Phường|Xã|Thị trấn) [^,()]+( \([^)]+\))?$/iu;
const stripBaseName = (full: string) =>
  full
    .replace(/^(Phường|Xã|Thị trấn|Đặc khu)\s+/iu, "")
    .replace(/\s*\(.*\)$/u, "")
    .trim();

/** Case, diacritics, tone placement (Hòa/Hoà) and apostrophe style do not make a new name. */
const foldName = (text: string) => removeDiacritics(plain(text)).toLowerCase();

/**
 * Old unit names usable in a messy row: they must name exactly one successor, must differ from
 * every current name and from their successor's own name by more than spelling, and must not be
 * a bare number like "Phường 3" (with its old town, "Phường 1 (thành phố Đà Lạt)", it is fine).
 */
function findUnambiguousOldNames(communes: ReferenceCommune[]): Map<string, string[]> {
  const items = (c: ReferenceCommune) =>
    c.formed_from
      .split(",")
      .map((raw) => raw.trim())
      .filter((item) => OLD_UNIT_PATTERN.test(item));
  const owners = new Map<string, Set<string>>();
  for (const c of communes) {
    for (const item of items(c)) {
      const key = foldName(item);
      owners.set(key, (owners.get(key) ?? new Set()).add(c.code));
    }
  }
  const currentNames = new Set(communes.map((c) => foldName(c.full_name)));
  const result = new Map<string, string[]>();
  for (const c of communes) {
    const names: string[] = [];
    for (const item of items(c)) {
      const key = foldName(item);
      const base = stripBaseName(item);
      if (owners.get(key)?.size !== 1 || currentNames.has(key)) continue;
      if (foldName(base) === foldName(c.name)) continue;
      if (/^\d+$/.test(base) && !item.includes("(")) continue;
      // "xã Bà Gia" in the reference: write the prefix as an export would.
      names.push(item.charAt(0).toLocaleUpperCase("vi") + item.slice(1));
    }
    result.set(c.code, names);
  }
  return result;
}

export function buildCommuneProfiles(reference: SampleReference, seed: number): CommuneProfile[] {
  const oldNames = findUnambiguousOldNames(reference.communes);
  return reference.communes.map((c) => {
    const rng = createRng(seed, "commune-profile", c.code);
    const region = regionOf(c);
    const demandPopulation = Math.max(c.population ?? 0, 6000);
    const remoteness = remotenessOf(c, demandPopulation);
    const haystack = haystackOf(c);
    const share =
      (REGION_BASE_SHARE[region][c.unit_type] +
        0.08 * keywordScore(plain(c.name), plain(c.formed_from)) +
        (region === "old_binh_thuan" ? 0.03 : 0.1) * remoteness) *
      (0.85 + 0.3 * rng.next());
    const minorityShare = Math.min(0.92, Math.max(0.003, share));
    const rule = MIX_RULES.find(
      (r) =>
        r.region === region &&
        (r.keywords.length === 0 || r.keywords.some((k) => haystack.includes(k))),
    );
    const minorityMix =
      region === "old_binh_thuan" && c.unit_type === "phuong"
        ? COASTAL_WARD_MIX
        : (rule?.mix ?? []);
    return {
      code: c.code,
      name: c.name,
      fullName: c.full_name,
      unitType: c.unit_type,
      region,
      population: c.population,
      demandPopulation,
      remoteness,
      minorityShare,
      minorityMix,
      // Upland minority communes are younger; towns and the coast older.
      elderlyShare: 0.135 - 0.05 * minorityShare + (rng.next() - 0.5) * 0.02,
      femaleShare: 0.497 + (rng.next() - 0.5) * 0.016,
      oldNames: oldNames.get(c.code) ?? [],
    };
  });
}
