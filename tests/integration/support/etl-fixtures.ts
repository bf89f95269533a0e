// What the ETL integration tests share: the committed fixture files (tests/fixtures/etl/, byte
// exact), the few that are generated here (XLSX workbooks written with exceljs, and a 1 MB field
// no one wants committed), and helpers that read back what an import left in the database.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import type { ImportKind } from "~/lib/db/types";
import type { ImportFileOptions } from "~/lib/etl/import-file.server";

export const FIXTURES_DIR = new URL("../../fixtures/etl/", import.meta.url).pathname;
export const PROVINCE = "68";
/** 12:00 on 1 March 2026 in Đà Lạt: dates after 2026-03-02 12:00 local time are "future". */
export const NOW = new Date("2026-03-01T05:00:00Z");

export const fixturePath = (name: string) => join(FIXTURES_DIR, name);

/** importFile options for a test run: province 68, the fixed clock, a recognisable loader. */
export function importOptions(
  path: string,
  kind: ImportKind,
  extra: Partial<ImportFileOptions> = {},
): ImportFileOptions {
  return { path, kind, provinceCode: PROVINCE, loadedBy: "test", now: NOW, ...extra };
}

export function createTempDir(prefix = "etl-it-"): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write: (name, content) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const ASSISTANCE_HEADER = [
  "record_id",
  "assisted_at",
  "commune",
  "team",
  "volunteer_id",
  "procedure",
  "help_type",
  "channel",
  "outcome",
  "age_band",
  "gender",
  "ethnicity",
  "minutes",
];

export const HUGE_FIELD_CHARS = 1024 * 1024;

/** Excel's own cell types: date cells, a bare serial number, a formula, numeric codes and ids. */
async function writeExcelDates(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 1, 20));
  const sheet = workbook.addWorksheet("Dữ liệu");
  sheet.addRow(ASSISTANCE_HEADER);
  const rest = ["guidance", "online", "completed", "18_34", "female", "Kinh"];
  // exceljs stores a Date by its UTC fields, which is how Excel holds wall-clock time.
  sheet.addRow([
    1001,
    new Date(Date.UTC(2026, 1, 13, 8, 30)),
    24846,
    "Đội 1",
    "TNV-01",
    1.001193,
    ...rest,
    15,
  ]);
  sheet.getCell("B2").numFmt = "dd/mm/yyyy hh:mm";
  // 46067.375 = 2026-02-14 09:00 in the 1900 date system, in a cell without a date format.
  sheet.addRow(["XD-2", 46067.375, 24846, "Đội 1", "TNV-01", "1.001193", ...rest, 20]);
  sheet.addRow([
    "XD-3",
    "15/02/2026 10:00",
    "Phường Lang Biang - Đà Lạt",
    "Đội 1",
    "TNV-01",
    "1.001193",
    ...rest,
    { formula: "10+15", result: 25 },
  ]);
  sheet.addRow([
    "XD-4",
    new Date(Date.UTC(2026, 1, 16)),
    24846,
    "Đội 1",
    "TNV-01",
    "1.001193",
    ...rest,
    30,
  ]);
  sheet.getCell("B5").numFmt = "dd/mm/yyyy";
  sheet.addRow([
    "XD-5",
    new Date(Date.UTC(2026, 2, 5, 9, 0)),
    24846,
    "Đội 1",
    "TNV-01",
    "1.001193",
    ...rest,
    35,
  ]);
  sheet.getCell("B6").numFmt = "dd/mm/yyyy hh:mm";
  await workbook.xlsx.writeFile(path);
}

