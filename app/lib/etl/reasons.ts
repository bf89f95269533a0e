// The catalogue of row-level issues: what went wrong with one value, in Vietnamese and English,
// with the offending value and what to do. An error rejects the row; a warning keeps it.
import { maskPersonalValue } from "./read/pii";

export type Severity = "error" | "warning";

export interface RowIssue {
  reason_code: string;
  column: string | null;
  message_vi: string;
  message_en: string;
}

interface Messages {
  vi: string;
  en: string;
}

type Value = string | number | Date | null | undefined;

/** The value as the user typed it, quoted, for messages. */
export function quoteValue(value: Value): string {
  if (value === null || value === undefined || value === "") return "(trống/empty)";
  if (value instanceof Date)
    return `«${Number.isNaN(value.getTime()) ? "?" : value.toISOString()}»`;
  // Messages are stored (rejected rows, the ledger's warnings): nothing personal is quoted.
  const s = maskPersonalValue(String(value));
  return `«${s.length > 80 ? `${s.slice(0, 77)}…` : s}»`;
}

const list = (items: readonly string[]) => items.join(", ");

function define<P>(severity: Severity, messages: (p: P) => Messages) {
  return { severity, messages };
}

export const REASONS = {
  value_missing: define<{ field: string }>("error", ({ field }) => ({
    vi: `Thiếu giá trị bắt buộc ở cột ${field}. Hãy điền giá trị rồi nạp lại.`,
    en: `The required column ${field} is empty. Fill it in and load the file again.`,
  })),
  record_id_missing: define<{ field: string }>("error", ({ field }) => ({
    vi: `Thiếu mã bản ghi (${field}). Hãy thêm cột mã, hoặc nạp lại với --derive-ids để tự tạo mã.`,
    en: `No record id (${field}). Add an id column, or load again with --derive-ids to derive one.`,
  })),
  record_id_derived: define<{ field: string }>("warning", ({ field }) => ({
    vi: `Không có ${field}; mã được tạo từ nội dung dòng. Nếu sửa dòng này và nạp lại, nó sẽ được tính là một dòng mới.`,
    en: `No ${field}; an id was derived from the row's content. If this row is edited and loaded again, it will count as a new row.`,
  })),
  choices_multiple: define<{ value: Value; field: string; counted: string }>(
    "warning",
    ({ value, field, counted }) => ({
      vi: `${quoteValue(value)} chọn nhiều giá trị cho ${field}; lượt hỗ trợ được tính một lần, theo giá trị đầu tiên (${counted}).`,
      en: `${quoteValue(value)} picks several ${field} values; the case is counted once, under the first (${counted}).`,
    }),
  ),
  label_bucketed: define<{ value: Value; field: string; bucket: string }>(
    "warning",
    ({ value, field, bucket }) => ({
      vi: `Nhãn ${quoteValue(value)} của ${field} chưa có trong danh mục; lượt hỗ trợ vẫn được tính, vào "${bucket}", và nhãn được giữ lại. Ánh xạ nhãn này trên trang Chất lượng dữ liệu (hoặc npm run etl -- map) để tính lại các dòng.`,
      en: `${quoteValue(value)} is not a known ${field}; the case still counts, under "${bucket}", and the label is kept. Map it on the data-quality page (or npm run etl -- map) to re-derive those rows.`,
    }),
  ),
  value_from_title: define<{ field: string; value: string }>("warning", ({ field, value }) => ({
    vi: `Không có cột ${field}; mọi dòng lấy giá trị ${value} từ tiêu đề báo cáo. Kiểm tra lại nếu tiêu đề sai.`,
    en: `No ${field} column; every row takes ${value} from the report's title. Check it if the title is wrong.`,
  })),
  record_id_personal: define<{ field: string }>("warning", ({ field }) => ({
    vi: `${field} trông như số CCCD hoặc số điện thoại; mã được thay bằng một mã ẩn danh (không lưu số gốc). Nên dùng mã hồ sơ riêng.`,
    en: `${field} looks like an ID or phone number; it was replaced by a keyed pseudonym (the number is not stored). Prefer a record id of your own.`,
  })),
  volunteer_pseudonymised: define<Record<string, never>>("warning", () => ({
    vi: "Cột tình nguyện viên ghi họ tên: tên được thay bằng mã ẩn danh để đếm số tình nguyện viên, không lưu tên.",
    en: "The volunteer column holds names: each is replaced by a keyed pseudonym to count volunteers; no name is stored.",
  })),
  volunteer_unknown: define<Record<string, never>>("warning", () => ({
    vi: "Tệp không có cột mã tình nguyện viên: lượt hỗ trợ vẫn được tính, nhưng không tính vào số tình nguyện viên hoạt động. Thêm cột «Mã TNV» để tính.",
    en: "The file has no volunteer-id column: the case is counted, but not towards active volunteers. Add a «Mã TNV» column to count them.",
  })),
  date_invalid: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Ngày ${quoteValue(value)} không hợp lệ. Dùng dd/mm/yyyy (ví dụ 13/02/2026) hoặc yyyy-mm-dd; không dùng mm/dd.`,
    en: `Date ${quoteValue(value)} is not valid. Use dd/mm/yyyy (e.g. 13/02/2026) or yyyy-mm-dd; mm/dd is never read.`,
  })),
  date_future: define<{ value: Value; normalized: string }>("error", ({ value, normalized }) => ({
    vi: `Ngày ${quoteValue(value)} (${normalized}) nằm trong tương lai. Kiểm tra lại ngày, tháng và năm.`,
    en: `Date ${quoteValue(value)} (${normalized}) is in the future. Check the day, month and year.`,
  })),
  date_too_old: define<{ value: Value; normalized: string; min: string }>(
    "error",
    ({ value, normalized, min }) => ({
      vi: `Ngày ${quoteValue(value)} (${normalized}) trước ${min}, ngoài phạm vi dữ liệu. Kiểm tra lại năm.`,
      en: `Date ${quoteValue(value)} (${normalized}) is before ${min}, outside the data's range. Check the year.`,
    }),
  ),
  month_invalid: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Tháng ${quoteValue(value)} không hợp lệ. Dùng yyyy-mm (2026-02) hoặc mm/yyyy (02/2026).`,
    en: `Month ${quoteValue(value)} is not valid. Use yyyy-mm (2026-02) or mm/yyyy (02/2026).`,
  })),
  time_invalid: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Giờ ${quoteValue(value)} không hợp lệ. Dùng HH:mm (ví dụ 08:30 hoặc 8h30).`,
    en: `Time ${quoteValue(value)} is not valid. Use HH:mm (e.g. 08:30 or 8h30).`,
  })),
  year_invalid: define<{ value: Value; min: number; max: number }>(
    "error",
    ({ value, min, max }) => ({
      vi: `Năm ${quoteValue(value)} không hợp lệ; cần một năm từ ${min} đến ${max}.`,
      en: `Year ${quoteValue(value)} is not valid; expected a year from ${min} to ${max}.`,
    }),
  ),
  integer_invalid: define<{ value: Value }>("error", ({ value }) => ({
    vi: `${quoteValue(value)} không phải số nguyên không âm. Dùng 1234, 1.234 hoặc 1,234.`,
    en: `${quoteValue(value)} is not a whole number ≥ 0. Use 1234, 1.234 or 1,234.`,
  })),
  number_invalid: define<{ value: Value }>("error", ({ value }) => ({
    vi: `${quoteValue(value)} không phải là số. Dùng dấu phẩy hoặc dấu chấm cho phần thập phân (1,5 hoặc 1.5).`,
    en: `${quoteValue(value)} is not a number. Use a comma or a point for decimals (1,5 or 1.5).`,
  })),
  minutes_out_of_range: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Số phút ${quoteValue(value)} phải là số nguyên từ 1 đến 480 (8 giờ).`,
    en: `Minutes ${quoteValue(value)} must be a whole number from 1 to 480 (8 hours).`,
  })),
  hours_out_of_range: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Số giờ ${quoteValue(value)} phải lớn hơn 0 và không quá 24.`,
    en: `Hours ${quoteValue(value)} must be more than 0 and at most 24.`,
  })),
  shift_time_missing: define<Record<string, never>>("error", () => ({
    vi: "Ca trực cần giờ bắt đầu và giờ kết thúc, hoặc số giờ.",
    en: "A shift needs a start and an end time, or a number of hours.",
  })),
  shift_end_before_start: define<{ start: string; end: string }>("error", ({ start, end }) => ({
    vi: `Giờ kết thúc ${end} không sau giờ bắt đầu ${start}. Ca qua đêm không được chấp nhận: tách thành hai ca.`,
    en: `End time ${end} is not after start time ${start}. Overnight shifts are not accepted: split them in two.`,
  })),
  shift_hours_mismatch: define<{ hours: number; computed: number }>(
    "warning",
    ({ hours, computed }) => ({
      vi: `Số giờ ghi ${hours} khác với giờ bắt đầu–kết thúc (${computed}); dùng ${computed}.`,
      en: `The hours given (${hours}) differ from start–end (${computed}); ${computed} is used.`,
    }),
  ),
  enum_invalid: define<{
    value: Value;
    field: string;
    allowed: readonly string[];
    allowed_vi: readonly string[];
  }>("error", ({ value, field, allowed, allowed_vi }) => ({
    vi: `Giá trị ${quoteValue(value)} không hợp lệ cho ${field}. Giá trị được chấp nhận: ${list(allowed_vi)}.`,
    en: `${quoteValue(value)} is not a valid ${field}. Accepted values: ${list(allowed)}.`,
  })),
  age_invalid: define<{ value: Value; field: string }>("error", ({ value, field }) => ({
    vi: `${field} ${quoteValue(value)} không hợp lệ (tuổi phải từ 0 đến 120). Để trống nếu không rõ.`,
    en: `${field} ${quoteValue(value)} is not valid (age must be 0 to 120). Leave it empty if unknown.`,
  })),
  commune_unknown: define<{ value: Value; suggestions: readonly string[] }>(
    "error",
    ({ value, suggestions }) => ({
      vi:
        `Không tìm thấy xã/phường ${quoteValue(value)} trong tỉnh. Dùng mã 5 số hoặc tên hiện hành.` +
        (suggestions.length ? ` Có phải: ${list(suggestions)}?` : ""),
      en:
        `No commune ${quoteValue(value)} in the province. Use its 5-digit code or its current name.` +
        (suggestions.length ? ` Did you mean: ${list(suggestions)}?` : ""),
    }),
  ),
  commune_ambiguous: define<{ value: Value; candidates: readonly string[] }>(
    "error",
    ({ value, candidates }) => ({
      vi: `${quoteValue(value)} có thể là: ${list(candidates)}. Ghi tên hiện hành, mã xã, hoặc thêm thành phố/huyện cũ, ví dụ "Phường 1 (thành phố Đà Lạt)".`,
      en: `${quoteValue(value)} could be: ${list(candidates)}. Give the current name, the code, or the old town, e.g. "Phường 1 (thành phố Đà Lạt)".`,
    }),
  ),
  commune_other_province: define<{ value: Value; provinces: readonly string[] }>(
    "error",
    ({ value, provinces }) => ({
      vi: `${quoteValue(value)} là xã/phường của ${list(provinces)}, không thuộc tỉnh đang nạp. Tách dòng này sang tệp của tỉnh đó.`,
      en: `${quoteValue(value)} is a commune of ${list(provinces)}, not of the province being loaded. Move this row to that province's file.`,
    }),
  ),
  commune_renamed: define<{ value: Value; successor: string; code: string }>(
    "warning",
    ({ value, successor, code }) => ({
      vi: `${quoteValue(value)} là đơn vị trước sắp xếp 1/7/2025; được tính vào ${successor} (${code}).`,
      en: `${quoteValue(value)} is a pre-1 July 2025 unit; counted under its successor ${successor} (${code}).`,
    }),
  ),
  ethnicity_unknown: define<{ value: Value }>("error", ({ value }) => ({
    vi: `Không nhận ra dân tộc ${quoteValue(value)}. Dùng tên (ví dụ K'Ho) hoặc mã 2 số theo QĐ 1019/2008; mã năm 1979 ghi dạng 1979:05.`,
    en: `Ethnic group ${quoteValue(value)} not recognised. Use a name (e.g. K'Ho) or the 2-digit 2008 GSO code; 1979 codes are written 1979:05.`,
  })),
  ethnicity_ambiguous: define<{ value: Value; candidates: readonly string[] }>(
    "error",
    ({ value, candidates }) => ({
      vi: `${quoteValue(value)} có thể là: ${list(candidates)}. Ghi tên có dấu hoặc dùng mã.`,
      en: `${quoteValue(value)} could be: ${list(candidates)}. Write the name with diacritics or use the code.`,
    }),
  ),
  ethnicity_foreign: define<{ value: Value }>("error", ({ value }) => ({
    vi: `${quoteValue(value)} (người nước ngoài) không phải một dân tộc của Việt Nam; dòng này không được tính.`,
    en: `${quoteValue(value)} (foreign national) is not an ethnic group of Viet Nam; the row is not counted.`,
  })),
  procedure_unknown: define<{ value: Value }>("warning", ({ value }) => ({
    vi: `Không tìm thấy thủ tục ${quoteValue(value)} trong danh mục; được tính là "Thủ tục khác". Dùng mã thủ tục (ví dụ 1.001193) nếu có.`,
    en: `Procedure ${quoteValue(value)} is not in the catalogue; counted as "other". Use the procedure code (e.g. 1.001193) if there is one.`,
  })),
  procedure_ambiguous: define<{ value: Value; candidates: readonly string[] }>(
    "warning",
    ({ value, candidates }) => ({
      vi: `Thủ tục ${quoteValue(value)} khớp nhiều mã (${list(candidates)}); được tính là "Thủ tục khác". Dùng mã thủ tục.`,
      en: `Procedure ${quoteValue(value)} matches several codes (${list(candidates)}); counted as "other". Use the procedure code.`,
    }),
  ),
  dossier_inconsistent: define<{ detail_vi: string; detail_en: string }>(
    "error",
    ({ detail_vi, detail_en }) => ({
      vi: `Số liệu hồ sơ không khớp: ${detail_vi}.`,
      en: `Dossier figures do not add up: ${detail_en}.`,
    }),
  ),
  population_inconsistent: define<{ field: string; value: number; total: number }>(
    "error",
    ({ field, value, total }) => ({
      vi: `${field} (${value}) lớn hơn tổng dân số (${total}).`,
      en: `${field} (${value}) is larger than the total population (${total}).`,
    }),
  ),
};

export type ReasonCode = keyof typeof REASONS;
export type ReasonParams<C extends ReasonCode> = Parameters<(typeof REASONS)[C]["messages"]>[0];

export function severityOf(code: ReasonCode): Severity {
  return REASONS[code].severity;
}

export function makeIssue<C extends ReasonCode>(
  code: C,
  column: string | null,
  params: ReasonParams<C>,
): RowIssue {
  const build = REASONS[code].messages as (p: ReasonParams<C>) => Messages;
  const { vi, en } = build(params);
  return { reason_code: code, column, message_vi: vi, message_en: en };
}
