// Volunteer shifts at the commune service centers. Presence loosely follows the day's demand
// (about one shift per six cases), with gaps: days with cases and no shift logged, and quiet
// days with a volunteer present and nobody helped.
import { removeDiacritics } from "./messy-values";
import { createRng } from "./prng";
import { formatClock, type SampleDay, type SampleMonth } from "./sample-calendar";
import { countCommuneDay, expectedCommuneMonth, type SamplePlan } from "./sample-plan";
import type { SampleVolunteer } from "./volunteer-roster";

export const SHIFT_COLUMNS = [
  "shift_id",
  "volunteer_id",
  "team",
  "commune",
  "date",
  "start",
  "end",
];

const CASES_PER_SHIFT = 6;
const MORNING = [450, 690] as const; // 07:30–11:30
const AFTERNOON = [810, 1020] as const; // 13:30–17:00

export interface ShiftDraft {
  volunteer: SampleVolunteer;
  startMinute: number;
  endMinute: number;
}

export interface ShiftRecord {
  shiftId: string;
  volunteerId: string;
  team: string;
  communeCode: string;
  commune: string;
  date: string;
  start: string;
  end: string;
  anomaly: "commune_no_diacritics" | null;
}

/** The shifts one commune logged on one day, given that day's number of cases. */
export function draftCommuneDayShifts(
  plan: SamplePlan,
  communeIndex: number,
  day: SampleDay,
  caseCount: number,
): ShiftDraft[] {
  const profile = plan.profiles[communeIndex]!;
  const roster = plan.rosters.get(profile.code)!;
  const rng = createRng(plan.options.seed, "shifts", profile.code, day.iso);
  const workday = !day.holiday && day.weekday >= 1 && day.weekday <= 5;
  let count: number;
  if (caseCount === 0) count = workday && rng.chance(0.1) ? 1 : 0;
  else if (rng.chance(0.1)) count = 0;
  else count = Math.max(1, Math.round((caseCount / CASES_PER_SHIFT) * rng.noise(0.3)));
  count = Math.min(count, 8);
  const drafts: ShiftDraft[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < count; k++) {
    const volunteer = roster.volunteerTable.draw(rng);
    if (seen.has(volunteer.id)) continue;
    seen.add(volunteer.id);
    let window: readonly [number, number];
    if (day.holiday || day.weekday === 0) window = [480, 660];
    else if (day.weekday === 6) window = MORNING;
    else {
      const slot = rng.next();
      window = slot < 0.5 ? MORNING : slot < 0.85 ? AFTERNOON : [MORNING[0], AFTERNOON[1]];
    }
    drafts.push({
      volunteer,
      startMinute: window[0] + rng.pick([0, 0, 0, 15, 30]),
      endMinute: window[1] + rng.pick([0, 0, -15, 15, 30]),
    });
  }
  return drafts;
}

/** All shifts of a month that ended by --now, in date and start order. */
export function* generateMonthShifts(plan: SamplePlan, month: SampleMonth): Generator<ShiftRecord> {
  const expectations = plan.profiles.map((_, i) => expectedCommuneMonth(plan, i, month));
  const messyRng = createRng(plan.options.seed, "shift-messiness", month.key);
  let sequence = 0;
  for (const day of month.days) {
    if (day.startMinute > plan.nowMinute) break;
    const dayShifts: Array<ShiftDraft & { communeIndex: number }> = [];
    plan.profiles.forEach((_, i) => {
      const expected = expectations[i] ?? 0;
      if (expected <= 0) return;
      const cases = countCommuneDay(plan, i, month, day, expected);
      for (const draft of draftCommuneDayShifts(plan, i, day, cases)) {
        if (day.startMinute + draft.endMinute <= plan.nowMinute) {
          dayShifts.push({ ...draft, communeIndex: i });
        }
      }
    });
    dayShifts.sort(
      (a, b) =>
        a.startMinute - b.startMinute ||
        a.communeIndex - b.communeIndex ||
        a.volunteer.id.localeCompare(b.volunteer.id),
    );
    for (const shift of dayShifts) {
      sequence++;
      const profile = plan.profiles[shift.communeIndex]!;
      // A few shift sheets type the commune without diacritics.
      const messy = messyRng.chance(0.005);
      yield {
        shiftId: `CA-${plan.recordPrefix}-${month.key}-${String(sequence).padStart(5, "0")}`,
        volunteerId: shift.volunteer.id,
        team: shift.volunteer.team,
        communeCode: profile.code,
        commune: messy ? removeDiacritics(profile.fullName) : profile.fullName,
        date: day.iso,
        start: formatClock(shift.startMinute),
        end: formatClock(shift.endMinute),
        anomaly: messy ? "commune_no_diacritics" : null,
      };
    }
  }
}

export function formatShiftRecord(record: ShiftRecord): string[] {
  return [
    record.shiftId,
    record.volunteerId,
    record.team,
    record.commune,
    record.date,
    record.start,
    record.end,
  ];
}
