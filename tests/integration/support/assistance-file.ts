// Small assistance files with known content for the fault-injection and property tests: valid
// rows with seeded values, a known number of deliberately bad ones, and the sums a correct load
// must produce. Independent of the sample generator, so the expected totals are computed here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { SqlEngine } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNES = ["24846", "25162", "24781", "24823", "22918", "23272"];
const CHANNELS = ["online", "in_person"];
const OUTCOMES = ["submitted", "completed", "not_completed"];
const ETHNIC = ["Kinh", "K'Ho", "Mạ", "Chu Ru", ""];
export const HEADER =
  "record_id,assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,age_band,gender,ethnicity,minutes";

export interface AssistanceRecord {
  record_id: string;
  month: string;
  day: number;
  commune: string;
  channel: string;
  outcome: string;
  ethnicity: string;
  minutes: number;
  /** A bad row: minutes out of range, rejected by the ETL. */
  bad: boolean;
}

export function makeRecords(
  prefix: string,
  count: number,
  seed: number,
  months: readonly string[],
): AssistanceRecord[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    record_id: `${prefix}-${i}`,
    month: pick(months),
    day: 1 + Math.floor(rnd() * 27),
    commune: pick(COMMUNES),
    channel: pick(CHANNELS),
    outcome: pick(OUTCOMES),
    ethnicity: pick(ETHNIC),
    minutes: 1 + Math.floor(rnd() * 120),
    bad: false,
  }));
}

export function toCsv(records: readonly AssistanceRecord[]): string {
  const lines = records.map((r) =>
    [
      r.record_id,
      `${r.month}-${String(r.day).padStart(2, "0")} 09:30`,
      r.commune,
      "Đội 1",
      `V-${r.commune}`,
      "1.001193",
      "guidance",
      r.channel,
      r.outcome,
      "35_59",
      "female",
      r.ethnicity,
      r.bad ? 999 : r.minutes,
    ].join(","),
  );
  return `${HEADER}\n${lines.join("\n")}\n`;
}

export function writeAssistanceFile(path: string, records: readonly AssistanceRecord[]): void {
  writeFileSync(path, toCsv(records));
}

export interface SeededImport {
  /** Where the file is written (a test's temporary directory). */
  dir: string;
  /** Record ids start with it; also the file's name. */
  prefix: string;
  count: number;
  months: readonly string[];
  seed?: number;
}

/**
 * Writes `count` seeded records to `<dir>/<prefix>.csv` and loads them through the real ETL into
 * province 68; returns the batch id. Throws unless the batch loaded.
 */
export async function importSeededRecords(engine: SqlEngine, file: SeededImport): Promise<number> {
  const target = path.join(file.dir, `${file.prefix}.csv`);
  writeAssistanceFile(target, makeRecords(file.prefix, file.count, file.seed ?? 3, file.months));
  const summary = await importFile(engine, {
    path: target,
    kind: "assistance",
    provinceCode: "68",
    loadedBy: "test",
    now: new Date("2026-01-15T05:00:00Z"),
  });
  if (summary.status !== "loaded") throw new Error(`${target}: batch ${summary.status}`);
  return summary.batch_id!;
}
