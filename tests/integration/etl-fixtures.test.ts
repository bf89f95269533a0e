// Malformed and awkward real-world input files, one per case, each with its exact outcome: the
// summary's counts, the [line, reason] of every row stored in core.rejected_row, the warnings,
// the dropped columns, the ledger row and, where the normalization is the point, the core rows.
// The expected values were worked out by hand from the fixture files (tests/fixtures/etl/).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportKind } from "~/lib/db/types";
import type { ImportStatus, ImportSummary } from "~/lib/etl/batch-summary";
import { importFile } from "~/lib/etl/import-file.server";
import type { LegacyEncoding } from "~/lib/etl/read/legacy-vietnamese";
import { decodeLegacy } from "~/lib/etl/read/legacy-vietnamese";
import { MASK } from "~/lib/etl/read/pii";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import {
  createTempDir,
  fixturePath,
  HUGE_FIELD_CHARS,
  importOptions,
  queryRows,
  readRejects,
  tablesContaining,
  truncateEtlTables,
  writeGeneratedFixtures,
  type StoredReject,
} from "./support/etl-fixtures";

type Row = Record<string, unknown>;

interface CoreRows {
  columns: string[];
  rows: unknown[][];
}

interface CheckContext {
  t: TestDatabase;
  summary: ImportSummary;
  rejects: StoredReject[];
}

interface FixtureCase {
  file: string;
  /** Written by writeGeneratedFixtures rather than committed. */
  generated?: boolean;
  kind?: ImportKind;
  options?: { deriveIds?: boolean; sheet?: string };
  /** What the case shows, when the file name alone does not say it. */
  note?: string;
  status: ImportStatus;
  rows: number;
  inserted: number;
  rejected: number;
  rejects?: [line: number, reason: string][];
  warnings?: [code: string, count: number, lines: number[]][];
  dropped?: [name: string, personalData: boolean][];
  /** File-level outcome: the code, and words both messages must contain. */
  error?: { code: string; mentions?: string[] };
  core?: CoreRows;
  check?: (ctx: CheckContext) => Promise<void> | void;
}

const CORE_TABLE: Record<ImportKind, { table: string }> = {
  assistance: { table: "core.assistance" },
  shifts: { table: "core.volunteer_shift" },
  dossiers: { table: "core.dossier_stat" },
  population: { table: "ref.population_profile" },
};

const ASSISTANCE_COLUMNS = [
  "record_id",
  "assisted_at",
  "commune_code",
  "team",
  "volunteer_id",
  "procedure_code",
  "help_type",
  "channel",
  "outcome",
  "age_band",
  "gender",
  "ethnic_code",
  "minutes",
  "source_line",
];

const core = (columns: string[], rows: unknown[][]): CoreRows => ({ columns, rows });

// The four encodings that load hold the same two rows (Vietnamese headers and value aliases).
const ENCODED_ROWS = core(ASSISTANCE_COLUMNS, [
  [
    "ENC-1",
    "2026-02-13 08:30:00",
    "24778",
    "Đội Đà Lạt",
    "TNV-01",
    "1.001193",
    "guidance",
    "online",
    "completed",
    "60_plus",
    "female",
    "15",
    15,
    2,
  ],
  [
    "ENC-2",
    "2026-02-14 09:05:00",
    "24848",
    "Đội Lạc Dương",
    "TNV-02",
    "1.001193",
    "form_filling",
    "in_person",
    "submitted",
    "35_59",
    "male",
    "01",
    20,
    3,
  ],
]);

// LE-2's help type ("teleportation") is not in the vocabulary: counted as other, label kept.
const LINE_ENDING_ROWS = core(
  ["record_id", "source_line", "help_type"],
  [
    ["LE-1", 2, "guidance"],
    ["LE-2", 3, "other"],
    ["LE-3", 4, "vneid"],
  ],
);

function rejectOn(rejects: StoredReject[], line: number): StoredReject {
  const reject = rejects.find((r) => r.line === line);
  if (!reject) throw new Error(`no reject stored for line ${line}`);
  return reject;
}

/** Both messages of the reject on `line` contain every one of `parts`. */
function expectMessages(rejects: StoredReject[], line: number, parts: string[]): void {
  const reject = rejectOn(rejects, line);
  for (const part of parts) {
    expect(reject.message_vi).toContain(part);
    expect(reject.message_en).toContain(part);
  }
}

