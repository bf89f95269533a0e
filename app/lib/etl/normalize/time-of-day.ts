// Times of day for shift start and end: "08:30", "8:30", "08:30:00", "8h30", "8h", "7 giờ 30",
// "7.30", "1:30 CH" (chiều, afternoon), "7:00 SA" (sáng, morning), or an Excel
// time cell (a fraction of a day, or a Date on 1899-12-30 whose UTC fields hold the time).
import { makeIssue } from "~/lib/etl/reasons";
import type { CellValue, Normalized } from "./normalized";

// "8:30", "08:30:00", "8h", "8h30", "7 giờ 30", "14 giờ", "7 giờ 30 phút", "7.30".
const TIME =
  /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*(?:h|g|giờ|gio)(?:\s*(\d{1,2}))?(?:\s*(?:p|ph|phút|phut))?|\.(\d{2}))$/iu;
// Morning and afternoon as Vietnamese clocks and Google Sheets write them: "1:30 CH", "7:00 SA".
const HALF_DAY = /\s*(SA|CH|AM|PM|sáng|chiều|tối|trưa)$/iu;
const AFTERNOON = new Set(["ch", "pm", "chiều", "tối"]);

const pad = (n: number) => String(n).padStart(2, "0");

/** Seconds since midnight, or null. */
export function readTimeOfDay(value: CellValue): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    const d = new Date(Math.round(ms / 1000) * 1000);
    return d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  }
  if (typeof value === "number") {
    if (!(value >= 0 && value < 1)) return null;
    return Math.round(value * 86_400) % 86_400;
  }
  let text = value.normalize("NFC").trim();
  const half = HALF_DAY.exec(text);
  if (half) text = text.slice(0, half.index).trim();
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? m[4] ?? m[5] ?? 0);
  const second = Number(m[3] ?? 0);
  if (half) {
    if (hour < 1 || hour > 12) return null;
    const afternoon = AFTERNOON.has(half[1]!.toLowerCase());
    // 12 giờ trưa is noon; 12 SA is midnight.
    if (afternoon && hour < 12) hour += 12;
    else if (!afternoon && half[1]!.toLowerCase() !== "trưa" && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return hour * 3600 + minute * 60 + second;
}

export function formatTimeOfDay(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** → seconds since midnight and 'HH:MM:SS'. */
export function normalizeTimeOfDay(
  value: CellValue,
  column: string,
): Normalized<{ seconds: number; text: string }> {
  const seconds = readTimeOfDay(value);
  if (seconds === null) return { ok: false, error: makeIssue("time_invalid", column, { value }) };
  return { ok: true, value: { seconds, text: formatTimeOfDay(seconds) } };
}
