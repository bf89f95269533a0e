// Values that identify a person but are needed to tell rows apart (issue 11): a record id that
// is an ID or phone number, a volunteer column that holds names. Both are replaced by a keyed
// pseudonym (etl/pseudonym.server.ts) with a warning; the value itself is never stored.
import { looksLikeName, maskPersonalValue } from "~/lib/etl/read/pii";
import { makeIssue } from "~/lib/etl/reasons";
import type { RowBuilder, RowContext } from "./row-context";

/** The id as given, or its pseudonym when it is an ID or phone number. */
export function safeRecordId(id: string, field: string, b: RowBuilder, ctx: RowContext): string {
  if (maskPersonalValue(id) === id) return id;
  b.warn(makeIssue("record_id_personal", field, { field }));
  return ctx.pseudonymise(id, "p-");
}

/** A volunteer code as given; a volunteer's name (or phone) as its pseudonym. */
export function safeVolunteerId(value: string, b: RowBuilder, ctx: RowContext): string {
  if (!looksLikeName(value) && maskPersonalValue(value) === value) return value;
  b.warn(makeIssue("volunteer_pseudonymised", "volunteer_id", {}));
  return ctx.pseudonymise(value.toLocaleLowerCase("vi"), "v-");
}
