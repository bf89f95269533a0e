// Personal data must never land: columns that hold it are recognised by their header (and dropped
// with every other non-canonical column), and ID- or phone-like digit runs inside the kept values
// are masked in the copies of rejected rows.
import { toHeaderKey } from "../fields";

export type PersonalDataKind =
  "full_name" | "citizen_id" | "phone" | "email" | "date_of_birth" | "address";

// Matched against toHeaderKey(header): lowercase ASCII letters and digits only.
const PERSONAL_HEADER_PATTERNS: readonly [PersonalDataKind, RegExp][] = [
  [
    "citizen_id",
    /cccd|cmnd|dinhdanh|cancuoc|chungminh|citizenid|idnumber|idcard|nationalid|passport|hochieu/,
  ],
  ["phone", /^sdt|sdt$|sodt|dienthoai|didong|phone|mobile|^tel$|telephone|zalo/],
  ["email", /email|thudientu/],
  ["date_of_birth", /ngaysinh|ngaythangnamsinh|dateofbirth|birthdate|birthday|^dob$/],
  ["address", /diachi|address|noio|thuongtru|tamtru|quequan|nguyenquan|sonha|thonxom|^thon$|^xom$/],
  [
    "full_name",
    /hoten|hovaten|fullname|firstname|lastname|surname|(citizen|person|applicant|volunteer|user)name|^ten(congdan|nguoi|tnv|tinhnguyenvien)|^(ho|ten|name|congdan|nguoiduochotro|chuhoso|nguoinop|nguoiyeucau)$/,
  ],
];

/** Which kind of personal data a column header announces, if any. */
export function classifyPersonalHeader(header: string): PersonalDataKind | null {
  const key = toHeaderKey(header);
  if (key === "") return null;
  for (const [kind, pattern] of PERSONAL_HEADER_PATTERNS) {
    if (pattern.test(key)) return kind;
  }
  return null;
}

export const MASK = "[đã ẩn]";

// A 12-digit citizen ID (CCCD), optionally grouped in threes or fours.
const CITIZEN_ID = /(?<![\d+])(?:\d{12}|\d{3}(?:[ .-]\d{3}){3}|\d{4}(?:[ .-]\d{4}){2})(?!\d)/g;
// A Vietnamese phone number: 0 or +84/84, then 9 (mobile) or 10 (landline) digits, with optional
// single spaces, dots or dashes between digits.
const PHONE = /(?<![\d+])(?:\+84|84|0)[ .-]?(?:\d[ .-]?){8,9}\d(?!\d)/g;

// An e-mail address.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A house or hamlet address: "Thôn 3", "Xóm Bến", "Số nhà 12 …", "Tổ dân phố 5" up to the next
// comma (the commune after it is a place, not a person's data). The word must start a word: \b
// is ASCII-only even with the u flag, so "cấp" (to issue) read as "c" + "ấp …" and masked every
// procedure name that issues something ("Đề nghị cấp …").
const ADDRESS =
  /(?<![\p{L}\p{M}\p{N}])(?:thôn|xóm|ấp|tổ dân phố|tdp|khu phố|số nhà|sn)\s+[^,;]+/giu;

/**
 * Replaces what identifies a person inside a value with MASK: citizen-ID-like and phone-like digit
 * runs, e-mail addresses and house or hamlet addresses. Applied to every value a message, a
 * warning, the ledger or a rejected row's copy quotes (issue 11).
 */
export function maskPersonalValue(value: string): string {
  let masked = value;
  if (masked.includes("@")) masked = masked.replace(EMAIL, MASK);
  if (/th[oô]n|x[oó]m|ấp|tổ|tdp|khu|số|sn/iu.test(masked)) masked = masked.replace(ADDRESS, MASK);
  // Fewer than 9 digits cannot hold an ID or a phone number; most values stop here.
  if ((masked.match(/\d/g)?.length ?? 0) < 9) return masked;
  return masked.replace(CITIZEN_ID, MASK).replace(PHONE, MASK);
}

/** A name rather than a code: letters and spaces, two words or more, no digit. */
export function looksLikeName(value: string): boolean {
  return !/\d/.test(value) && /^[\p{L}\p{M}'’.\s-]+$/u.test(value) && value.trim().includes(" ");
}
