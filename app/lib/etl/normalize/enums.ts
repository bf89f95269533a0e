// The coded columns of an assistance row, with the Vietnamese and English words forms use.
// Values are compared by compactKey, so case, diacritics, spaces and hyphens do not matter.
import type { Channel, Gender, HelpType, Outcome } from "~/lib/db/types";
import { makeIssue } from "~/lib/etl/reasons";
import { compactKey } from "~/lib/etl/text";
import { cellText, type CellValue, type Normalized } from "./normalized";

interface AliasIndex<T extends string> {
  byKey: Map<string, T>;
  /** Each value's Vietnamese label (its first alias), for messages. */
  label: Map<T, string>;
}

function aliasIndex<T extends string>(aliases: Record<T, readonly string[]>): AliasIndex<T> {
  const byKey = new Map<string, T>();
  const label = new Map<T, string>();
  for (const [value, words] of Object.entries(aliases) as [T, readonly string[]][]) {
    for (const word of [value, ...words]) byKey.set(compactKey(word), value);
    label.set(value, words[0] ?? value);
  }
  return { byKey, label };
}

const HELP_TYPE_ALIASES: Record<HelpType, readonly string[]> = {
  guidance: ["Hướng dẫn", "Tư vấn", "Hướng dẫn thủ tục"],
  form_filling: [
    "Điền biểu mẫu",
    "Kê khai",
    "Điền tờ khai",
    "Điền form",
    "Khai hộ",
    "form filling",
  ],
  vneid: [
    "VNeID",
    "Định danh điện tử",
    "Kích hoạt VNeID",
    "Cài đặt VNeID",
    "Đăng ký VNeID",
    "Tài khoản định danh điện tử",
  ],
  scanning: ["Scan", "Số hóa", "Scan giấy tờ", "Số hóa giấy tờ", "Chụp giấy tờ", "Quét giấy tờ"],
  payment: ["Thanh toán", "Thanh toán trực tuyến", "Nộp phí", "Nộp lệ phí", "Thanh toán phí"],
  other: ["Khác", "Hỗ trợ khác"],
};

const CHANNEL_ALIASES: Record<Channel, readonly string[]> = {
  online: [
    "Trực tuyến",
    "Online",
    "DVC",
    "Cổng DVC",
    "DVCTT",
    "Dịch vụ công trực tuyến",
    "Cổng dịch vụ công",
    "Qua mạng",
    "VNeID",
  ],
  in_person: [
    "Trực tiếp",
    "Tại quầy",
    "Giấy",
    "Hồ sơ giấy",
    "Nộp trực tiếp",
    "in person",
    "offline",
  ],
};

const OUTCOME_ALIASES: Record<Outcome, readonly string[]> = {
  submitted: ["Đã nộp", "Nộp thành công", "Đã gửi", "Đã nộp hồ sơ"],
  completed: ["Hoàn thành", "Đã có kết quả", "Đã hoàn thành", "Có kết quả", "Đã trả kết quả"],
  not_completed: [
    "Không hoàn thành",
    "Chưa hoàn thành",
    "Bỏ dở",
    "Không thành công",
    "Thất bại",
    "not completed",
  ],
};

const GENDER_ALIASES: Record<Gender, readonly string[]> = {
  female: ["Nữ", "F", "Nữ giới", "Nu", "woman"],
  male: ["Nam", "M", "Nam giới", "man"],
  other: ["Khác"],
  unknown: ["Không rõ", "Chưa rõ", "Không xác định", "U", "-"],
};

/** The seed lists of ref.vocabulary (vocabulary.ts): each value with the words forms use for it. */
export const ENUM_ALIASES = {
  help_type: HELP_TYPE_ALIASES,
  channel: CHANNEL_ALIASES,
  outcome: OUTCOME_ALIASES,
  gender: GENDER_ALIASES,
} as const;

const HELP_TYPES = aliasIndex(HELP_TYPE_ALIASES);
const CHANNELS = aliasIndex(CHANNEL_ALIASES);
const OUTCOMES = aliasIndex(OUTCOME_ALIASES);
const GENDERS = aliasIndex(GENDER_ALIASES);

/** Each coded value's Vietnamese label (its first alias), for messages and pages. */
export function enumLabelVi(kind: keyof typeof ENUM_ALIASES, value: string): string {
  const words = (ENUM_ALIASES[kind] as Record<string, readonly string[]>)[value];
  return words?.[0] ?? value;
}

/** An admin's extra aliases (ref.vocabulary): a label's value, or undefined. */
export type ExtraAliases = (text: string) => string | undefined;

// Files repeat a handful of spellings millions of times; remember each one's key.
const keyCache = new Map<string, string>();
function cachedKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    if (keyCache.size >= 10_000) keyCache.clear();
    key = compactKey(text);
    keyCache.set(text, key);
  }
  return key;
}

function normalizeEnum<T extends string>(
  index: AliasIndex<T>,
  value: CellValue,
  column: string,
  options: { multiple?: boolean; extra?: ExtraAliases } = {},
): Normalized<T> {
  const text = cellText(value);
  const known = (word: string): T | undefined => {
    const found = index.byKey.get(cachedKey(word));
    if (found || !options.extra) return found;
    const mapped = options.extra(word);
    return mapped !== undefined && index.label.has(mapped as T) ? (mapped as T) : undefined;
  };
  const found = text === null ? undefined : known(text);
  if (found) return { ok: true, value: found };
  if (text === null)
    return { ok: false, error: makeIssue("value_missing", column, { field: column }) };
  // A checkbox question's answer lists its choices ("Hướng dẫn, Điền biểu mẫu"): a case is
  // counted once, under the first choice, when every choice is known.
  if (options.multiple && /[,;]/.test(text)) {
    const choices = text
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter(Boolean);
    const values = choices.map(known);
    const [first] = values;
    if (first && values.every((v) => v !== undefined))
      return {
        ok: true,
        value: first,
        warning: makeIssue("choices_multiple", column, {
          value,
          field: column,
          counted: index.label.get(first) ?? first,
        }),
      };
  }
  const allowed = [...index.label.keys()];
  const allowed_vi = [...index.label.values()];
  return {
    ok: false,
    error: makeIssue("enum_invalid", column, { value, field: column, allowed, allowed_vi }),
  };
}

export const normalizeHelpType = (value: CellValue, column = "help_type", extra?: ExtraAliases) =>
  normalizeEnum(HELP_TYPES, value, column, { multiple: true, extra });
export const normalizeChannel = (value: CellValue, column = "channel", extra?: ExtraAliases) =>
  normalizeEnum(CHANNELS, value, column, { extra });
export const normalizeOutcome = (value: CellValue, column = "outcome", extra?: ExtraAliases) =>
  normalizeEnum(OUTCOMES, value, column, { extra });

/** Empty means unknown here: many forms leave gender blank. */
export function normalizeGender(
  value: CellValue,
  column = "gender",
  extra?: ExtraAliases,
): Normalized<Gender> {
  if (cellText(value) === null) return { ok: true, value: "unknown" };
  return normalizeEnum(GENDERS, value, column, { extra });
}
