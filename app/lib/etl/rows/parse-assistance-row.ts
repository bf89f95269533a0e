// One assistance row (one citizen helped with one procedure) → a staging.assistance row.
import type { AssistanceTable } from "~/lib/db/types";
import { safeRecordId, safeVolunteerId } from "./personal-ids";
import { normalizeAgeBand } from "~/lib/etl/normalize/age-band";
import { normalizeDateTime } from "~/lib/etl/normalize/date-time";
import {
  normalizeChannel,
  normalizeGender,
  normalizeHelpType,
  normalizeOutcome,
} from "~/lib/etl/normalize/enums";
import { cellText } from "~/lib/etl/normalize/normalized";
import { normalizeMinutes } from "~/lib/etl/normalize/numbers";
import { makeIssue } from "~/lib/etl/reasons";
import {
  deriveId,
  derivedIdWarning,
  hashFields,
  parseWith,
  resolved,
  type RowContext,
  type RowResult,
  type RowValues,
} from "./row-context";

const ID_FIELD = "record_id";

export type StagedAssistanceRow = Omit<AssistanceTable, "batch_id" | "source_line">;

export function parseAssistanceRow(
  values: RowValues,
  ctx: RowContext,
): RowResult<StagedAssistanceRow> {
  return parseWith((b) => {
    const givenId = cellText(values.record_id);
    // Without an id column at all (a report, a form export) ids are derived; an empty id cell in
    // a file that has the column is a mistake to report.
    if (givenId === null && !ctx.deriveIds && values[ID_FIELD] !== undefined) {
      b.reject(makeIssue("record_id_missing", "record_id", { field: "record_id" }));
    }
    const assisted_at = b.take(
      normalizeDateTime(b.required(values, "assisted_at"), { now: ctx.now, column: "assisted_at" }),
    );
    const commune_code = resolved(b, ctx.communes.resolve(b.requiredKey(values, "commune")));
    const team = b.requiredText(values, "team");
    // A file without a volunteer column (a form export, a commune's summary) still counts its
    // cases; they just do not count towards active volunteers (issue 11).
    let volunteer_id: string | null = null;
    if (values.volunteer_id === undefined)
      b.warn(makeIssue("volunteer_unknown", "volunteer_id", {}));
    else volunteer_id = safeVolunteerId(b.requiredText(values, "volunteer_id"), b, ctx);
    const procedure_code = resolved(b, ctx.procedures.resolve(b.requiredKey(values, "procedure")));
    const help_type = b.take(normalizeHelpType(values.help_type));
    const channel = b.take(normalizeChannel(values.channel));
    const outcome = b.take(normalizeOutcome(values.outcome));
    const age_band = b.take(normalizeAgeBand(values, Number(assisted_at.slice(0, 4))));
    const gender = b.take(normalizeGender(values.gender));
    const ethnic_code = resolved(b, ctx.ethnicity.resolve(cellText(values.ethnicity)));
    const minutes = b.take(normalizeMinutes(b.required(values, "minutes"), "minutes"));

    const business = [
      assisted_at,
      commune_code,
      team,
      volunteer_id,
      procedure_code,
      help_type,
      channel,
      outcome,
      age_band,
      gender,
      ethnic_code,
      minutes,
    ];
    let record_id = givenId === null ? null : safeRecordId(givenId, ID_FIELD, b, ctx);
    if (record_id === null) {
      record_id = deriveId(business);
      b.warn(derivedIdWarning("record_id"));
    }
    return {
      record_id,
      assisted_at,
      commune_code,
      team,
      volunteer_id,
      procedure_code,
      help_type,
      channel,
      outcome,
      age_band,
      gender,
      ethnic_code,
      minutes,
      row_hash: hashFields([record_id, ...business]),
    };
  });
}