/** January on the first sheet, February on the second: `sheet` picks which one is loaded. */
async function writeTwoSheets(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 1, 20));
  const row = (id: string, day: number, minutes: number) => [
    id,
    `${String(day).padStart(2, "0")}/${id.startsWith("TS1") ? "01" : "02"}/2026 08:00`,
    "Xã Cát Tiên 3",
    "Đội 1",
    "TNV-01",
    "1.001193",
    "Hướng dẫn",
    "Trực tuyến",
    "Hoàn thành",
    "18_34",
    "Nữ",
    "Kinh",
    minutes,
  ];
  const january = workbook.addWorksheet("Tháng 1");
  january.addRows([ASSISTANCE_HEADER, row("TS1-1", 5, 10), row("TS1-2", 6, 12)]);
  const february = workbook.addWorksheet("Tháng 2");
  february.addRows([
    ASSISTANCE_HEADER,
    row("TS2-1", 2, 10),
    row("TS2-2", 3, 0),
    row("TS2-3", 4, 14),
  ]);
  await workbook.xlsx.writeFile(path);
}

function writeHugeField(path: string): void {
  const row = (id: string, team: string) =>
    `${id},13/02/2026 08:30,Xã Lạc Dương,${team},TNV-01,1.001193,guidance,online,completed,18_34,female,Kinh,15\n`;
  writeFileSync(
    path,
    ASSISTANCE_HEADER.join(",") +
      "\n" +
      row("HF-1", "x".repeat(HUGE_FIELD_CHARS)) +
      row("HF-2", "Đội 1"),
  );
}

export interface GeneratedFixtures {
  excelDates: string;
  twoSheets: string;
  hugeField: string;
}

/** Writes the generated fixtures into `dir`; their content is the same on every run. */
export async function writeGeneratedFixtures(dir: string): Promise<GeneratedFixtures> {
  const files = {
    excelDates: join(dir, "excel-dates.xlsx"),
    twoSheets: join(dir, "two-sheets.xlsx"),
    hugeField: join(dir, "huge-field.csv"),
  };
  await writeExcelDates(files.excelDates);
  await writeTwoSheets(files.twoSheets);
  writeHugeField(files.hugeField);
  return files;
}

/** Every table an import writes, so each case can start from reference data only. */
export const ETL_TABLES = [
  "core.assistance",
  "core.volunteer_shift",
  "core.dossier_stat",
  "ref.population_profile",
  "core.batch_change",
  "core.rejected_row",
  "core.import_batch",
  "mart.commune_month",
  "mart.refresh_state",
  "staging.assistance",
  "staging.volunteer_shift",
  "staging.dossier_stat",
  "staging.population_profile",
] as const;

export async function truncateEtlTables(engine: SqlEngine): Promise<void> {
  await withSession(engine, (s) => s.query(`truncate ${ETL_TABLES.join(", ")}`));
}

export async function queryRows<R = Record<string, unknown>>(
  engine: SqlEngine,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  return withSession(engine, async (s) => (await s.query<R>(text, params)).rows);
}

/** Row count of each ETL table, to show that something changed nothing. */
export async function countEtlTables(engine: SqlEngine): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ETL_TABLES) {
    const [row] = await queryRows<{ n: number }>(engine, `select count(*)::int as n from ${table}`);
    counts[table] = row?.n ?? -1;
  }
  return counts;
}

/** The ETL tables (and their rows as text) in which `needle` occurs anywhere. */
export async function tablesContaining(engine: SqlEngine, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of ETL_TABLES) {
    const [row] = await queryRows<{ n: number }>(
      engine,
      `select count(*)::int as n from ${table} t where t::text like $1`,
      [`%${needle}%`],
    );
    if ((row?.n ?? 0) > 0) found.push(table);
  }
  return found;
}

export interface StoredReject {
  line: number;
  column_name: string | null;
  reason_code: string;
  message_vi: string;
  message_en: string;
  raw: Record<string, unknown>;
}

export async function readRejects(engine: SqlEngine, batchId: number): Promise<StoredReject[]> {
  return queryRows<StoredReject>(
    engine,
    `select line, column_name, reason_code, message_vi, message_en, raw
     from core.rejected_row where batch_id = $1 order by line`,
    [batchId],
  );
}

/** mart.commune_month as the incremental refreshes left it, in a stable order. */
export async function readMart(engine: SqlEngine): Promise<Record<string, unknown>[]> {
  return queryRows(engine, "select * from mart.commune_month order by commune_code, month");
}
