// The canonical fields of each import kind and the column headers that feed them. Headers are
// matched by key (toHeaderKey), so "Mã hồ sơ", "MA HO SO" and "mã  hồ sơ" are one header.
import type { ImportKind } from "~/lib/db/types";
import { compactKey, foldKey } from "./text";

export type { ImportKind } from "~/lib/db/types";

export const IMPORT_KINDS = [
  "assistance",
  "shifts",
  "dossiers",
  "population",
] as const satisfies readonly ImportKind[];

export const CANONICAL_FIELDS = {
  assistance: [
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
    "birth_year",
    "age",
    "gender",
    "ethnicity",
    "minutes",
  ],
  shifts: ["shift_id", "volunteer_id", "team", "commune", "date", "start", "end", "hours"],
  dossiers: [
    "commune",
    "month",
    "procedure",
    "received_total",
    "received_online",
    "resolved_total",
    "resolved_on_time",
  ],
  population: [
    "commune",
    "year",
    "population_total",
    "population_minority",
    "population_elderly",
    "population_female",
  ],
} as const satisfies Record<ImportKind, readonly string[]>;

export type CanonicalField<K extends ImportKind = ImportKind> =
  (typeof CANONICAL_FIELDS)[K][number];

/**
 * Columns a file of the kind must have. Without a record id column ids are derived from the row;
 * without a volunteer column the cases count but not towards active volunteers (issue 11); the
 * age columns (age_band, birth_year, age) and ethnicity are optional (the row counts as "unknown").
 */
export const REQUIRED_FIELDS = {
  assistance: [
    "assisted_at",
    "commune",
    "team",
    "procedure",
    "help_type",
    "channel",
    "outcome",
    "gender",
    "minutes",
  ],
  shifts: ["team", "commune", "date"],
  dossiers: ["commune", "month", "received_total", "received_online"],
  population: [
    "commune",
    "year",
    "population_total",
    "population_minority",
    "population_elderly",
    "population_female",
  ],
} as const satisfies { [K in ImportKind]: readonly CanonicalField<K>[] };

/** Requirements met by any one group of columns: a shift needs start and end, or hours. */
export const REQUIRED_ONE_OF: { [K in ImportKind]: readonly (readonly CanonicalField<K>[])[] } = {
  assistance: [],
  shifts: [["start", "end"], ["hours"]],
  dossiers: [],
  population: [],
};

const COMMUNE = [
  "Xã/Phường",
  "Xã",
  "Phường",
  "Phường/Xã",
  "Xã/Phường/Đặc khu",
  "Đơn vị",
  "Đơn vị hành chính",
  "Mã xã",
  "Tên xã",
  "commune code",
  "commune name",
  "ward",
];
const TEAM = [
  "Đội",
  "Tổ/Đội tình nguyện",
  "Đội/Tổ",
  "Tổ",
  "Đội tình nguyện",
  "Tổ tình nguyện",
  "Tên đội",
  "Tổ công nghệ số cộng đồng",
  "Tổ CNSCĐ",
];
// Only id columns: a "Tình nguyện viên" column usually holds names, which must not be loaded.
const VOLUNTEER_ID = [
  "Mã TNV",
  "Mã tình nguyện viên",
  "Mã số TNV",
  "volunteer id",
  "volunteer code",
];
// A volunteer column that holds names (or codes under a generic heading): used only when no id
// column exists, each name replaced by a keyed pseudonym (rows/personal-ids.ts), never stored.
const VOLUNTEER_NAME = [
  "Họ tên tình nguyện viên",
  "Họ và tên tình nguyện viên",
  "Tên tình nguyện viên",
  "Tình nguyện viên",
  "Họ tên TNV",
  "Tên TNV",
  "TNV",
  "Người hỗ trợ",
  "volunteer",
  "volunteer name",
];
const PROCEDURE = [
  "Thủ tục",
  "TTHC",
  "Thủ tục hành chính",
  "Mã thủ tục",
  "Mã TTHC",
  "Tên thủ tục",
  "procedure code",
];

/**
 * Header aliases per kind and field; the first is the label shown in messages. The field's own
 * name ("record_id", "Record ID") is always accepted too.
 */
