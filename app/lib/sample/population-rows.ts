// Population profile per commune for 2025: the reference population (kept even where the
// reference flags it as suspect) split by the sample's minority, elderly and female shares.
import type { SamplePlan } from "./sample-plan";

export const POPULATION_COLUMNS = [
  "commune",
  "year",
  "population_total",
  "population_minority",
  "population_elderly",
  "population_female",
];

export const POPULATION_YEAR = 2025;

export interface PopulationRecord {
  communeCode: string;
  year: number;
  populationTotal: number;
  populationMinority: number;
  populationElderly: number;
  populationFemale: number;
}

export function generatePopulationRecords(plan: SamplePlan): PopulationRecord[] {
  return plan.profiles
    .filter((p) => p.population !== null && p.population > 0)
    .map((p) => {
      const total = p.population!;
      return {
        communeCode: p.code,
        year: POPULATION_YEAR,
        populationTotal: total,
        populationMinority: Math.round(total * p.minorityShare),
        populationElderly: Math.round(total * p.elderlyShare),
        populationFemale: Math.round(total * p.femaleShare),
      };
    });
}

/** The statistics office identifies communes by their GSO code. */
export function formatPopulationRecord(record: PopulationRecord): string[] {
  return [
    record.communeCode,
    String(record.year),
    String(record.populationTotal),
    String(record.populationMinority),
    String(record.populationElderly),
    String(record.populationFemale),
  ];
}
