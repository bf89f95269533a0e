// Why a whole file is refused, in Vietnamese and English, each message saying what to do next.
import { HEADER_SCAN_ROWS } from "./detect-layout";
import type { ImportKind } from "../fields";
import { labelField, REQUIRED_FIELDS } from "../fields";
import type { LegacyEncoding } from "./detect-encoding";

export type FileRejectionCode =
  | "empty_file"
  | "encoding_legacy"
  | "encoding_binary"
  | "no_header"
  | "missing_columns"
  | "duplicate_columns"
  | "sheet_not_found"
  | "unsupported_format"
  | "malformed_csv"
  | "malformed_xlsx"
  | "xlsx_too_large"
  | "xlsx_compression_ratio"
  | "xlsx_too_many_entries"
  | "xlsx_too_many_strings"
  | "xlsx_cell_too_long";

export class FileRejectedError extends Error {
  readonly code: FileRejectionCode;
  readonly message_vi: string;
  readonly message_en: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: FileRejectionCode,
    messages: { vi: string; en: string },
    details?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = "FileRejectedError";
    this.code = code;
    this.message_vi = messages.vi;
    this.message_en = messages.en;
    if (details) this.details = details;
  }
}

const SAVE_AS_UTF8_VI =
  'Trong Excel: Tệp → Lưu thành → chọn "CSV UTF-8 (Comma delimited) (*.csv)", rồi nạp lại.';
const SAVE_AS_UTF8_EN =
  'In Excel: File → Save As → choose "CSV UTF-8 (Comma delimited) (*.csv)", then load it again.';

const LEGACY_ADVICE: Record<LegacyEncoding, { name: string; vi: string; en: string }> = {
  "windows-1258": {
    name: "Windows-1258 (CP1258)",
    vi: SAVE_AS_UTF8_VI,
    en: SAVE_AS_UTF8_EN,
  },
  tcvn3: {
    name: "TCVN3 (ABC, phông .Vn…)",
    vi: `Mở công cụ chuyển mã của Unikey (Ctrl+Shift+F6), chọn Nguồn "TCVN3 (ABC)", Đích "Unicode", chuyển mã nội dung tệp, rồi lưu thành "CSV UTF-8 (Comma delimited)".`,
    en: `Open Unikey's converter (Ctrl+Shift+F6), choose Source "TCVN3 (ABC)" and Destination "Unicode", convert the file's content, then save it as "CSV UTF-8 (Comma delimited)".`,
  },
  vni: {
    name: "VNI Windows (phông VNI-…)",
    vi: `Mở công cụ chuyển mã của Unikey (Ctrl+Shift+F6), chọn Nguồn "VNI Windows", Đích "Unicode", chuyển mã nội dung tệp, rồi lưu thành "CSV UTF-8 (Comma delimited)".`,
    en: `Open Unikey's converter (Ctrl+Shift+F6), choose Source "VNI Windows" and Destination "Unicode", convert the file's content, then save it as "CSV UTF-8 (Comma delimited)".`,
  },
};

export function legacyEncodingError(encoding: LegacyEncoding | null): FileRejectedError {
  if (encoding === null) {
    return new FileRejectedError(
      "encoding_legacy",
      {
        vi: `Tệp không được lưu bằng UTF-8 (có thể là một bảng mã cũ như TCVN3, VNI hoặc Windows-1258). ${SAVE_AS_UTF8_VI} Nếu tệp dùng phông .Vn… hoặc VNI-…, hãy chuyển sang Unicode bằng công cụ chuyển mã của Unikey trước.`,
        en: `The file is not saved as UTF-8 (possibly a legacy encoding such as TCVN3, VNI or Windows-1258). ${SAVE_AS_UTF8_EN} If it uses .Vn… or VNI-… fonts, convert it to Unicode with Unikey's converter first.`,
      },
      { encoding: null },
    );
  }
  const advice = LEGACY_ADVICE[encoding];
  return new FileRejectedError(
    "encoding_legacy",
    {
      vi: `Tệp không được lưu bằng UTF-8: có vẻ dùng bảng mã ${advice.name}. ${advice.vi}`,
      en: `The file is not saved as UTF-8: it looks like ${advice.name}. ${advice.en}`,
    },
    { encoding },
  );
}

