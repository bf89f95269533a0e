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

/**
 * A rejected row's stored cells, made replayable: where masking hid a personal record id or a
 * volunteer's name, the pseudonym the loaded row would carry is stored instead, so `etl replay`
 * gives the row exactly what a fresh import of the file would (and the value itself stays unstored).
 */
export function replayableRaw(
  raw: Record<string, string | number>,
  values: Partial<Record<string, unknown>>,
  ctx: Pick<RowContext, "pseudonymise">,
): Record<string, string | number> {
  const out = { ...raw };
  const id = values.record_id;
  if (typeof id === "string" && raw.record_id !== undefined && maskPersonalValue(id) !== id)
    out.record_id = ctx.pseudonymise(id, "p-");
  const volunteer = values.volunteer_id;
  if (
    typeof volunteer === "string" &&
    raw.volunteer_id !== undefined &&
    (looksLikeName(volunteer) || maskPersonalValue(volunteer) !== volunteer)
  )
    out.volunteer_id = ctx.pseudonymise(volunteer.toLocaleLowerCase("vi"), "v-");
  return out;
}
