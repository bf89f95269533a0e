// What every row parser gets and returns, and the hashes that make re-imports idempotent.
import { createHash } from "node:crypto";
import { cellText, isBlank, type CellValue, type Normalized } from "~/lib/etl/normalize/normalized";
import { makeIssue, type RowIssue } from "~/lib/etl/reasons";
import type { CommuneResolver } from "~/lib/etl/resolve/commune-resolver";
import type { EthnicityResolver } from "~/lib/etl/resolve/ethnicity-resolver";
import type { ProcedureResolver } from "~/lib/etl/resolve/procedure-resolver";
import type { Vocabulary } from "~/lib/etl/vocabulary";

export interface RowContext {
  provinceCode: string;
  communes: CommuneResolver;
  ethnicity: EthnicityResolver;
  procedures: ProcedureResolver;
  /** The file has no id column: derive a stable id from the row's content. */
  deriveIds: boolean;
  /** Dates after now + 1 day are rejected. */
  now: Date;
  /** Keyed pseudonym of a personal value (an ID-number record id, a volunteer's name). */
  pseudonymise: (value: string, prefix: string) => string;
  /** An admin's aliases (ref.vocabulary); the resolvers above already consult it. */
  vocabulary: Vocabulary;
}

/** One row's cells by canonical field name. */
export type RowValues = Partial<Record<string, CellValue>>;

export type RowResult<T> =
  { ok: true; row: T; warnings: RowIssue[] } | { ok: false; error: RowIssue; warnings: RowIssue[] };

export type HashedField = string | number | null;

/** Hex SHA-1 of the normalized business fields in a fixed order (never the file line). */
export function hashFields(fields: readonly HashedField[]): string {
  return createHash("sha1").update(JSON.stringify(fields)).digest("hex");
}

/** "d-" + 20 hex digits: an id derived from the row's content, stable across re-imports. */
export function deriveId(fields: readonly HashedField[]): string {
  return `d-${hashFields(fields).slice(0, 20)}`;
}

export function derivedIdWarning(field: string): RowIssue {
  return makeIssue("record_id_derived", field, { field });
}

/**
 * Collects warnings while a row is parsed; `take` unwraps a normalized value or throws the
 * row's first error, which `parseWith` turns into a rejection.
 */
export class RowBuilder {
  readonly warnings: RowIssue[] = [];

  take<T>(result: Normalized<T>): T {
    if (!result.ok) throw new RowRejection(result.error);
    if (result.warning) this.warnings.push(result.warning);
    return result.value;
  }

  warn(issue: RowIssue | undefined): void {
    if (issue) this.warnings.push(issue);
  }

  reject(issue: RowIssue): never {
    throw new RowRejection(issue);
  }

  /** A cell that must not be empty. */
  required(values: RowValues, field: string): NonNullable<CellValue> {
    const value = values[field];
    if (isBlank(value)) this.reject(makeIssue("value_missing", field, { field }));
    return value as NonNullable<CellValue>;
  }

  /** A text cell that must not be empty (team, volunteer id). */
  requiredText(values: RowValues, field: string): string {
    return cellText(values[field]) ?? this.reject(makeIssue("value_missing", field, { field }));
  }

  /** A code-or-name cell for a resolver: numbers stay numbers (Excel codes), the rest is text. */
  requiredKey(values: RowValues, field: string): string | number {
    const value = this.required(values, field);
    return typeof value === "number" ? value : this.requiredText(values, field);
  }
}

class RowRejection extends Error {
  constructor(readonly issue: RowIssue) {
    super(issue.reason_code);
  }
}

export function parseWith<T>(build: (b: RowBuilder) => T): RowResult<T> {
  const builder = new RowBuilder();
  try {
    return { ok: true, row: build(builder), warnings: builder.warnings };
  } catch (error) {
    if (error instanceof RowRejection) {
      return { ok: false, error: error.issue, warnings: builder.warnings };
    }
    throw error;
  }
}

/** A resolver's answer as a normalized value, its warning kept. */
export function resolved<T>(
  b: RowBuilder,
  result: { ok: true; code: T; warning?: RowIssue } | { ok: false; error: RowIssue },
): T {
  if (!result.ok) return b.reject(result.error);
  b.warn(result.warning);
  return result.code;
}
