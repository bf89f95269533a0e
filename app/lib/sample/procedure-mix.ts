// Which procedures people bring to the service center, which kind of help each needs, and how
// often each is filed per 1,000 residents. The rates are rough orders of magnitude for a commune
// center (births ≈ 14 per 1,000 a year, residence changes, VNeID level-2 campaigns…).
import { WeightedTable } from "./prng";
import type { ReferenceProcedure } from "./sample-reference";

export const HELP_TYPES = [
  "guidance",
  "form_filling",
  "vneid",
  "scanning",
  "payment",
  "other",
] as const;
export type HelpType = (typeof HELP_TYPES)[number];
export const AGE_BANDS = ["under_18", "18_34", "35_59", "60_plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

interface ProcedureTraits {
  /** Dossiers filed per 1,000 residents per month. */
  dossierRate: number;
  /** How much more (or less) often than its dossier share a case needs a volunteer. */
  helpFactor: number;
}

const TRAITS: Record<string, ProcedureTraits> = {
  "1.001193": { dossierRate: 0.55, helpFactor: 1.6 },
  "2.000986": { dossierRate: 0.4, helpFactor: 1.8 },
  "2.001023": { dossierRate: 0.2, helpFactor: 1.6 },
  "1.000689": { dossierRate: 0.03, helpFactor: 1.2 },
  "1.000894": { dossierRate: 0.5, helpFactor: 1 },
  "1.000656": { dossierRate: 0.45, helpFactor: 1.2 },
  "1.004873": { dossierRate: 0.7, helpFactor: 0.9 },
  "2.000635": { dossierRate: 1.0, helpFactor: 0.8 },
  "1.004837": { dossierRate: 0.01, helpFactor: 1 },
  "2.000815": { dossierRate: 4.0, helpFactor: 0.12 },
  "2.000884": { dossierRate: 0.8, helpFactor: 0.15 },
  "1.004222": { dossierRate: 1.2, helpFactor: 1.3 },
  "1.004194": { dossierRate: 1.4, helpFactor: 1.2 },
  "1.003197": { dossierRate: 0.5, helpFactor: 0.8 },
  "1.010028": { dossierRate: 0.25, helpFactor: 0.7 },
  "1.002755": { dossierRate: 0.25, helpFactor: 0.8 },
  "1.003677": { dossierRate: 0.25, helpFactor: 0.6 },
  "2.001159": { dossierRate: 0.6, helpFactor: 0.5 },
  "1.010038": { dossierRate: 0.25, helpFactor: 1 },
  "1.010041": { dossierRate: 1.2, helpFactor: 1.1 },
  "1.010039": { dossierRate: 0.5, helpFactor: 1 },
  "3.000228": { dossierRate: 2.2, helpFactor: 2.2 },
  "1.014061": { dossierRate: 0.6, helpFactor: 0.6 },
  "1.014062": { dossierRate: 0.6, helpFactor: 0.8 },
  "1.014063": { dossierRate: 0.8, helpFactor: 0.6 },
  "1.014064": { dossierRate: 0.25, helpFactor: 0.6 },
  "1.012566": { dossierRate: 0.35, helpFactor: 1 },
  "1.012564": { dossierRate: 0.35, helpFactor: 1.2 },
  "3.000333": { dossierRate: 0.8, helpFactor: 1.5 },
  "1.013978": { dossierRate: 0.3, helpFactor: 1.3 },
  "1.001612": { dossierRate: 0.25, helpFactor: 1 },
  "1.013067": { dossierRate: 1.0, helpFactor: 0.4 },
  "1.002759": { dossierRate: 0.45, helpFactor: 1 },
};
const DEFAULT_TRAITS: ProcedureTraits = { dossierRate: 0.2, helpFactor: 0.8 };

type HelpMix = ReadonlyArray<readonly [HelpType, number]>;
const HELP_BY_CATEGORY: Record<string, HelpMix> = {
  dinh_danh: [
    ["vneid", 60],
    ["form_filling", 15],
    ["guidance", 15],
    ["scanning", 5],
    ["other", 5],
  ],
  ho_tich: [
    ["form_filling", 35],
    ["guidance", 30],
    ["scanning", 15],
    ["vneid", 10],
    ["payment", 5],
    ["other", 5],
  ],
  cu_tru: [
    ["form_filling", 35],
    ["guidance", 30],
    ["scanning", 15],
    ["vneid", 12],
    ["payment", 3],
    ["other", 5],
  ],
  ly_lich_tu_phap: [
    ["form_filling", 35],
    ["payment", 25],
    ["guidance", 20],
    ["scanning", 10],
    ["vneid", 5],
    ["other", 5],
  ],
  chung_thuc: [
    ["scanning", 40],
    ["guidance", 40],
    ["form_filling", 10],
    ["other", 10],
  ],
  dat_dai: [
    ["guidance", 40],
    ["scanning", 25],
    ["form_filling", 20],
    ["payment", 10],
    ["other", 5],
  ],
};
const DEFAULT_HELP: HelpMix = [
  ["form_filling", 30],
  ["guidance", 30],
  ["payment", 20],
  ["scanning", 10],
  ["other", 10],
];
const VNEID_HELP: HelpMix = [
  ["vneid", 85],
  ["guidance", 10],
  ["other", 5],
];

type AgeMix = ReadonlyArray<readonly [AgeBand, number]>;
// The people helped are older than the population: the elderly are over-represented.
const DEFAULT_AGES: AgeMix = [
  ["under_18", 5],
  ["18_34", 27],
  ["35_59", 40],
  ["60_plus", 28],
];
const PARENT_AGES: AgeMix = [
  ["under_18", 2],
  ["18_34", 60],
  ["35_59", 30],
  ["60_plus", 8],
];
const AGES_BY_CODE: Record<string, AgeMix> = {
  "1.001193": PARENT_AGES,
  "2.000986": PARENT_AGES,
  "2.001023": PARENT_AGES,
  "1.000689": PARENT_AGES,
  "1.000894": PARENT_AGES,
  "1.014062": PARENT_AGES,
  "3.000228": [
    ["under_18", 6],
    ["18_34", 22],
    ["35_59", 36],
    ["60_plus", 36],
  ],
  "1.014061": [
    ["under_18", 25],
    ["18_34", 35],
    ["35_59", 25],
    ["60_plus", 15],
  ],
  "1.013978": [
    ["18_34", 15],
    ["35_59", 55],
    ["60_plus", 30],
  ],
  "1.000656": [
    ["18_34", 20],
    ["35_59", 50],
    ["60_plus", 30],
  ],
};

/** Procedures that are mostly done in person even where an online form exists. */
const IN_PERSON_CATEGORIES = new Set(["chung_thuc", "phuong_tien"]);

export interface ProcedureProfile {
  code: string;
  category: string;
  labelVi: string;
  dossierRate: number;
  helpFactor: number;
  /** Added to the month's online uptake for this procedure. */
  onlineShift: number;
  helpTable: WeightedTable<HelpType>;
  ageTable: WeightedTable<AgeBand>;
}

export function buildProcedureProfiles(procedures: ReferenceProcedure[]): ProcedureProfile[] {
  return procedures.map((p) => {
    const traits = TRAITS[p.code] ?? DEFAULT_TRAITS;
    const help =
      p.code === "3.000228" ? VNEID_HELP : (HELP_BY_CATEGORY[p.category] ?? DEFAULT_HELP);
    let onlineShift = 0.05;
    if (IN_PERSON_CATEGORIES.has(p.category)) onlineShift = -0.3;
    else if (!p.channel_online) onlineShift = -0.12;
    if (p.code === "3.000228") onlineShift = 0.2;
    return {
      code: p.code,
      category: p.category,
      labelVi: p.label_vi,
      dossierRate: traits.dossierRate,
      helpFactor: traits.helpFactor,
      onlineShift,
      helpTable: new WeightedTable(help),
      ageTable: new WeightedTable(AGES_BY_CODE[p.code] ?? DEFAULT_AGES),
    };
  });
}

/**
 * Which procedure a helped citizen came for, this month, in this kind of commune. VNeID
 * level-2 help fades as most adults get activated; the linked birth services grow.
 */
export function buildAssistedProcedureTable(
  procedures: ProcedureProfile[],
  monthIndex: number,
  rural: boolean,
): WeightedTable<ProcedureProfile> {
  const t = Math.min(monthIndex, 16) / 16;
  return new WeightedTable(
    procedures.map((p) => {
      let w = p.dossierRate * p.helpFactor;
      if (p.code === "3.000228") w *= 2.2 - 1.4 * t;
      if (p.code === "2.000986" || p.code === "2.001023") w *= 0.6 + 0.8 * t;
      if (p.category === "dat_dai") w *= rural ? 1.6 : 0.5;
      if (p.code === "1.004194" || p.code === "2.001159") w *= rural ? 0.7 : 1.5;
      return [p, w] as const;
    }),
  );
}
