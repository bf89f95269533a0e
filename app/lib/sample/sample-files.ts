// Which files the sample consists of, in import order, how each is laid out, and their text.
// The manifest written next to them lists the same specs with row and anomaly counts.
import { z } from "zod";

import {
  assistanceHeader,
  formatAssistanceRecord,
  generateMonthAssistance,
  type AssistanceLayout,
} from "./assistance-rows";
import { formatCsvLine } from "./csv-line";
import {
  DOSSIER_COLUMNS,
  formatDossierRecord,
  generateMonthDossiers,
  selectCorrectedCommunes,
} from "./dossier-rows";
import {
  POPULATION_COLUMNS,
  POPULATION_YEAR,
  formatPopulationRecord,
  generatePopulationRecords,
} from "./population-rows";
import type { SampleMonth } from "./sample-calendar";
import type { SamplePlan } from "./sample-plan";
import { SHIFT_COLUMNS, formatShiftRecord, generateMonthShifts } from "./shift-rows";

export const SAMPLE_FILE_KINDS = ["population", "assistance", "shifts", "dossiers"] as const;
export type SampleFileKind = (typeof SAMPLE_FILE_KINDS)[number];

// Months (index from July 2025) whose files carry a file-level quirk, when they are generated.
const VIETNAMESE_EXPORT_MONTHS = new Set([3, 7]); // 2025-10, 2026-02
const PERSONAL_DATA_MONTH = 5; // 2025-12
const SLASH_MONTH_DOSSIER_MONTH = 4; // 2025-11
const CORRECTED_DOSSIER_MONTH = 8; // 2026-03, re-sent after 2026-04's files

export const SampleFileSpecSchema = z.object({
  file: z.string(),
  kind: z.enum(SAMPLE_FILE_KINDS),
  /** "2025-07"; null for the population file. */
  month: z.string().nullable(),
  header_language: z.enum(["en", "vi"]),
  delimiter: z.enum([",", ";"]),
  encoding: z.enum(["utf-8", "utf-8-bom"]),
  line_ending: z.enum(["lf", "crlf"]),
  /** Columns with personal data that the ETL must drop. */
  personal_data_columns: z.array(z.string()),
  /** For a correction file: the month whose figures it replaces. */
  replaces_month: z.string().nullable(),
  note: z.string().nullable(),
});
export type SampleFileSpec = z.infer<typeof SampleFileSpecSchema>;

export const SampleManifestEntrySchema = SampleFileSpecSchema.extend({
  rows: z.number().int().nonnegative(),
  /** Deliberately imperfect rows by kind (see docs/sample-data.md). */
  anomalies: z.record(z.string(), z.number().int().positive()),
});
export type SampleManifestEntry = z.infer<typeof SampleManifestEntrySchema>;

export const SampleManifestSchema = z.object({
  generator: z.literal("cau-noi-so generate-sample"),
  synthetic: z.literal(true),
  options: z.object({
    province: z.string(),
    seed: z.number().int(),
    months: z.number().int(),
    scale: z.number(),
    now: z.string(),
  }),
  /** In import order: population, then per month assistance, shifts, dossiers. */
  files: z.array(SampleManifestEntrySchema),
});
export type SampleManifest = z.infer<typeof SampleManifestSchema>;

function spec(
  partial: Pick<SampleFileSpec, "file" | "kind" | "month"> & Partial<SampleFileSpec>,
): SampleFileSpec {
  return {
    header_language: "en",
    delimiter: ",",
    encoding: "utf-8",
    line_ending: "lf",
    personal_data_columns: [],
    replaces_month: null,
    note: null,
    ...partial,
  };
}

/** The month whose dossier figures are re-sent with the next month's files, if that is covered. */
function correctedDossierMonth(plan: SamplePlan): SampleMonth | undefined {
  return plan.months.length >= CORRECTED_DOSSIER_MONTH + 2
    ? plan.months[CORRECTED_DOSSIER_MONTH]
    : undefined;
}