export function binaryFileError(): FileRejectedError {
  return new FileRejectedError("encoding_binary", {
    vi: `Tệp chứa byte NUL: đây là tệp nhị phân hoặc văn bản UTF-16 không có BOM, không phải CSV. ${SAVE_AS_UTF8_VI}`,
    en: `The file contains NUL bytes: it is binary, or UTF-16 text without a BOM, not a CSV. ${SAVE_AS_UTF8_EN}`,
  });
}

export function invalidUtf16Error(): FileRejectedError {
  return new FileRejectedError("encoding_binary", {
    vi: `Tệp có BOM UTF-16 nhưng nội dung không phải văn bản UTF-16 hợp lệ. ${SAVE_AS_UTF8_VI}`,
    en: `The file has a UTF-16 byte-order mark but its content is not valid UTF-16 text. ${SAVE_AS_UTF8_EN}`,
  });
}

export function emptyFileError(sheet?: string): FileRejectedError {
  const where = sheet === undefined ? "" : ` (trang tính "${sheet}")`;
  const whereEn = sheet === undefined ? "" : ` (sheet "${sheet}")`;
  return new FileRejectedError(
    "empty_file",
    {
      vi: `Tệp trống${where}: không có dòng tiêu đề và dữ liệu. Kiểm tra lại đã chọn đúng tệp.`,
      en: `The file is empty${whereEn}: no header row and no data. Check that the right file was chosen.`,
    },
    sheet === undefined ? undefined : { sheet },
  );
}

export function noHeaderError(
  kind: ImportKind,
  headers: readonly string[],
  line: number,
): FileRejectedError {
  // The row's cells are not quoted: without a header, they are usually data (names, numbers).
  const cells = headers.filter((h) => h !== "").length;
  const required: readonly string[] = REQUIRED_FIELDS[kind];
  const expected = required
    .slice(0, 3)
    .map((f) => labelField(kind, f))
    .join(", ");
  return new FileRejectedError(
    "no_header",
    {
      vi: `Không tìm thấy dòng tiêu đề: trong ${HEADER_SCAN_ROWS} dòng đầu (từ dòng ${line}, ${cells} ô có dữ liệu) không có dòng nào chứa tên cột được nhận ra. Thêm một dòng tên cột phía trên dữ liệu, ví dụ ${expected}.`,
      en: `No header row found: none of the first ${HEADER_SCAN_ROWS} rows (from line ${line}, ${cells} non-empty cells) holds recognisable column names. Add a row of column names above the data, e.g. ${expected}.`,
    },
    { line, headers: [...headers] },
  );
}

export function missingColumnsError(
  kind: ImportKind,
  missing: readonly string[],
  options: { deriveIds?: boolean } = {},
): FileRejectedError {
  const labels = missing.map((f) => labelField(kind, f)).join(", ");
  let hintVi =
    "Thêm các cột này vào dòng tiêu đề (tên cột tiếng Việt hoặc tiếng Anh đều được) rồi nạp lại.";
  let hintEn =
    "Add these columns to the header row (Vietnamese or English names both work) and load again.";
  if (kind === "assistance" && missing.includes("record_id") && !options.deriveIds) {
    hintVi += " Nếu tệp là bản xuất từ biểu mẫu không có mã, nạp với --derive-ids để tự tạo mã.";
    hintEn +=
      " If the file is a form export without ids, load it with --derive-ids to derive them.";
  }
  if (kind === "shifts" && missing.some((f) => f === "start" || f === "end" || f === "hours")) {
    hintVi += " Ca trực cần cột giờ bắt đầu và giờ kết thúc, hoặc cột số giờ.";
    hintEn += " Shifts need start and end columns, or an hours column.";
  }
  return new FileRejectedError(
    "missing_columns",
    {
      vi: `Thiếu cột bắt buộc: ${labels}. ${hintVi}`,
      en: `Required columns missing: ${labels}. ${hintEn}`,
    },
    { missing: [...missing] },
  );
}

