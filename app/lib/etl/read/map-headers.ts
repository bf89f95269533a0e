// From a header row to the file's column layout: which column feeds which canonical field, and
// which columns are dropped (every non-canonical one, flagged when it holds personal data).
import type { ImportKind } from "../fields";
import {
  CANONICAL_FIELDS,
  fallbackFieldForHeader,
  fieldForHeader,
  listMissingFields,
  listMissingOptionalFields,
} from "../fields";
import { normalizeText } from "../text";
import { duplicateColumnsError, missingColumnsError, noHeaderError } from "./file-errors";
import { classifyPersonalHeader } from "./pii";
import type { CellValue, DroppedColumn, SourceColumn } from "./types";

export interface HeaderLayout {
  /** In file order; the header as written (NFC, whitespace collapsed). */
  columns: SourceColumn[];
  droppedColumns: DroppedColumn[];
  missingOptional: string[];
  /** Columns up to the last one with a header; cells beyond it must be empty. */
  width: number;
  /** Fields no column holds that the report's title gives for every row (a month, a year). */
  fromTitle: Record<string, string | number>;
}

export function headerText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  return normalizeText(String(cell));
}

/**
 * Maps a header row onto the kind's canonical fields. Throws FileRejectedError when no column is
 * recognised, when two columns feed one field, or when a required column is missing.
 */
export function resolveHeaders(
  kind: ImportKind,
  cells: readonly CellValue[],
  options: {
    line: number;
    deriveIds?: boolean;
    /** Values the title gives (valuesFromTitles); used for fields no column holds. */
    titleValues?: Record<string, string | number>;
    /** An admin's header aliases (ref.vocabulary), keyed by toHeaderKey. */
    headerAliases?: ReadonlyMap<string, string>;
  },
): HeaderLayout {
  const headers = cells.map(headerText);
  const columns = headers.map((header) => ({
    header,
    field: header === "" ? null : fieldForHeader(kind, header, { extra: options.headerAliases }),
  }));
  // A fallback header ("Dấu thời gian") feeds its field only when no column does.
  for (const column of columns) {
    if (column.field !== null || column.header === "") continue;
    const fallback = fallbackFieldForHeader(kind, column.header);
    if (fallback && !columns.some((c) => c.field === fallback)) column.field = fallback;
  }
  const mapped = columns.filter((c): c is { header: string; field: string } => c.field !== null);
  if (mapped.length === 0) throw noHeaderError(kind, headers, options.line);

  const byField = new Map<string, { header: string; field: string }[]>();
  for (const c of mapped) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  const duplicates = [...byField]
    .filter(([, cols]) => cols.length > 1)
    .map(([field, cols]) => ({ field, headers: cols.map((c) => c.header) }));
  if (duplicates.length > 0) throw duplicateColumnsError(kind, duplicates);

  const fromTitle: Record<string, string | number> = {};
  const kindFields: readonly string[] = CANONICAL_FIELDS[kind];
  for (const [field, value] of Object.entries(options.titleValues ?? {})) {
    if (kindFields.includes(field) && !byField.has(field)) fromTitle[field] = value;
  }
  const present = [...byField.keys(), ...Object.keys(fromTitle)];
  const missing = listMissingFields(kind, present, options);
  if (missing.length > 0) throw missingColumnsError(kind, missing, options);

  // A column without a header holds nothing the user meant to load (often Excel's trailing
  // separators), so it is dropped without being listed.
  const droppedColumns = columns
    .filter((c) => c.field === null && c.header !== "")
    .map((c) => ({ name: c.header, personalData: classifyPersonalHeader(c.header) !== null }));

  let width = headers.length;
  while (width > 0 && headers[width - 1] === "") width--;

  return {
    columns,
    droppedColumns,
    missingOptional: listMissingOptionalFields(kind, present, options),
    width,
    fromTitle,
  };
}