/** The legacy fixture holds the same text as the UTF-8 one: the test is about the encoding only. */
function expectSameTextAs(utf8: string, legacy: string, encoding: LegacyEncoding): void {
  const decoded = decodeLegacy(readFileSync(fixturePath(legacy)), encoding);
  expect(decoded.replace(/\r\n/g, "\n")).toBe(readFileSync(fixturePath(utf8), "utf8"));
}

// Values of the personal-data columns in personal-data-columns.csv: none may be stored anywhere.
const PERSONAL_VALUES = [
  "Nguyễn Thị Hoa",
  "Trần Văn Bình",
  "068190001234",
  "079085004321",
  "0912345678",
  "987 654 321",
  "12 Trần Phú",
  "Thôn Đạ Nghịt",
];

const CASES: FixtureCase[] = [
  // Encodings
  {
    file: "encoding-utf8-bom.csv",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: ENCODED_ROWS,
  },
  {
    file: "encoding-utf8-no-bom.csv",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: ENCODED_ROWS,
  },
  {
    file: "encoding-utf16le-bom.csv",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: ENCODED_ROWS,
  },
  {
    file: "encoding-utf16be-bom.csv",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: ENCODED_ROWS,
  },
  {
    file: "encoding-windows-1258.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "encoding_legacy", mentions: ["Windows-1258", "CSV UTF-8"] },
    check: () =>
      expectSameTextAs("encoding-utf8-no-bom.csv", "encoding-windows-1258.csv", "windows-1258"),
  },
  {
    file: "encoding-tcvn3.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "encoding_legacy", mentions: ["TCVN3", "Unikey"] },
    check: () => expectSameTextAs("encoding-utf8-no-bom.csv", "encoding-tcvn3.csv", "tcvn3"),
  },
  {
    file: "encoding-vni.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "encoding_legacy", mentions: ["VNI", "Unikey"] },
    check: () => expectSameTextAs("encoding-utf8-no-bom.csv", "encoding-vni.csv", "vni"),
  },
  {
    file: "encoding-nul-bytes.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "encoding_binary", mentions: ["NUL"] },
  },

  // Line endings, delimiters, quoting
  {
    file: "line-endings-crlf.csv",
    status: "loaded",
    rows: 3,
    inserted: 3,
    rejected: 0,
    warnings: [["label_bucketed", 1, [3]]],
    core: LINE_ENDING_ROWS,
  },
  {
    file: "line-endings-cr-only.csv",
    status: "loaded",
    rows: 3,
    inserted: 3,
    rejected: 0,
    warnings: [["label_bucketed", 1, [3]]],
    core: LINE_ENDING_ROWS,
  },
  {
    file: "delimiter-semicolon.csv",
    note: "commas inside unquoted values stay in the value",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: core(
      ["record_id", "team", "age_band", "ethnic_code", "minutes"],
      [
        ["SC-1", "Đội 1, Cát Tiên", "35_59", "01", 15],
        ["SC-2", "Đội 1, Cát Tiên", "18_34", "20", 20],
      ],
    ),
  },
  {
    file: "delimiter-tab.txt",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: core(
      ["record_id", "commune_code", "team"],
      [
        ["TAB-1", "25162", "Đội 2, Cát Tiên"],
        ["TAB-2", "25162", "Đội 2; tổ 3"],
      ],
    ),
  },
  {
    file: "quoted-newline.csv",
    note: "records spanning 2 and 3 lines; the lines of later rows stay right",
    status: "loaded",
    rows: 5,
    inserted: 3,
    rejected: 2,
    rejects: [
      [4, "minutes_out_of_range"],
      [8, "commune_unknown"],
    ],
    core: core(
      ["record_id", "procedure_code", "team", "source_line"],
      [
        ["QN-1", "1.001193", "Đội 1", 2],
        ["QN-3", "1.001193", "Đội Ba", 5],
        ["QN-5", "1.001193", "Đội 1", 9],
      ],
    ),
  },

  // Text and headers
  {
    file: "text-nfd.csv",
    note: "stored NFC, communes and ethnic groups matched",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: core(ASSISTANCE_COLUMNS, [
      [
        "NFD-1",
        "2026-02-13 08:30:00",
        "24781",
        "Đội Xuân Hương",
        "TNV-01",
        "1.001193",
        "guidance",
        "online",
        "completed",
        "60_plus",
        "female",
        "15",
        15,
        2,
      ],
      [
        "NFD-2",
        "2026-02-13 09:00:00",
        "24886",
        "Đội Đam Rông",
        "TNV-02",
        "1.001193",
        "scanning",
        "in_person",
        "not_completed",
        "under_18",
        "male",
        "20",
        45,
        3,
      ],
    ]),
    check: async ({ t }) => {
      const text = readFileSync(fixturePath("text-nfd.csv"), "utf8");
      expect(text).not.toBe(text.normalize("NFC"));
      const teams = await queryRows<{ team: string }>(t.engine, "select team from core.assistance");
      for (const { team } of teams) expect(team).toBe(team.normalize("NFC"));
    },
  },
  {
    file: "headers-vietnamese-odd-spacing.csv",
    note: "headers in odd case and spacing, without diacritics; values too",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: core(
      [
        "record_id",
        "commune_code",
        "help_type",
        "channel",
        "outcome",
        "age_band",
        "gender",
        "ethnic_code",
      ],
      [
        ["HD-1", "24848", "guidance", "online", "completed", "60_plus", "female", "01"],
        ["HD-2", "24848", "form_filling", "in_person", "submitted", "under_18", "male", "15"],
      ],
    ),
  },

  // Dates
  {
    file: "dates-day-first-and-iso.csv",
    note: "dd/mm/yyyy HH:mm, ISO (with and without Z), dd-mm-yyyy, d/m/yyyy H:mm:ss, dd.mm.yyyy 8h30",
    status: "loaded",
    rows: 7,
    inserted: 7,
    rejected: 0,
    core: core(
      ["record_id", "assisted_at"],
      [
        ["DT-1", "2026-02-13 08:30:00"],
        ["DT-2", "2026-02-14 09:15:00"],
        ["DT-3", "2026-02-15 00:00:00"],
        ["DT-4", "2026-02-16 10:20:30"],
        ["DT-5", "2026-02-01 07:05:09"],
        ["DT-6", "2026-02-17 09:15:00"],
        ["DT-7", "2026-02-18 08:30:00"],
      ],
    ),
  },
  {
    file: "dates-month-first-rejected.csv",
    note: "02/13/2026 is rejected, 03/02/2026 is 3 February: never mm/dd",
    status: "loaded",
    rows: 3,
    inserted: 1,
    rejected: 2,
    rejects: [
      [2, "date_invalid"],
      [4, "date_invalid"],
    ],
    core: core(["record_id", "assisted_at"], [["MD-2", "2026-02-03 00:00:00"]]),
    check: ({ rejects }) => expectMessages(rejects, 2, ["«02/13/2026»", "dd/mm/yyyy"]),
  },
  {
    file: "excel-dates.xlsx",
    generated: true,
    note: "date cells, a bare serial, text, a formula, numeric id, commune code and procedure code",
    status: "loaded",
    rows: 5,
    inserted: 4,
    rejected: 1,
    rejects: [[6, "date_future"]],
    core: core(
      ["record_id", "assisted_at", "commune_code", "procedure_code", "minutes", "source_line"],
      [
        ["1001", "2026-02-13 08:30:00", "24846", "1.001193", 15, 2],
        ["XD-2", "2026-02-14 09:00:00", "24846", "1.001193", 20, 3],
        ["XD-3", "2026-02-15 10:00:00", "24846", "1.001193", 25, 4],
        ["XD-4", "2026-02-16 00:00:00", "24846", "1.001193", 30, 5],
      ],
    ),
  },
  {
    file: "two-sheets.xlsx",
    generated: true,
    note: "without --sheet: the first sheet",
    status: "loaded",
    rows: 2,
    inserted: 2,
    rejected: 0,
    core: core(
      ["record_id", "assisted_at", "source_line"],
      [
        ["TS1-1", "2026-01-05 08:00:00", 2],
        ["TS1-2", "2026-01-06 08:00:00", 3],
      ],
    ),
  },
  {
    file: "two-sheets.xlsx",
    generated: true,
    options: { sheet: "Tháng 2" },
    note: "the second sheet, chosen by name",
    status: "loaded",
    rows: 3,
    inserted: 2,
    rejected: 1,
    rejects: [[3, "minutes_out_of_range"]],
    core: core(
      ["record_id", "assisted_at", "source_line"],
      [
        ["TS2-1", "2026-02-02 08:00:00", 2],
        ["TS2-3", "2026-02-04 08:00:00", 4],
      ],
    ),
  },
  {
    file: "two-sheets.xlsx",
    generated: true,
    options: { sheet: "Tháng 3" },
    note: "a sheet that does not exist",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "sheet_not_found", mentions: ['"Tháng 1"', '"Tháng 2"'] },
  },
  {
    file: "dates-future.csv",
    note: "now + 1 day is the limit: 02/03/2026 11:59 loads, 12:01 does not",
    status: "loaded",
    rows: 3,
    inserted: 1,
    rejected: 2,
    rejects: [
      [3, "date_future"],
      [4, "date_future"],
    ],
    core: core(["record_id", "assisted_at"], [["FU-1", "2026-03-02 11:59:00"]]),
  },
  {
    file: "dates-too-old.csv",
    note: "2025-01-01 00:00 loads, the minute before does not",
    status: "loaded",
    rows: 3,
    inserted: 1,
    rejected: 2,
    rejects: [
      [2, "date_too_old"],
      [4, "date_too_old"],
    ],
    core: core(["record_id", "assisted_at"], [["OLD-2", "2025-01-01 00:00:00"]]),
  },

  // Row shape and values
  {
    file: "rows-ragged.csv",
    note: "one cell too many and four too few are rejected; trailing empty cells are not",
    status: "loaded",
    rows: 4,
    inserted: 2,
    rejected: 2,
    rejects: [
      [2, "ragged_row"],
      [3, "ragged_row"],
    ],
    core: core(
      ["record_id", "source_line"],
      [
        ["RG-3", 4],
        ["RG-4", 5],
      ],
    ),
  },
  {
    file: "huge-field.csv",
    generated: true,
    note: "a 1 MB value is a row problem, stored cut to 4,000 characters",
    status: "loaded",
    rows: 2,
    inserted: 1,
    rejected: 1,
    rejects: [[2, "field_too_long"]],
    core: core(["record_id", "team"], [["HF-2", "Đội 1"]]),
    check: ({ rejects }) => {
      const reject = rejectOn(rejects, 2);
      expect(reject.column_name).toBe("team");
      expect(reject.message_en).toContain(HUGE_FIELD_CHARS.toLocaleString("en-US"));
      expect(reject.raw.team).toBe(`${"x".repeat(4000)}…`);
      expect(reject.raw.record_id).toBe("HF-1");
    },
  },
  {
    file: "minutes-out-of-range.csv",
    note: "0, 481, abc, empty, 12.5 and 1.000 (a thousand) rejected; 480, 1 and '15 phút' load",
    status: "loaded",
    rows: 9,
    inserted: 3,
    rejected: 6,
    rejects: [
      [2, "minutes_out_of_range"],
      [3, "minutes_out_of_range"],
      [4, "integer_invalid"],
      [8, "value_missing"],
      [9, "minutes_out_of_range"],
      [10, "minutes_out_of_range"],
    ],
    core: core(
      ["record_id", "minutes"],
      [
        ["MIN-4", 480],
        ["MIN-5", 1],
        ["MIN-6", 15],
      ],
    ),
  },

  // Communes
  {
    file: "commune-unknown.csv",
    note: "every row rejected: the batch is recorded as rejected",
    status: "rejected",
    rows: 3,
    inserted: 0,
    rejected: 3,
    rejects: [
      [2, "commune_unknown"],
      [3, "commune_unknown"],
      [4, "commune_unknown"],
    ],
    error: { code: "all_rows_rejected" },
    check: ({ rejects }) => expectMessages(rejects, 4, ["Phường Lâm Viên - Đà Lạt"]),
  },
  {
    file: "commune-ambiguous-phuong-1.csv",
    note: "bare 'Phường 1' rejected with its candidates listed",
    status: "loaded",
    rows: 2,
    inserted: 1,
    rejected: 1,
    rejects: [[2, "commune_ambiguous"]],
    core: core(["record_id", "commune_code"], [["CA-2", "24778"]]),
    check: ({ rejects }) =>
      expectMessages(rejects, 2, [
        "Phường Xuân Hương - Đà Lạt (24781)",
        "Phường 1 Bảo Lộc (24823)",
        "Phường 1 (thành phố Đà Lạt)",
      ]),
  },
  {
    file: "commune-phuong-1-with-old-town.csv",
    note: "the old town decides; only the pre-2025 unit warns",
    status: "loaded",
    rows: 3,
    inserted: 3,
    rejected: 0,
    warnings: [["commune_renamed", 1, [2]]],
    core: core(
      ["record_id", "commune_code"],
      [
        ["CQ-1", "24781"],
        ["CQ-2", "24823"],
        ["CQ-3", "24823"],
      ],
    ),
  },
  {
    file: "commune-pre-2025-names.csv",
    note: "Thị trấn Lạc Dương and Xã Gia Viễn reach their successors; today's Xã Lạc Dương is itself",
    status: "loaded",
    rows: 3,
    inserted: 3,
    rejected: 0,
    warnings: [["commune_renamed", 2, [2, 3]]],
    core: core(
      ["record_id", "commune_code"],
      [
        ["CO-1", "24846"],
        ["CO-2", "25162"],
        ["CO-3", "24848"],
      ],
    ),
    check: ({ summary }) => {
      expect(summary.warnings[0]?.message_en).toContain("Phường Lang Biang - Đà Lạt (24846)");
    },
  },
  {
    file: "commune-abbreviations.csv",
    note: "P., X., ASCII spellings and a bare code",
    status: "loaded",
    rows: 5,
    inserted: 5,
    rejected: 0,
    core: core(
      ["record_id", "commune_code"],
      [
        ["CB-1", "24846"],
        ["CB-2", "25162"],
        ["CB-3", "24846"],
        ["CB-4", "24846"],
        ["CB-5", "25162"],
      ],
    ),
  },
  {
    file: "commune-other-province.csv",
    note: "Phường Ba Đình by name, and by code 4 (00004)",
    status: "loaded",
    rows: 3,
    inserted: 1,
    rejected: 2,
    rejects: [
      [2, "commune_other_province"],
      [3, "commune_other_province"],
    ],
    core: core(["record_id", "commune_code"], [["CP-3", "24848"]]),
    check: ({ rejects }) => {
      expectMessages(rejects, 2, ["«Phường Ba Đình»", "Hà Nội"]);
      expectMessages(rejects, 3, ["Hà Nội"]);
    },
  },

  // Personal data
  {
    file: "personal-data-columns.csv",
    note: "name, CCCD, phone and address columns dropped; none of their values stored",
    status: "loaded",
    rows: 2,
    inserted: 1,
    rejected: 1,
    rejects: [[3, "commune_unknown"]],
    dropped: [
      ["Họ tên", true],
      ["CCCD", true],
      ["SĐT", true],
      ["Địa chỉ", true],
      ["Ghi chú", false],
    ],
    core: core(["record_id", "team"], [["PD-1", "Đội 1"]]),
    check: async ({ t, rejects }) => {
      expect(Object.keys(rejectOn(rejects, 3).raw).sort()).toEqual(
        [
          "record_id",
          "assisted_at",
          "commune",
          "team",
          "volunteer_id",
          "procedure",
          "help_type",
          "channel",
          "outcome",
          "gender",
          "minutes",
        ].sort(),
      );
      for (const value of [...PERSONAL_VALUES, "Khách quen", "Cần gọi lại"]) {
        expect({ value, tables: await tablesContaining(t.engine, value) }).toEqual({
          value,
          tables: [],
        });
      }
    },
  },
  {
    file: "personal-data-in-kept-field.csv",
    note: "a CCCD and a phone number typed in kept fields are masked in the rejected copy",
    status: "loaded",
    rows: 2,
    inserted: 1,
    rejected: 1,
    rejects: [[2, "minutes_out_of_range"]],
    // A phone number in the volunteer column is a person's: the stored id is its pseudonym.
    warnings: [["volunteer_pseudonymised", 1, [2]]],
    check: async ({ t, rejects }) => {
      const { raw } = rejectOn(rejects, 2);
      expect(raw.team).toBe(`Đội 3 (CCCD ${MASK})`);
      // The phone in the volunteer column is stored as the pseudonym the loaded row would carry,
      // so `etl replay` gives the row what a fresh import would.
      expect(raw.volunteer_id).toMatch(/^v-[0-9a-f]+$/);
      expect(await tablesContaining(t.engine, "068190001234")).toEqual([]);
      expect(await tablesContaining(t.engine, "345 678")).toEqual([]);
    },
  },
  {
    file: "personal-data-in-duplicate-row.csv",
    note: "the same masking when the row is rejected as a duplicate",
    status: "loaded",
    rows: 2,
    inserted: 1,
    rejected: 1,
    rejects: [[3, "duplicate_in_file"]],
    warnings: [["volunteer_pseudonymised", 1, [3]]],
    core: core(["record_id", "team", "volunteer_id"], [["PDD-1", "Đội 1", "TNV-01"]]),
    check: async ({ t }) => {
      expect(await tablesContaining(t.engine, "068190001234")).toEqual([]);
      expect(await tablesContaining(t.engine, "345 678")).toEqual([]);
    },
  },

  // Keys, reference lookups, required columns
  {
    file: "duplicate-record-id.csv",
    note: "the first occurrence wins",
    status: "loaded",
    rows: 3,
    inserted: 2,
    rejected: 1,
    rejects: [[4, "duplicate_in_file"]],
    core: core(
      ["record_id", "team", "minutes", "source_line"],
      [
        ["DUP-1", "Đội 1", 15, 2],
        ["DUP-2", "Đội 1", 20, 3],
      ],
    ),
    check: ({ rejects }) => {
      expect(rejectOn(rejects, 4).column_name).toBe("record_id");
      expect(rejectOn(rejects, 4).message_en).toContain('"DUP-1" already appears on line 2');
    },
  },
  {
    file: "ethnicity-variants.csv",
    note: "K'Ho/Kơ Ho/Cơ Ho, Mnông/M'Nông, Chàm/Chăm, Ra Glai/Raglai, blank, không rõ, a code, 'Người Hoa', an unknown name kept as a label",
    status: "loaded",
    rows: 14,
    inserted: 14,
    rejected: 0,
    warnings: [["label_bucketed", 1, [15]]],
    core: core(
      ["record_id", "ethnic_code"],
      [
        ["ET-1", "15"],
        ["ET-2", "15"],
        ["ET-3", "15"],
        ["ET-4", "20"],
        ["ET-5", "20"],
        ["ET-6", "14"],
        ["ET-7", "14"],
        ["ET-8", "19"],
        ["ET-9", "19"],
        ["ET-10", null],
        ["ET-11", null],
        ["ET-12", "05"],
        ["ET-13", "06"],
        // "Klingon" is no group: the case counts, ethnicity unknown, the label kept for mapping.
        ["ET-14", null],
      ],
    ),
  },
  {
    file: "procedure-unknown.csv",
    note: "an unknown label and an unknown code count as 'other' with a warning; 'Khác' without",
    status: "loaded",
    rows: 5,
    inserted: 5,
    rejected: 0,
    warnings: [["procedure_unknown", 2, [3, 4]]],
    core: core(
      ["record_id", "procedure_code"],
      [
        ["PR-1", "1.001193"],
        ["PR-2", "other"],
        ["PR-3", "other"],
        ["PR-4", "other"],
        ["PR-5", "1.001193"],
      ],
    ),
  },
  {
    file: "missing-column-minutes.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "missing_columns", mentions: ["minutes (Số phút)"] },
  },
  {
    file: "form-export-without-record-id.csv",
    note: "no id column, so ids are derived (no --derive-ids needed); two rows equal but for the form's own timestamp get one id",
    status: "loaded",
    rows: 3,
    inserted: 2,
    rejected: 1,
    rejects: [[4, "duplicate_in_file"]],
    warnings: [["record_id_derived", 3, [2, 3, 4]]],
    dropped: [["Dấu thời gian", false]],
    core: core(
      ["assisted_at", "age_band", "ethnic_code", "source_line"],
      [
        ["2026-02-13 08:30:00", "unknown", null, 2],
        ["2026-02-13 09:00:00", "unknown", null, 3],
      ],
    ),
    check: async ({ t }) => {
      const ids = await queryRows<{ record_id: string }>(
        t.engine,
        "select record_id from core.assistance order by source_line",
      );
      for (const { record_id } of ids) expect(record_id).toMatch(/^d-[0-9a-f]{20}$/);
      expect(new Set(ids.map((r) => r.record_id)).size).toBe(2);
    },
  },

  // Shifts, dossiers, population
  {
    file: "shifts-start-end.csv",
    kind: "shifts",
    note: "end before or at start rejected; a start without end rejected; given hours that disagree warn",
    status: "loaded",
    rows: 7,
    inserted: 4,
    rejected: 3,
    rejects: [
      [4, "shift_end_before_start"],
      [5, "shift_end_before_start"],
      [6, "shift_time_missing"],
    ],
    warnings: [["shift_hours_mismatch", 1, [7]]],
    core: core(
      ["shift_id", "shift_date", "start_time", "end_time", "hours"],
      [
        ["SH-1", "2026-02-13", "08:00:00", "11:30:00", 3.5],
        ["SH-2", "2026-02-13", "07:30:00", "11:00:00", 3.5],
        ["SH-6", "2026-02-13", "13:00:00", "17:00:00", 4],
        ["SH-7", "2026-02-13", null, null, 2.5],
      ],
    ),
  },
  {
    file: "shifts-hours.csv",
    kind: "shifts",
    status: "loaded",
    rows: 5,
    inserted: 3,
    rejected: 2,
    rejects: [
      [5, "hours_out_of_range"],
      [6, "hours_out_of_range"],
    ],
    core: core(
      ["shift_id", "commune_code", "hours"],
      [
        ["SHH-1", "25162", 4],
        ["SHH-2", "25162", 2.5],
        ["SHH-3", "25162", 3.75],
      ],
    ),
  },
  {
    file: "dossiers-online-exceeds-total.csv",
    kind: "dossiers",
    status: "loaded",
    rows: 4,
    inserted: 1,
    rejected: 3,
    rejects: [
      [2, "dossier_inconsistent"],
      [4, "dossier_inconsistent"],
      [5, "dossier_inconsistent"],
    ],
    core: core(
      [
        "commune_code",
        "month",
        "procedure_code",
        "received_total",
        "received_online",
        "resolved_total",
        "resolved_on_time",
      ],
      [["24846", "2026-01-01", "", 120, 80, 100, 90]],
    ),
    check: ({ rejects }) => {
      expect(rejectOn(rejects, 2).column_name).toBe("received_online");
      expect(rejectOn(rejects, 2).message_en).toContain("received online (41)");
    },
  },
  {
    file: "dossiers-month-formats.csv",
    kind: "dossiers",
    note: "YYYY-MM, MM/YYYY, M/YYYY, 'Tháng M/YYYY'; month 13 and a future month rejected",
    status: "loaded",
    rows: 6,
    inserted: 4,
    rejected: 2,
    rejects: [
      [6, "month_invalid"],
      [7, "date_future"],
    ],
    core: core(
      [
        "commune_code",
        "month",
        "procedure_code",
        "received_total",
        "received_online",
        "resolved_total",
        "resolved_on_time",
      ],
      [
        ["25162", "2025-12-01", "", 60, 30, 55, 50],
        ["25162", "2026-01-01", "", 1200, 900, null, null],
        ["25162", "2026-02-01", "1.001193", 12, 12, 12, 12],
        ["25162", "2026-02-01", "", 70, 35, null, null],
      ],
    ),
  },
  {
    file: "population.csv",
    kind: "population",
    status: "loaded",
    rows: 4,
    inserted: 2,
    rejected: 2,
    rejects: [
      [4, "population_inconsistent"],
      [5, "year_invalid"],
    ],
    core: core(
      [
        "commune_code",
        "year",
        "population_total",
        "population_minority",
        "population_elderly",
        "population_female",
      ],
      [
        ["24778", 2025, 71369, 2140, 9870, 36500],
        ["24846", 2025, 40041, 12013, 4100, 20100],
      ],
    ),
  },

  // Nothing to load
  {
    file: "empty.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "empty_file" },
  },
  {
    file: "header-only.csv",
    status: "rejected",
    rows: 0,
    inserted: 0,
    rejected: 0,
    error: { code: "no_rows" },
  },
];

