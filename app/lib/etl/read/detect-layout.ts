// Where the table is in a sheet laid out as Vietnamese offices lay out reports: the national motto,
// the issuing unit and a title above it; a header of one row, or of two (a group cell merged over
// its sub-columns); a row numbering the columns "(1) (2) …"; a "Tổng cộng" row; a signature block
// below ("Người lập biểu", "BÍ THƯ", "(Ký, ghi rõ họ tên)", names). A careful clerk skips all of
// that and reads the table: so does this module. Pure: records in, a layout out.
import type { ImportKind } from "../fields";
import { fieldForHeader } from "../fields";
import { foldKey, normalizeText } from "../text";
import type { CellValue, SourceRecord } from "./types";

/** How many non-empty rows from the top may hold the header (title blocks run to ~10). */
export const HEADER_SCAN_ROWS = 30;

export type SkipReason = "total_row" | "signature_block";

export interface DetectedHeader {
  /** The header's cells (for two rows: the sub-header, with the group's text where that is empty). */
  cells: CellValue[];
  /** The first and last sheet row of the header. */
  firstLine: number;
  lastLine: number;
  /** Text of the rows above the header (titles), in order: a month or a unit may be given there. */
  titles: string[];
}

/** An admin's header aliases (ref.vocabulary), keyed by toHeaderKey. */
export type HeaderAliases = ReadonlyMap<string, string>;

const text = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined || cell instanceof Date ? "" : normalizeText(String(cell));

function recognised(kind: ImportKind, cells: readonly CellValue[], extra?: HeaderAliases): number {
  const fields = new Set<string>();
  for (const cell of cells) {
    const header = text(cell);
    const field = header === "" ? null : fieldForHeader(kind, header, { extra });
    if (field) fields.add(field);
  }
  return fields.size;
}

/**
 * A two-row header as one row: per column, the first of "group - sub", "group sub", sub, group
 * that names a field (so "Tiếp nhận" over "Tổng số" reads "Tiếp nhận - Tổng số", and a group
 * "Người được hỗ trợ" over "Năm sinh" reads "Năm sinh"); a merged group cell's text, written
 * once at its left, is carried right while the sub-header row goes on under it.
 */
export function mergeHeaderRows(
  kind: ImportKind,
  group: readonly CellValue[],
  sub: readonly CellValue[],
  extra?: HeaderAliases,
): CellValue[] {
  const width = Math.max(group.length, sub.length);
  const merged: CellValue[] = [];
  let carried = "";
  for (let i = 0; i < width; i++) {
    const own = text(group[i]);
    const below = text(sub[i]);
    if (own !== "") carried = own;
    else if (below === "") carried = "";
    const above = own !== "" ? own : below !== "" ? carried : "";
    const candidates =
      above !== "" && below !== "" && above !== below
        ? [`${above} - ${below}`, `${above} ${below}`, below, above]
        : [below || above];
    // Exact readings first, so "Tiếp nhận" over "Trong đó trực tuyến" is the online count and not,
    // by its first words, the total.
    merged.push(
      candidates.find((c) => fieldForHeader(kind, c, { strict: true, extra }) !== null) ??
        candidates.find((c) => fieldForHeader(kind, c, { extra }) !== null) ??
        (below || above),
    );
  }
  return merged;
}

/**
 * The header among the first rows: the row (or pair of rows) naming the most fields, the earliest
 * on a tie. Null when no row names two fields (the caller then reports the first row as before).
 */
export function detectHeader(
  kind: ImportKind,
  records: readonly SourceRecord[],
  extra?: HeaderAliases,
): DetectedHeader | null {
  let best: { score: number; at: number; lastLine: number; cells: CellValue[] } | null = null;
  const consider = (score: number, at: number, lastLine: number, cells: CellValue[]) => {
    if (score >= 2 && (!best || score > best.score)) best = { score, at, lastLine, cells };
  };
  records.forEach((record, i) => {
    consider(recognised(kind, record.cells, extra), i, record.line, record.cells);
    const next = records[i + 1];
    if (next && !isColumnNumberRow(next.cells)) {
      // Two rows only when the upper one adds fields: a title right above a one-row header
      // (LibreOffice drops the blank row between them) is not a group row.
      const merged = mergeHeaderRows(kind, record.cells, next.cells, extra);
      const score = recognised(kind, merged, extra);
      if (score > recognised(kind, next.cells, extra)) consider(score, i, next.line, merged);
    }
  });
  const found = best as { at: number; lastLine: number; cells: CellValue[] } | null;
  if (!found) return null;
  return {
    cells: found.cells,
    firstLine: records[found.at]!.line,
    lastLine: found.lastLine,
    titles: records
      .slice(0, found.at)
      .map((r) => r.cells.map(text).filter(Boolean).join(" "))
      .filter(Boolean),
  };
}

