// Monthly dossier statistics of the commune service centers: per commune × common procedure,
// dossiers received (and how many online), resolved, and resolved on time. The month holding
// --now is reported month-to-date. One month is later re-sent with corrected figures for a few
// communes whose first report under-counted online dossiers.
import { removeDiacritics } from "./messy-values";
import { createRng } from "./prng";
import { monthVolumeLevel, type SampleMonth } from "./sample-calendar";
import { onlineProbability, type SamplePlan } from "./sample-plan";

export const DOSSIER_COLUMNS = [
  "commune",
  "month",
  "procedure",
  "received_total",
  "received_online",
  "resolved_total",
  "resolved_on_time",
];

export interface DossierRecord {
  communeCode: string;
  commune: string;
  procedureCode: string;
  receivedTotal: number;
  receivedOnline: number;
  resolvedTotal: number;
  resolvedOnTime: number;
  anomaly: "commune_no_diacritics" | null;
}

/** Share of communes whose first report of the corrected month was wrong. */
const CORRECTED_COMMUNE_SHARE = 0.08;

/** Which communes' figures the correction file replaces (sorted codes). */
export function selectCorrectedCommunes(plan: SamplePlan, month: SampleMonth): string[] {
  const rng = createRng(plan.options.seed, "dossier-correction", month.key);
  const codes = plan.profiles.map((p) => p.code);
  const count = Math.max(2, Math.round(CORRECTED_COMMUNE_SHARE * codes.length));
  const chosen: string[] = [];
  while (chosen.length < Math.min(count, codes.length)) {
    chosen.push(codes.splice(rng.int(0, codes.length - 1), 1)[0]!);
  }
  return chosen.sort();
}

/** Fraction of the month elapsed by --now (1 for a finished month). */
function elapsedShare(plan: SamplePlan, month: SampleMonth): number {
  const first = month.days[0]!.startMinute;
  const span = month.days.length * 1440;
  return Math.min(1, Math.max(0, (plan.nowMinute - first) / span));
}

/**
 * The month's figures. `version` "first" is what the centers sent at month end, with the
 * under-count in `correctedCommunes`; "corrected" is only those communes, with true figures.
 */
export function* generateMonthDossiers(
  plan: SamplePlan,
  month: SampleMonth,
  version: "first" | "corrected" = "first",
  correctedCommunes: readonly string[] = [],
): Generator<DossierRecord> {
  const share = elapsedShare(plan, month);
  if (share <= 0) return;
  const corrected = new Set(correctedCommunes);
  const messyRng = createRng(plan.options.seed, "dossier-messiness", month.key, version);
  // Dossier volume is steadier than volunteer help: centers work whether or not volunteers do.
  const level = 0.9 + 0.1 * monthVolumeLevel(month.index);
  const early = Math.max(0, 1 - month.index / 8);
  for (const profile of plan.profiles) {
    const wrong = corrected.has(profile.code);
    if (version === "corrected" && !wrong) continue;
    for (const procedure of plan.procedures) {
      const rng = createRng(plan.options.seed, "dossiers", profile.code, month.key, procedure.code);
      const expected = (procedure.dossierRate * profile.demandPopulation * level * share) / 1000;
      const receivedTotal = rng.poisson(expected * rng.noise(0.2));
      if (receivedTotal === 0) continue;
      let receivedOnline = rng.binomial(
        receivedTotal,
        onlineProbability(profile, procedure, month.index),
      );
      const resolvedTotal = rng.binomial(receivedTotal, 0.88 + 0.1 * rng.next());
      const onTime = rng.binomial(resolvedTotal, 0.97 - 0.08 * profile.remoteness - 0.04 * early);
      // The first report counted only dossiers filed on the provincial portal, not VNeID ones.
      if (version === "first" && wrong) receivedOnline = Math.floor(receivedOnline * 0.55);
      const messy = messyRng.chance(0.003);
      yield {
        communeCode: profile.code,
        commune: messy ? removeDiacritics(profile.fullName) : profile.fullName,
        procedureCode: procedure.code,
        receivedTotal,
        receivedOnline,
        resolvedTotal,
        resolvedOnTime: onTime,
        anomaly: messy ? "commune_no_diacritics" : null,
      };
    }
  }
}

/** `monthFormat` "mm/yyyy" mimics a center that exports the month as 07/2025. */
export function formatDossierRecord(
  record: DossierRecord,
  month: SampleMonth,
  monthFormat: "iso" | "mm/yyyy" = "iso",
): string[] {
  const monthText =
    monthFormat === "iso" ? month.key : `${String(month.month).padStart(2, "0")}/${month.year}`;
  return [
    record.commune,
    monthText,
    record.procedureCode,
    String(record.receivedTotal),
    String(record.receivedOnline),
    String(record.resolvedTotal),
    String(record.resolvedOnTime),
  ];
}