export function duplicateColumnsError(
  kind: ImportKind,
  duplicates: readonly { field: string; headers: readonly string[] }[],
): FileRejectedError {
  const describe = duplicates
    .map((d) => `${labelField(kind, d.field)} ← ${d.headers.map((h) => `"${h}"`).join(", ")}`)
    .join("; ");
  return new FileRejectedError(
    "duplicate_columns",
    {
      vi: `Nhiều cột cùng chứa một trường: ${describe}. Giữ một cột cho mỗi trường (xóa hoặc đổi tên các cột còn lại) rồi nạp lại.`,
      en: `Several columns feed the same field: ${describe}. Keep one column per field (delete or rename the others) and load again.`,
    },
    { duplicates: duplicates.map((d) => ({ field: d.field, headers: [...d.headers] })) },
  );
}

export function sheetNotFoundError(sheet: string, sheets: readonly string[]): FileRejectedError {
  const list = sheets.map((s) => `"${s}"`).join(", ");
  return new FileRejectedError(
    "sheet_not_found",
    {
      vi: `Không có trang tính "${sheet}" trong tệp. Các trang tính có: ${list || "(không có)"}. Dùng --sheet với một trong các tên này.`,
      en: `The workbook has no sheet "${sheet}". Its sheets are: ${list || "(none)"}. Use --sheet with one of these names.`,
    },
    { sheet, sheets: [...sheets] },
  );
}

export type UnsupportedFormat = "xls" | "pdf" | "zip" | "not_a_workbook";

const UNSUPPORTED: Record<UnsupportedFormat, { vi: string; en: string }> = {
  xls: {
    vi: 'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Mở trong Excel và lưu thành "Excel Workbook (*.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)".',
    en: 'Excel 97–2003 files (.xls) are not supported. Open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)".',
  },
  pdf: {
    vi: "Tệp PDF không được hỗ trợ. Hãy nạp bảng dữ liệu gốc dưới dạng .xlsx hoặc CSV UTF-8.",
    en: "PDF files are not supported. Load the original data table as .xlsx or UTF-8 CSV.",
  },
  zip: {
    vi: "Tệp nén này không phải sổ tính Excel (.xlsx). Giải nén và nạp tệp .xlsx hoặc .csv bên trong.",
    en: "This archive is not an Excel workbook (.xlsx). Extract it and load the .xlsx or .csv inside.",
  },
  not_a_workbook: {
    vi: 'Tệp có đuôi Excel nhưng nội dung không phải sổ tính .xlsx. Mở trong Excel và lưu lại thành "Excel Workbook (*.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)".',
    en: 'The file has an Excel extension but is not an .xlsx workbook. Open it in Excel and save it again as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)".',
  },
};

export function unsupportedFormatError(format: UnsupportedFormat): FileRejectedError {
  return new FileRejectedError("unsupported_format", UNSUPPORTED[format], { format });
}

export type CsvDefect = "quote_not_closed" | "invalid_closing_quote" | "record_too_large" | "other";

export function malformedCsvError(
  defect: CsvDefect,
  line: number,
  detail?: string,
): FileRejectedError {
  const what: Record<CsvDefect, { vi: string; en: string }> = {
    quote_not_closed: {
      vi: 'một dấu ngoặc kép (") mở ra nhưng không bao giờ đóng lại',
      en: 'a double quote (") is opened and never closed',
    },
    invalid_closing_quote: {
      vi: 'sau dấu ngoặc kép đóng có ký tự không phải dấu phân cách (ví dụ "abc"d)',
      en: 'a closing double quote is followed by something other than a delimiter (e.g. "abc"d)',
    },
    record_too_large: {
      vi: "bản ghi quá lớn (thường do một dấu ngoặc kép không được đóng)",
      en: "the record is too large (usually a double quote that is never closed)",
    },
    other: { vi: "cấu trúc CSV không hợp lệ", en: "the CSV structure is invalid" },
  };
  return new FileRejectedError(
    "malformed_csv",
    {
      vi: `Tệp CSV bị lỗi từ dòng ${line}: ${what[defect].vi}. Sửa dòng đó (hoặc xuất lại tệp từ Excel) rồi nạp lại.`,
      en: `The CSV is broken from line ${line}: ${what[defect].en}. Fix that line (or export the file again from Excel) and load again.`,
    },
    detail === undefined ? { line, defect } : { line, defect, detail },
  );
}