/** "(1) (2) (3)", "1 2 3", "A B C", "[1]": a row numbering the columns, not data. */
export function isColumnNumberRow(cells: readonly CellValue[]): boolean {
  const filled = cells.map(text).filter((t) => t !== "");
  if (filled.length < 2) return false;
  const marks = filled.map((t) => t.replace(/^[([]\s*|\s*[)\]]$/g, ""));
  if (marks.every((m) => /^[A-Z]$/.test(m))) return true;
  if (!marks.every((m) => /^\d{1,2}(\s*=\s*[\d+\-*/x ]+)?$/.test(m))) return false;
  // Consecutive numbers (with formulas such as "(5)=(3)+(4)" between): not a row of counts.
  const numbers = marks.map((m) => Number.parseInt(m, 10));
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

// Folded (no diacritics, lower case) words that open a totals row.
const TOTAL_ROW =
  /^(tong cong|tong so|tong|cong|total|grand total|tong hop)( (toan|cac|chung|xa|phuong|huyen|dac khu|thi tran|tinh)\b.*)?$/;

const TOTAL_START = /^[tcg]/iu;

// Folded words that open a signature block, and the place-and-date line above it.
const SIGNATURE = [
  /^nguoi lap( bieu)?\b/,
  /^nguoi bao cao\b/,
  /^nguoi tong hop\b/,
  /^thu truong( don vi)?\b/,
  /^(pho )?bi thu\b/,
  /^tm (ban chap hanh|ban thuong vu|uy ban|ubnd|doan)\b/,
  /^kt (bi thu|chu tich|giam doc)\b/,
  /^(pho )?(chu tich|giam doc|truong ban)\b/,
  /^xac nhan( cua)?\b/,
  /^ky ghi ro ho ten\b/,
  /^ky ten\b/,
  /^ke toan\b/,
  /^noi nhan\b/,
];
const PLACE_AND_DATE = /\bngay \d{1,2} thang \d{1,2} nam \d{4}\b/;

/**
 * Why a row below the header is not data, or null when it is. `state.signature` turns on at the
 * first signature row: everything after it (titles, names, phone lines) belongs to the block.
 */
export function skipReason(
  cells: readonly CellValue[],
  state: { signature: boolean },
): SkipReason | null {
  // Asked of every row of a file, so it folds as little as it can (issue 13's profile): five
  // filled cells tell a record from a signature row, three a totals row.
  const filled: string[] = [];
  for (const cell of cells) {
    const t = text(cell);
    if (t !== "" && filled.push(t) > 4) break;
  }
  if (filled.length === 0) return null;
  if (state.signature) return "signature_block";
  // A signature row is short: a few cells of titles and names, not a record.
  if (
    filled.length <= 4 &&
    filled.map(foldKey).some((k) => PLACE_AND_DATE.test(k) || SIGNATURE.some((re) => re.test(k)))
  ) {
    state.signature = true;
    return "signature_block";
  }
  // A totals label starts with t, c or g ("Tổng cộng", "Cộng", "Total", "Grand total").
  const total = filled.slice(0, 3).some((t) => TOTAL_START.test(t) && TOTAL_ROW.test(foldKey(t)));
  return total ? "total_row" : null;
}

/**
 * Values a report gives once in its title instead of in every row: the month of a monthly report
 * ("… THÁNG 08/2025", "tháng 8 năm 2025") and the year of a yearly one ("… NĂM 2025"), as cells
 * the normalizers read ("08/2025", 2025).
 */
export function valuesFromTitles(titles: readonly string[]): { month?: string; year?: number } {
  const text = foldKey(titles.join(" "));
  const month =
    /\bthang (\d{1,2}) (\d{4})\b/.exec(text) ?? /\bthang (\d{1,2}) nam (\d{4})\b/.exec(text);
  const found: { month?: string; year?: number } = {};
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    found.month = `${month[1]!.padStart(2, "0")}/${month[2]}`;
  const year = /\bnam (\d{4})\b/.exec(text);
  if (year) found.year = Number(year[1]);
  else if (month) found.year = Number(month[2]);
  return found;
}
