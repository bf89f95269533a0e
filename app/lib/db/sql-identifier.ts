// The one way to put a name (column, table) into SQL text. Kysely binds every value as a
// parameter, but sql.ref/sql.id/sql.raw/sql.lit splice strings into the statement itself, so each
// name must come from a closed zod enum declared in code: whatever reaches these helpers (a URL
// parameter, an object key) is parsed against it first, and an unknown name throws before any
// SQL is built. eslint.config.js forbids sql.ref/id/raw/lit everywhere else.
import { sql, type RawBuilder } from "kysely";
import { z } from "zod";

/** Lower-case snake_case, as every identifier in our schema is (house style). */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

type Names = readonly [string, ...string[]];

/** A zod enum of allowed SQL identifiers; each must be a plain snake_case name. */
export function identifierEnum<const T extends Names>(names: T) {
  for (const name of names) {
    if (!IDENTIFIER.test(name))
      throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return z.enum(names);
}

/**
 * identifierEnum for the columns of one table: the compiler rejects a name that `Row` (its Kysely
 * table interface) lacks. Call as columnEnum<CommuneTable>()(["code", "name"]).
 */
export function columnEnum<Row>() {
  return <const T extends readonly [keyof Row & string, ...(keyof Row & string)[]]>(names: T) =>
    identifierEnum(names);
}

/** What identifierEnum returns, for parameters: any enum of names. */
export type IdentifierEnum = z.ZodEnum<Readonly<Record<string, string>>>;

function parseIdentifier(allowed: IdentifierEnum, name: unknown): string {
  const result = allowed.safeParse(name);
  if (!result.success) {
    throw new Error(
      `SQL identifier ${JSON.stringify(name)} is not one of: ${allowed.options.join(", ")}`,
    );
  }
  return result.data;
}

/** A column reference ("column"), after checking the name against `allowed`. */
export function columnRef<T = unknown>(allowed: IdentifierEnum, column: unknown): RawBuilder<T> {
  return sql.ref<T>(parseIdentifier(allowed, column));
}

/** The incoming value of a column in INSERT … ON CONFLICT DO UPDATE: excluded.<column>. */
export function excludedRef<T = unknown>(allowed: IdentifierEnum, column: unknown): RawBuilder<T> {
  return sql.ref<T>(`excluded.${parseIdentifier(allowed, column)}`);
}

/** A quoted identifier (table, schema or column name) for positions sql.ref does not fit. */
export function identifier<T = unknown>(allowed: IdentifierEnum, name: unknown): RawBuilder<T> {
  return sql.id<T>(parseIdentifier(allowed, name));
}