export const HEADER_ALIASES: {
  [K in ImportKind]: { readonly [F in CanonicalField<K>]: readonly string[] };
} = {
  assistance: {
    record_id: ["Mã hồ sơ", "Mã bản ghi", "ID", "record"],
    assisted_at: [
      "Ngày hỗ trợ",
      "Thời gian",
      "Ngày",
      "Thời điểm",
      "Ngày giờ",
      "date",
      "datetime",
      "timestamp",
    ],
    commune: COMMUNE,
    team: TEAM,
    volunteer_id: VOLUNTEER_ID,
    procedure: PROCEDURE,
    help_type: ["Hình thức hỗ trợ", "Loại hỗ trợ", "help type", "type of help"],
    channel: ["Hình thức nộp", "Kênh nộp", "Kênh", "submission channel"],
    outcome: ["Kết quả", "result"],
    age_band: ["Nhóm tuổi", "Độ tuổi", "age group"],
    birth_year: ["Năm sinh", "year of birth"],
    age: ["Tuổi"],
    gender: ["Giới tính", "sex"],
    ethnicity: ["Dân tộc", "ethnic group", "ethnic"],
    minutes: [
      "Số phút",
      "Thời gian hỗ trợ (phút)",
      "Thời lượng (phút)",
      "Thời lượng",
      "duration (minutes)",
      "duration",
    ],
  },
  shifts: {
    shift_id: ["Mã ca", "Mã ca trực", "shift"],
    volunteer_id: VOLUNTEER_ID,
    team: TEAM,
    commune: COMMUNE,
    date: ["Ngày", "Ngày trực", "shift date"],
    start: ["Giờ bắt đầu", "Bắt đầu", "Từ giờ", "start time"],
    end: ["Giờ kết thúc", "Kết thúc", "Đến giờ", "end time"],
    hours: ["Số giờ", "Số giờ trực", "Tổng giờ"],
  },
  dossiers: {
    commune: COMMUNE,
    month: ["Tháng", "Tháng báo cáo", "Kỳ báo cáo"],
    procedure: PROCEDURE,
    received_total: [
      "Tổng hồ sơ tiếp nhận",
      "Tiếp nhận",
      "Tổng tiếp nhận",
      "Số hồ sơ tiếp nhận",
      "received",
    ],
    received_online: [
      "Tiếp nhận trực tuyến",
      "Hồ sơ trực tuyến",
      "Trực tuyến",
      "received online",
      "online",
    ],
    resolved_total: ["Đã giải quyết", "Tổng đã giải quyết", "Giải quyết", "resolved"],
    resolved_on_time: ["Giải quyết đúng hạn", "Đã giải quyết đúng hạn", "Đúng hạn", "on time"],
  },
  population: {
    commune: COMMUNE,
    year: ["Năm"],
    population_total: ["Tổng dân số", "Dân số", "population", "total population"],
    population_minority: ["Dân tộc thiểu số", "Người dân tộc thiểu số", "DTTS", "minority"],
    population_elderly: ["Người cao tuổi", "NCT", "elderly"],
    population_female: ["Nữ", "Dân số nữ", "female"],
  },
};

/**
 * Headers that feed a field only when no other column does: a form's submission time ("Dấu thời
 * gian") is the date of help when the form asks no date, and only then.
 */
export const FALLBACK_ALIASES: {
  [K in ImportKind]?: { readonly [F in CanonicalField<K>]?: readonly string[] };
} = {
  assistance: {
    assisted_at: ["Dấu thời gian", "Timestamp", "Thời gian gửi"],
    volunteer_id: VOLUNTEER_NAME,
  },
  shifts: { date: ["Dấu thời gian", "Timestamp"], volunteer_id: VOLUNTEER_NAME },
};

/** The field a header feeds as a fallback (FALLBACK_ALIASES), or null. */
export function fallbackFieldForHeader(kind: ImportKind, header: string): string | null {
  const aliases: Readonly<Record<string, readonly string[] | undefined>> =
    FALLBACK_ALIASES[kind] ?? {};
  const key = toHeaderKey(header);
  for (const [field, list] of Object.entries(aliases))
    if (list?.some((alias) => toHeaderKey(alias) === key)) return field;
  return null;
}

/** NFC → lowercase → no diacritics (đ → d) → only a-z0-9: the form headers are compared in. */
export function toHeaderKey(header: string): string {
  return compactKey(header.normalize("NFC")).replace(/[^a-z0-9]/g, "");
}

function buildHeaderIndex(kind: ImportKind): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const aliases: Readonly<Record<string, readonly string[]>> = HEADER_ALIASES[kind];
  for (const field of CANONICAL_FIELDS[kind]) {
    for (const alias of [field, ...(aliases[field] ?? [])]) index.set(toHeaderKey(alias), field);
  }
  return index;
}

const HEADER_INDEX = new Map(IMPORT_KINDS.map((kind) => [kind, buildHeaderIndex(kind)]));

