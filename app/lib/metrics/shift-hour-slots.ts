// Volunteer presence by hour of day: a shift from 07:30 to 12:00 is present 0.5 h in the 7 o'clock
// slot and a full hour in each of 8–11. Shifts are same-day (the ETL splits overnight shifts).
export interface HourSlot {
  /** 0–23: the slot [hour, hour + 1). */
  hour: number;
  /** Hours of the shift inside the slot, 0 < hours ≤ 1. */
  hours: number;
}

const TIME_OF_DAY = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.[0-9]+)?)?$/;

/** "HH:MM[:SS]" → hours since midnight (24:00:00, PostgreSQL's end of day, reads as 24). */
export function parseTimeOfDay(value: string): number {
  if (/^24:00(:00)?$/.test(value)) return 24;
  const match = TIME_OF_DAY.exec(value);
  if (!match) throw new RangeError(`Not a time of day: ${value}`);
  return Number(match[1]) + Number(match[2]) / 60 + Number(match[3] ?? 0) / 3600;
}

/** The hour slots a shift from `start` to `end` overlaps, with the time spent in each. */
export function expandShiftIntoHourSlots(start: string, end: string): HourSlot[] {
  const from = parseTimeOfDay(start);
  const to = parseTimeOfDay(end);
  const slots: HourSlot[] = [];
  for (let hour = Math.floor(from); hour < to && hour < 24; hour += 1) {
    const hours = Math.min(to, hour + 1) - Math.max(from, hour);
    // Rounded to the second so 0.1 + 0.2-style noise does not leak into tables.
    if (hours > 0) slots.push({ hour, hours: Math.round(hours * 3600) / 3600 });
  }
  return slots;
}
