// Calendar of the sample: months from July 2025 (the commune merger), days with their working
// rhythm, and local wall-clock time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) counted in
// minutes so that comparisons with --now are plain integer comparisons.

export const SAMPLE_FIRST_MONTH = { year: 2025, month: 7 } as const;
const LOCAL_OFFSET_MINUTES = 7 * 60;

export interface SampleMonth {
  /** 0 for July 2025; drives the uptake and volume curves, whatever --months is. */
  index: number;
  year: number;
  month: number;
  /** "2025-07" */
  key: string;
  days: SampleDay[];
}

export interface SampleDay {
  /** "2025-07-14" */
  iso: string;
  /** "14/07/2025" */
  vn: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  holiday: boolean;
  /** Local minutes since 1970-01-01 00:00 at the start of the day. */
  startMinute: number;
}

// Public holidays the service centers close for (National Day, New Year, Tết Bính Ngọ 14–22/2,
// Hùng Kings' day moved to Monday 27/4, Reunification Day and Labour Day).
const HOLIDAYS = new Set([
  "2025-09-01",
  "2025-09-02",
  "2026-01-01",
  "2026-02-14",
  "2026-02-15",
  "2026-02-16",
  "2026-02-17",
  "2026-02-18",
  "2026-02-19",
  "2026-02-20",
  "2026-02-21",
  "2026-02-22",
  "2026-04-27",
  "2026-04-30",
  "2026-05-01",
  "2026-09-01",
  "2026-09-02",
]);

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}

export function listSampleMonths(count: number): SampleMonth[] {
  const months: SampleMonth[] = [];
  for (let index = 0; index < count; index++) {
    const zeroBased = SAMPLE_FIRST_MONTH.month - 1 + index;
    const year = SAMPLE_FIRST_MONTH.year + Math.floor(zeroBased / 12);
    const month = (zeroBased % 12) + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const days: SampleDay[] = [];
    for (let d = 1; d <= daysInMonth; d++) {
      const ms = Date.UTC(year, month - 1, d);
      const iso = `${year}-${pad2(month)}-${pad2(d)}`;
      days.push({
        iso,
        vn: `${pad2(d)}/${pad2(month)}/${year}`,
        weekday: new Date(ms).getUTCDay(),
        holiday: HOLIDAYS.has(iso),
        startMinute: ms / 60_000,
      });
    }
    months.push({ index, year, month, key: monthKey(year, month), days });
  }
  return months;
}

/** Local wall-clock minutes (Asia/Ho_Chi_Minh) of an instant, rounded down. */
export function toLocalMinute(instant: Date): number {
  return Math.floor(instant.getTime() / 60_000) + LOCAL_OFFSET_MINUTES;
}

/** The instant at which a local month starts. */
export function localMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - LOCAL_OFFSET_MINUTES * 60_000);
}

/** "08:05" for minute 485 of the day. */
export function formatClock(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Date parts of a local minute, for the rare rows whose date is not the day being generated. */
export function localDayOf(localMinute: number): { iso: string; vn: string; minuteOfDay: number } {
  const date = new Date(localMinute * 60_000);
  const y = date.getUTCFullYear();
  const m = pad2(date.getUTCMonth() + 1);
  const d = pad2(date.getUTCDate());
  return {
    iso: `${y}-${m}-${d}`,
    vn: `${d}/${m}/${y}`,
    minuteOfDay: date.getUTCHours() * 60 + date.getUTCMinutes(),
  };
}

/**
 * How much of a day's demand falls on it: full on weekdays, a light Saturday morning, and a
 * trickle on Sundays and holidays (mobile campaigns, a volunteer helping a neighbour).
 */
export function dayDemandWeight(day: SampleDay): number {
  if (day.holiday || day.weekday === 0) return 0.03;
  if (day.weekday === 6) return 0.22;
  return 1;
}

/**
 * Month volume relative to a settled month: teams ramp up after the July 2025 merger, the
 * year-end push, the Tết dip in February 2026, and slow growth afterwards.
 */
export function monthVolumeLevel(index: number): number {
  const levels = [
    0.55, 0.72, 0.86, 0.95, 1.0, 1.06, 1.05, 0.78, 1.02, 1.0, 1.03, 1.04, 1.02, 1.04, 1.05, 1.07,
    1.08,
  ];
  return levels[index] ?? 1.08;
}

/** Province-wide share of cases submitted online, rising from 35 % to 75 % over 16 months. */
export function onlineUptake(index: number): number {
  return 0.35 + (0.4 * Math.min(index, 16)) / 16;
}