function title(c: FixtureCase): string {
  const options = Object.entries(c.options ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  const head = [c.file, options].filter(Boolean).join(" ");
  const outcome = c.error ? c.error.code : `${c.status} ${c.inserted}+${c.rejected}`;
  return `${head} → ${outcome}${c.note ? ` (${c.note})` : ""}`;
}

describe(`ETL fixtures (${engineName})`, () => {
  let t: TestDatabase;
  const tmp = createTempDir();

  beforeAll(async () => {
    t = await createTestDatabase();
    await writeGeneratedFixtures(tmp.dir);
  });
  afterAll(async () => {
    await t?.close();
    tmp.remove();
  });
  beforeEach(() => truncateEtlTables(t.engine));

  it("has at least 30 distinct fixture files", () => {
    expect(new Set(CASES.map((c) => c.file)).size).toBeGreaterThanOrEqual(30);
  });

  for (const c of CASES) {
    it(title(c), async () => {
      const kind = c.kind ?? "assistance";
      const path = c.generated ? join(tmp.dir, c.file) : fixturePath(c.file);
      const summary = await importFile(t.engine, importOptions(path, kind, c.options));

      expect({
        status: summary.status,
        rows: summary.rows,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        error: summary.error?.code ?? null,
      }).toEqual({
        status: c.status,
        rows: c.rows,
        inserted: c.inserted,
        updated: 0,
        unchanged: 0,
        rejected: c.rejected,
        error: c.error?.code ?? null,
      });
      for (const part of c.error?.mentions ?? []) {
        expect(summary.error?.message_vi).toContain(part);
        expect(summary.error?.message_en).toContain(part);
      }
      expect(summary.warnings.map((w) => [w.code, w.count, w.lines])).toEqual(c.warnings ?? []);
      expect(summary.dropped_columns.map((d) => [d.name, d.personal_data])).toEqual(
        c.dropped ?? [],
      );

      // A real run always leaves a ledger row that agrees with the summary.
      expect(summary.batch_id).not.toBeNull();
      const batchId = summary.batch_id!;
      const [ledger] = await queryRows<Row>(
        t.engine,
        `select status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected,
           dropped_columns, error from core.import_batch where batch_id = $1`,
        [batchId],
      );
      expect(ledger).toMatchObject({
        status: c.status,
        rows_read: c.rows,
        rows_inserted: c.inserted,
        rows_updated: 0,
        rows_unchanged: 0,
        rows_rejected: c.rejected,
        dropped_columns: (c.dropped ?? []).map(([name]) => name),
      });
      expect(ledger?.error === null ? null : String(ledger?.error).split(":")[0]).toBe(
        c.error?.code ?? null,
      );

      const rejects = await readRejects(t.engine, batchId);
      expect(rejects.map((r) => [r.line, r.reason_code])).toEqual(c.rejects ?? []);
      for (const r of rejects) {
        expect(r.message_vi.length).toBeGreaterThan(0);
        expect(r.message_en.length).toBeGreaterThan(0);
      }

      // Loaded + rejected = rows read, in the summary and in the tables; nothing left in staging.
      expect(summary.inserted + summary.updated + summary.unchanged + summary.rejected).toBe(
        summary.rows,
      );
      const { table } = CORE_TABLE[kind];
      const coreRows = await queryRows<Row>(
        t.engine,
        `select * from ${table} order by source_line`,
      );
      expect(coreRows.length + rejects.length).toBe(summary.rows);
      expect(coreRows.every((r) => Number(r.batch_id) === batchId)).toBe(true);
      for (const staging of [
        "staging.assistance",
        "staging.volunteer_shift",
        "staging.dossier_stat",
        "staging.population_profile",
      ]) {
        expect(await queryRows(t.engine, `select 1 from ${staging}`)).toEqual([]);
      }

      if (c.core) {
        const { columns, rows } = c.core;
        const actual = coreRows.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]])));
        const expected = rows.map((r) => Object.fromEntries(columns.map((k, i) => [k, r[i]])));
        expect(actual).toEqual(expected);
      } else if (c.status !== "loaded") {
        expect(coreRows).toEqual([]);
      }
      await c.check?.({ t, summary, rejects });
    });
  }
});
