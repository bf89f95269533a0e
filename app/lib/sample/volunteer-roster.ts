// Volunteer teams and pseudonymous volunteers of the sample: about 1.1 teams and 22 volunteers
// per commune, with heavy-tailed activity so a few teams (and a few people in each team) do
// most of the work, as in real youth-union rosters.
import type { CommuneProfile } from "./commune-profile";
import { WeightedTable, createRng, type Rng } from "./prng";

export const TEAMS_PER_COMMUNE = 1.1;
export const VOLUNTEERS_PER_COMMUNE = 22;

export interface SampleVolunteer {
  id: string;
  team: string;
  weight: number;
}

export interface SampleTeam {
  name: string;
  communeCode: string;
  /** Log-normal activity weight (σ = 0.9): a few teams are several times busier than most. */
  weight: number;
  volunteers: SampleVolunteer[];
}

export interface CommuneRoster {
  communeCode: string;
  teams: SampleTeam[];
  /** Sum of the teams' weights: scales the commune's volume of help. */
  activity: number;
  /** Who helps when no shift was logged: every volunteer of the commune, by weight. */
  volunteerTable: WeightedTable<SampleVolunteer>;
}

/** Split `total` in proportion to `weights`, at least `min` each (largest remainder). */
function apportion(total: number, weights: number[], min: number): number[] {
  const free = Math.max(0, total - min * weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const counts = exact.map((x) => min + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]![1];
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function shuffledIds(count: number, rng: Rng): number[] {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

export function buildVolunteerRoster(
  profiles: CommuneProfile[],
  seed: number,
  provinceCode: string,
): Map<string, CommuneRoster> {
  const n = profiles.length;
  const teamCounts = profiles.map(() => 1);
  // Extra teams go to the most populous communes (the busiest service centers).
  const bySize = profiles
    .map((p, i) => [p.demandPopulation, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const extraTeams = Math.round(TEAMS_PER_COMMUNE * n) - n;
  for (let k = 0; k < extraTeams; k++) {
    const i = bySize[k % n]![1];
    teamCounts[i] = (teamCounts[i] ?? 1) + 1;
  }
  const volunteerCounts = apportion(
    Math.round(VOLUNTEERS_PER_COMMUNE * n),
    profiles.map((p) => Math.sqrt(p.demandPopulation) * (1 + 0.5 * p.remoteness)),
    6,
  );
  const idRng = createRng(seed, "volunteer-ids");
  const ids = shuffledIds(
    volunteerCounts.reduce((a, b) => a + b, 0),
    idRng,
  );
  let nextId = 0;
  const usedNames = new Set<string>();
  const rosters = new Map<string, CommuneRoster>();
  profiles.forEach((profile, i) => {
    const rng = createRng(seed, "roster", profile.code);
    const teamCount = teamCounts[i] ?? 1;
    const perTeam = apportion(volunteerCounts[i] ?? 6, new Array<number>(teamCount).fill(1), 3);
    // "Lang Biang - Đà Lạt" → "Đội TN Lang Biang 1"; "1 Bảo Lộc" → "Đội TN Phường 1 Bảo Lộc 1";
    // a name ending in a digit gets a dash: "Đội TN Đam Rông 4 - 1".
    let shortName = profile.name.split(" - ")[0] ?? profile.name;
    if (/^\d/.test(shortName)) shortName = `${profile.fullName.split(" ")[0]} ${shortName}`;
    const separator = /\d$/.test(shortName) ? " - " : " ";
    const teams: SampleTeam[] = perTeam.map((size, t) => {
      let name = `Đội TN ${shortName}${separator}${t + 1}`;
      if (usedNames.has(name)) name = `${name} (${profile.code})`;
      usedNames.add(name);
      const volunteers = Array.from({ length: size }, (_, rank) => ({
        id: `TNV-${provinceCode}-${String(ids[nextId++]).padStart(5, "0")}`,
        team: name,
        // Zipf-like within a team: the leader and a few regulars log most cases.
        weight: (1 / Math.pow(rank + 1, 1.1)) * rng.noise(0.3),
      }));
      return { name, communeCode: profile.code, weight: rng.noise(0.9), volunteers };
    });
    const volunteerTable = new WeightedTable(
      teams.flatMap((team) => team.volunteers.map((v) => [v, v.weight * team.weight] as const)),
    );
    rosters.set(profile.code, {
      communeCode: profile.code,
      teams,
      activity: teams.reduce((sum, team) => sum + team.weight, 0),
      volunteerTable,
    });
  });
  return rosters;
}
