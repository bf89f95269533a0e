// The volume model of the sample: everything the row generators share, built once from the
// options and the reference data. Counts are defined per commune × day by a formula and a
// PRNG stream keyed on (seed, commune, day), so assistance and shift rows can be generated
// independently and still agree.
import { buildCommuneProfiles, type CommuneProfile } from "./commune-profile";
import { createRng, type WeightedTable } from "./prng";
import {
  buildAssistedProcedureTable,
  buildProcedureProfiles,
  type ProcedureProfile,
} from "./procedure-mix";
import {
  dayDemandWeight,
  listSampleMonths,
  monthVolumeLevel,
  onlineUptake,
  toLocalMinute,
  type SampleDay,
  type SampleMonth,
} from "./sample-calendar";
import type { SampleReference } from "./sample-reference";
import { buildVolunteerRoster, type CommuneRoster } from "./volunteer-roster";

/** At scale 1: 100,000 assistance records for Lâm Đồng's 124 communes over 17 months. */
export const CASES_PER_COMMUNE_MONTH = 100_000 / (124 * 17);
const CANONICAL_MONTHS = 17;

export interface SamplePlanOptions {
  seed: number;
  /** Multiplies the volume of assistance records (and so of shifts). */
  scale: number;
  months: number;
  /** Nothing is generated after this instant; the month containing it is partial. */
  now: Date;
}

export interface SamplePlan {
  options: SamplePlanOptions;
  reference: SampleReference;
  provinceCode: string;
  /** Record-id prefix from the province's code name: lam_dong → "LD". */
  recordPrefix: string;
  months: SampleMonth[];
  nowMinute: number;
  profiles: CommuneProfile[];
  rosters: Map<string, CommuneRoster>;
  procedures: ProcedureProfile[];
  /** Expected records per commune in a settled month (before month level and noise). */
  baseIntensity: number[];
  /** Month index from which a commune's volunteers log nothing (the "needs attention" cases). */
  dormantFrom: Map<string, number>;
  /** Month index before which a commune had no team yet. */
  activeFrom: Map<string, number>;
  procedureTables: Map<string, WeightedTable<ProcedureProfile>>;
}

export function recordPrefixOf(codeName: string): string {
  return codeName
    .split("_")
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

export function buildSamplePlan(
  reference: SampleReference,
  options: SamplePlanOptions,
): SamplePlan {
  const { seed } = options;
  const profiles = buildCommuneProfiles(reference, seed);
  const rosters = buildVolunteerRoster(profiles, seed, reference.province.code);
  const months = listSampleMonths(options.months);
  // Sub-linear in population (one center, a few volunteers), more per head where people are
  // remote or speak a minority language.
  const raw = profiles.map((p) => {
    const activity = rosters.get(p.code)?.activity ?? 1;
    return (
      Math.pow(p.demandPopulation, 0.6) *
      (1 + 1.0 * p.minorityShare + 0.6 * p.remoteness) *
      activity
    );
  });
  let canonicalLevel = 0;
  for (let i = 0; i < CANONICAL_MONTHS; i++) canonicalLevel += monthVolumeLevel(i);
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const target = CASES_PER_COMMUNE_MONTH * profiles.length * CANONICAL_MONTHS * options.scale;
  const k = target / (rawSum * canonicalLevel);
  const baseIntensity = raw.map((r) => r * k);

  const dormantFrom = new Map<string, number>();
  const activeFrom = new Map<string, number>();
  const lifecycleRng = createRng(seed, "lifecycle");
  if (months.length >= 3) {
    const dormantCount = Math.max(1, Math.round(0.05 * profiles.length));
    const candidates = profiles.map((p) => p.code); // in code order, as the reference is
    for (let n = 0; n < dormantCount && candidates.length > 0; n++) {
      const code = candidates.splice(lifecycleRng.int(0, candidates.length - 1), 1)[0]!;
      dormantFrom.set(code, months.length - lifecycleRng.int(1, 2));
    }
    const lateCount = Math.round(0.06 * profiles.length);
    for (let n = 0; n < lateCount && candidates.length > 0; n++) {
      const code = candidates.splice(lifecycleRng.int(0, candidates.length - 1), 1)[0]!;
      activeFrom.set(code, lifecycleRng.int(1, 3));
    }
  }

  const procedures = buildProcedureProfiles(reference.procedures);
  const procedureTables = new Map<string, WeightedTable<ProcedureProfile>>();
  for (const month of months) {
    for (const rural of [true, false]) {
      procedureTables.set(
        `${month.index}:${rural}`,
        buildAssistedProcedureTable(procedures, month.index, rural),
      );
    }
  }

  return {
    options,
    reference,
    provinceCode: reference.province.code,
    recordPrefix: recordPrefixOf(reference.province.code_name),
    months,
    nowMinute: toLocalMinute(options.now),
    profiles,
    rosters,
    procedures,
    baseIntensity,
    dormantFrom,
    activeFrom,
    procedureTables,
  };
}

export function isCommuneActive(plan: SamplePlan, code: string, monthIndex: number): boolean {
  return (
    monthIndex >= (plan.activeFrom.get(code) ?? 0) &&
    monthIndex < (plan.dormantFrom.get(code) ?? Number.POSITIVE_INFINITY)
  );
}

/** Expected assistance records of one commune in one month. */
export function expectedCommuneMonth(
  plan: SamplePlan,
  communeIndex: number,
  month: SampleMonth,
): number {
  const profile = plan.profiles[communeIndex]!;
  if (!isCommuneActive(plan, profile.code, month.index)) return 0;
  const rng = createRng(plan.options.seed, "commune-month", profile.code, month.key);
  return (plan.baseIntensity[communeIndex] ?? 0) * monthVolumeLevel(month.index) * rng.noise(0.15);
}

const monthWeightCache = new WeakMap<SampleMonth, number>();
function monthDemandWeight(month: SampleMonth): number {
  let total = monthWeightCache.get(month);
  if (total === undefined) {
    total = month.days.reduce((sum, day) => sum + dayDemandWeight(day), 0);
    monthWeightCache.set(month, total);
  }
  return total;
}

/** Assistance records of one commune on one day (before the --now cut). */
export function countCommuneDay(
  plan: SamplePlan,
  communeIndex: number,
  month: SampleMonth,
  day: SampleDay,
  monthExpectation: number,
): number {
  if (monthExpectation <= 0) return 0;
  const profile = plan.profiles[communeIndex]!;
  const rng = createRng(plan.options.seed, "commune-day", profile.code, day.iso);
  const expected = (monthExpectation * dayDemandWeight(day)) / monthDemandWeight(month);
  return Math.floor(expected * rng.noise(0.35) + rng.next());
}

/** Probability that a case of this procedure, in this commune and month, is submitted online. */
export function onlineProbability(
  profile: CommuneProfile,
  procedure: ProcedureProfile,
  monthIndex: number,
): number {
  const p =
    onlineUptake(monthIndex) +
    0.1 * (1 - profile.remoteness) -
    0.15 * profile.minorityShare +
    procedure.onlineShift -
    0.05;
  return Math.min(0.97, Math.max(0.03, p));
}