export function malformedXlsxError(detail: string): FileRejectedError {
  return new FileRejectedError(
    "malformed_xlsx",
    {
      vi: 'Không đọc được sổ tính .xlsx (tệp hỏng hoặc không đầy đủ). Mở trong Excel, lưu lại thành "Excel Workbook (*.xlsx)" rồi nạp lại.',
      en: 'The .xlsx workbook cannot be read (damaged or incomplete). Open it in Excel, save it again as "Excel Workbook (*.xlsx)" and load again.',
    },
    { detail },
  );
}

/** Which bound of zip-limits.server.ts a workbook passed. */
export type XlsxLimit =
  "too_large" | "compression_ratio" | "too_many_entries" | "too_many_strings" | "cell_too_long";

const XLSX_LIMIT_MESSAGES: Record<XlsxLimit, { vi: string; en: string }> = {
  too_large: {
    vi: "Sổ tính .xlsx khi giải nén quá lớn để đọc an toàn (quá 512 MB một phần hoặc 1 GB tổng cộng). Hãy chia dữ liệu thành nhiều tệp nhỏ hơn, hoặc lưu thành CSV UTF-8 rồi nạp lại.",
    en: "The .xlsx workbook is too large once unpacked to read safely (over 512 MB in one part or 1 GB in all). Split the data into smaller files, or save it as CSV UTF-8 and load again.",
  },
  compression_ratio: {
    vi: "Sổ tính .xlsx bị nén bất thường (một phần giải nén ra lớn gấp hơn 100 lần): tệp có thể đã bị chỉnh sửa để làm treo máy chủ. Mở trong Excel, lưu lại thành “Excel Workbook (*.xlsx)” rồi nạp lại.",
    en: "The .xlsx workbook is compressed abnormally (a part unpacks to over 100 times its size): it may have been crafted to overwhelm the server. Open it in Excel, save it again as “Excel Workbook (*.xlsx)” and load again.",
  },
  too_many_entries: {
    vi: "Sổ tính .xlsx chứa quá nhiều phần bên trong (hơn 10.000). Hãy chỉ giữ lại trang tính cần nạp rồi lưu lại.",
    en: "The .xlsx workbook holds too many internal parts (over 10,000). Keep only the sheet to load and save it again.",
  },
  too_many_strings: {
    vi: "Sổ tính .xlsx có quá nhiều chuỗi văn bản dùng chung (hơn 2 triệu, hoặc hơn 128 MB). Hãy chia dữ liệu thành nhiều tệp, hoặc lưu thành CSV UTF-8 rồi nạp lại.",
    en: "The .xlsx workbook has too many shared text strings (over 2 million, or over 128 MB). Split the data into several files, or save it as CSV UTF-8 and load again.",
  },
  cell_too_long: {
    vi: "Sổ tính .xlsx có một ô chứa văn bản quá dài (hơn 256 KB, vượt giới hạn 32.767 ký tự của Excel). Hãy kiểm tra lại ô đó rồi nạp lại.",
    en: "The .xlsx workbook has a cell with overly long text (over 256 KB, beyond Excel's own 32,767-character limit). Check that cell and load again.",
  },
};

export function xlsxLimitError(
  limit: XlsxLimit,
  details: Record<string, unknown>,
): FileRejectedError {
  return new FileRejectedError(`xlsx_${limit}`, XLSX_LIMIT_MESSAGES[limit], details);
}