export function planSampleFiles(plan: SamplePlan): SampleFileSpec[] {
  const files: SampleFileSpec[] = [
    spec({ file: `population-${POPULATION_YEAR}.csv`, kind: "population", month: null }),
  ];
  const correctedMonth = correctedDossierMonth(plan);
  for (const month of plan.months) {
    const key = month.key;
    if (VIETNAMESE_EXPORT_MONTHS.has(month.index)) {
      files.push(
        spec({
          file: `assistance-${key}.csv`,
          kind: "assistance",
          month: key,
          header_language: "vi",
          delimiter: ";",
          encoding: "utf-8-bom",
          line_ending: "crlf",
          note: "Excel export: Vietnamese headers and values, dd/mm/yyyy HH:mm, birth year instead of age band",
        }),
      );
    } else if (month.index === PERSONAL_DATA_MONTH) {
      files.push(
        spec({
          file: `assistance-${key}.csv`,
          kind: "assistance",
          month: key,
          personal_data_columns: ["Họ tên", "SĐT"],
          note: "carries (fake) names and phone numbers that must not be stored",
        }),
      );
    } else {
      files.push(spec({ file: `assistance-${key}.csv`, kind: "assistance", month: key }));
    }
    files.push(spec({ file: `shifts-${key}.csv`, kind: "shifts", month: key }));
    files.push(
      spec({
        file: `dossiers-${key}.csv`,
        kind: "dossiers",
        month: key,
        note: month.index === SLASH_MONTH_DOSSIER_MONTH ? "month written as mm/yyyy" : null,
      }),
    );
    if (correctedMonth && month.index === correctedMonth.index + 1) {
      files.push(
        spec({
          file: `dossiers-${correctedMonth.key}-corrected.csv`,
          kind: "dossiers",
          month: correctedMonth.key,
          replaces_month: correctedMonth.key,
          note: "re-sent figures for a few communes whose first report under-counted online dossiers",
        }),
      );
    }
  }
  return files;
}

export interface SampleFileStats {
  rows: number;
  anomalies: Record<string, number>;
}

function monthOf(plan: SamplePlan, key: string | null): SampleMonth {
  const month = plan.months.find((m) => m.key === key);
  if (!month) throw new Error(`no sample month ${key}`);
  return month;
}

function countAnomaly(stats: SampleFileStats, anomaly: string | null): void {
  stats.rows++;
  if (anomaly) stats.anomalies[anomaly] = (stats.anomalies[anomaly] ?? 0) + 1;
}

/** The file's text, a line at a time; `stats` is filled in as rows are produced. */
export function* renderSampleFile(
  plan: SamplePlan,
  file: SampleFileSpec,
  stats: SampleFileStats,
): Generator<string> {
  const eol = file.line_ending === "crlf" ? "\r\n" : "\n";
  const line = (fields: readonly string[]) => formatCsvLine(fields, file.delimiter, eol);
  if (file.encoding === "utf-8-bom") yield "\uFEFF";
  switch (file.kind) {
    case "population": {
      yield line(POPULATION_COLUMNS);
      for (const record of generatePopulationRecords(plan)) {
        countAnomaly(stats, null);
        yield line(formatPopulationRecord(record));
      }
      return;
    }
    case "assistance": {
      const layout: AssistanceLayout =
        file.header_language === "vi"
          ? "vi"
          : file.personal_data_columns.length > 0
            ? "en_personal"
            : "en";
      yield line(assistanceHeader(layout));
      for (const record of generateMonthAssistance(plan, monthOf(plan, file.month))) {
        countAnomaly(stats, record.anomaly);
        yield line(formatAssistanceRecord(record, layout));
      }
      return;
    }
    case "shifts": {
      yield line(SHIFT_COLUMNS);
      for (const record of generateMonthShifts(plan, monthOf(plan, file.month))) {
        countAnomaly(stats, record.anomaly);
        yield line(formatShiftRecord(record));
      }
      return;
    }
    case "dossiers": {
      const month = monthOf(plan, file.month);
      const corrected =
        correctedDossierMonth(plan)?.key === month.key ? selectCorrectedCommunes(plan, month) : [];
      const version = file.replaces_month ? "corrected" : "first";
      const monthFormat =
        month.index === SLASH_MONTH_DOSSIER_MONTH && version === "first" ? "mm/yyyy" : "iso";
      yield line(DOSSIER_COLUMNS);
      for (const record of generateMonthDossiers(plan, month, version, corrected)) {
        countAnomaly(stats, record.anomaly);
        yield line(formatDossierRecord(record, month, monthFormat));
      }
      return;
    }
  }
}