// Words forms and reports add around a column's name: "Xã/Phường nơi hỗ trợ", "Năm sinh của
// người dân", "Trong đó trực tuyến", "Tiếp nhận - Tổng số" (folded).
const FILLER = /\b(trong do|tong so|cua nguoi dan|nguoi dan|noi ho tro|da ho tro|duoc ho tro)\b/g;
// A unit in brackets names the measure: "Thời gian hỗ trợ (phút)", "Thời gian trực (giờ)".
const UNIT_FIELD: Record<string, string> = { phut: "minutes", gio: "hours" };

/** Aliases of two words or more, longest first, for question-text headers that start with one. */
const PREFIX_INDEX = new Map(
  IMPORT_KINDS.map((kind) => {
    const aliases: Readonly<Record<string, readonly string[]>> = HEADER_ALIASES[kind];
    const entries = CANONICAL_FIELDS[kind].flatMap((field) =>
      (aliases[field] ?? []).map((alias) => ({ words: foldKey(alias), field })),
    );
    return [
      kind,
      entries.filter((e) => e.words.includes(" ")).sort((a, b) => b.words.length - a.words.length),
    ];
  }),
);

/**
 * The canonical field a header feeds, or null when the column is not one of the kind's. Tried in
 * turn: the header as written; without brackets and filler words; a unit in brackets; then
 * (unless `strict`) the longest alias of two words or more that the header starts with, which is
 * how form questions are written ("Thủ tục hành chính đã hỗ trợ"). `extra` holds an admin's
 * header aliases (ref.vocabulary), keyed by toHeaderKey.
 */
export function fieldForHeader(
  kind: ImportKind,
  header: string,
  options: { strict?: boolean; extra?: ReadonlyMap<string, string> } = {},
): string | null {
  const index = HEADER_INDEX.get(kind);
  const exact = index?.get(toHeaderKey(header)) ?? options.extra?.get(toHeaderKey(header));
  if (exact) return exact;
  const bare = foldKey(header.replace(/\([^)]*\)/g, " "));
  const withoutFiller = bare.replace(FILLER, " ").replace(/\s+/g, " ").trim();
  const plain = index?.get(toHeaderKey(bare)) ?? index?.get(toHeaderKey(withoutFiller));
  if (plain) return plain;
  const bracket = /\(\s*([^)]*?)\s*\)/.exec(header);
  const unitField = bracket ? UNIT_FIELD[foldKey(bracket[1]!)] : undefined;
  if (unitField && (CANONICAL_FIELDS[kind] as readonly string[]).includes(unitField))
    return unitField;
  if (options.strict) return null;
  const words = ` ${withoutFiller} `;
  const match = PREFIX_INDEX.get(kind)?.find((e) => words.startsWith(` ${e.words} `));
  return match?.field ?? null;
}

/** "record_id (Mã hồ sơ)": the field with its Vietnamese label, for messages. */
export function labelField(kind: ImportKind, field: string): string {
  const aliases: Readonly<Record<string, readonly string[]>> = HEADER_ALIASES[kind];
  const label = aliases[field]?.[0];
  return label ? `${field} (${label})` : field;
}

/**
 * Required columns absent from `present`. For a one-of requirement nobody meets, the columns of
 * the group closest to complete are listed (a shifts file with start but no end: ["end"]).
 */
export function listMissingFields(
  kind: ImportKind,
  present: Iterable<string>,
  options: { deriveIds?: boolean } = {},
): string[] {
  const have = new Set(present);
  const required: readonly string[] = REQUIRED_FIELDS[kind];
  const missing = required.filter((f) => !have.has(f) && !(f === "record_id" && options.deriveIds));
  const groups: readonly (readonly string[])[] = REQUIRED_ONE_OF[kind];
  const gaps = groups.map((group) => group.filter((f) => !have.has(f)));
  if (gaps.length > 0 && gaps.every((gap) => gap.length > 0)) {
    const closest = gaps.reduce((best, gap) => (gap.length < best.length ? gap : best));
    missing.push(...closest);
  }
  return missing;
}

/** Canonical columns the file lacks that it could do without. */
export function listMissingOptionalFields(
  kind: ImportKind,
  present: Iterable<string>,
  options: { deriveIds?: boolean } = {},
): string[] {
  const have = new Set(present);
  const missing = new Set(listMissingFields(kind, have, options));
  const fields: readonly string[] = CANONICAL_FIELDS[kind];
  return fields.filter((f) => !have.has(f) && !missing.has(f));
}
