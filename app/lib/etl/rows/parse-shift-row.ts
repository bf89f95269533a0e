// One volunteer shift → a staging.volunteer_shift row. Hours come from start and end (same day;
// an overnight shift must be split) or from an hours column.
import type { VolunteerShiftTable } from "~/lib/db/types";
import { safeRecordId, safeVolunteerId } from "./personal-ids";
import { normalizeDate } from "~/lib/etl/normalize/date-time";
import { cellText, isBlank } from "~/lib/etl/normalize/normalized";
import { normalizeHours } from "~/lib/etl/normalize/numbers";
import { normalizeTimeOfDay } from "~/lib/etl/normalize/time-of-day";
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

const ID_FIELD = "shift_id";

export type StagedShiftRow = Omit<VolunteerShiftTable, "batch_id" | "source_line">;

// Hours given next to start and end may be rounded; a larger gap is reported.
const HOURS_TOLERANCE = 0.05;

export function parseShiftRow(values: RowValues, ctx: RowContext): RowResult<StagedShiftRow> {
  return parseWith((b) => {
    const givenId = cellText(values.shift_id);
    // Without an id column at all (a report, a form export) ids are derived; an empty id cell in
    // a file that has the column is a mistake to report.
    if (givenId === null && !ctx.deriveIds && values[ID_FIELD] !== undefined) {
      b.reject(makeIssue("record_id_missing", "shift_id", { field: "shift_id" }));
    }
    // A file without a volunteer column (a form export, a commune's summary) still counts its
    // cases; they just do not count towards active volunteers (issue 11).
    let volunteer_id: string | null = null;
    if (values.volunteer_id === undefined)
      b.warn(makeIssue("volunteer_unknown", "volunteer_id", {}));
    else volunteer_id = safeVolunteerId(b.requiredText(values, "volunteer_id"), b, ctx);
    const team = b.requiredText(values, "team");
    const commune_code = resolved(b, ctx.communes.resolve(b.requiredKey(values, "commune")));
    const shift_date = b.take(
      normalizeDate(b.required(values, "date"), { now: ctx.now, column: "date" }),
    );

    const start = isBlank(values.start) ? null : b.take(normalizeTimeOfDay(values.start, "start"));
    const end = isBlank(values.end) ? null : b.take(normalizeTimeOfDay(values.end, "end"));
    const given = isBlank(values.hours) ? null : b.take(normalizeHours(values.hours, "hours"));
    let hours: number;
    if (start && end) {
      if (end.seconds <= start.seconds) {
        b.reject(makeIssue("shift_end_before_start", "end", { start: start.text, end: end.text }));
      }
      hours = Math.round(((end.seconds - start.seconds) / 3600) * 100) / 100;
      if (given !== null && Math.abs(given - hours) > HOURS_TOLERANCE) {
        b.warn(makeIssue("shift_hours_mismatch", "hours", { hours: given, computed: hours }));
      }
    } else if (given !== null) {
      hours = given;
    } else {
      return b.reject(makeIssue("shift_time_missing", start ? "end" : "start", {}));
    }

    const start_time = start?.text ?? null;
    const end_time = end?.text ?? null;
    const business = [volunteer_id, team, commune_code, shift_date, start_time, end_time, hours];
    let shift_id = givenId === null ? null : safeRecordId(givenId, ID_FIELD, b, ctx);
    if (shift_id === null) {
      shift_id = deriveId(business);
      b.warn(derivedIdWarning("shift_id"));
    }
    return {
      shift_id,
      volunteer_id,
      team,
      commune_code,
      shift_date,
      start_time,
      end_time,
      hours,
      row_hash: hashFields([shift_id, ...business]),
    };
  });
}
