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
import { cellText, type Normalized } from "~/lib/etl/normalize/normalized";
import { normalizeMinutes } from "~/lib/etl/normalize/numbers";
import { maskPersonalValue } from "~/lib/etl/read/pii";
import { makeIssue } from "~/lib/etl/reasons";
import { BUCKETED_KINDS, type BucketedKind } from "~/lib/etl/vocabulary";
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

/** source_labels travels to staging as JSON text (COPY), not as an object. */
export type StagedAssistanceRow = Omit<
  AssistanceTable,
  "batch_id" | "source_line" | "source_labels"
> & { source_labels: string | null };

type SourceLabels = Partial<Record<BucketedKind, string>>;

/**
 * The business fields in the order the row hash and a derived id are computed from. An unmapped
 * label takes part (so two rows differing only in it stay two rows); once it is mapped the row is
 * re-derived without it, exactly as a fresh import would compute it (vocabulary-remap).
 */
export function assistanceBusinessFields(
  row: Omit<StagedAssistanceRow, "record_id" | "row_hash" | "source_labels">,
  labels: SourceLabels | null,
): (string | number | null)[] {
  const fields: (string | number | null)[] = [
    row.assisted_at,
    row.commune_code,
    row.team,
    row.volunteer_id,
    row.procedure_code,
    row.help_type,
    row.channel,
    row.outcome,
    row.age_band,
    row.gender,
    row.ethnic_code,
    row.minutes,
  ];
  if (labels && Object.keys(labels).length > 0) fields.push(sourceLabelsJson(labels));
  return fields;
}

/** Stable JSON of the kept labels (fields in a fixed order), or null when there are none. */
export function sourceLabelsJson(labels: SourceLabels | null): string | null {
  if (!labels) return null;
  const keys = BUCKETED_KINDS.filter((k) => labels[k] !== undefined);
  return keys.length === 0
    ? null
    : JSON.stringify(Object.fromEntries(keys.map((k) => [k, labels[k]])));
}

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
    // A label the vocabulary does not know yet: counted in the bucket, label kept (masked) for
    // the quality page, where mapping it re-derives the row.
    const labels: SourceLabels = {};
    const keep = (kind: BucketedKind, value: unknown) => {
      const text = cellText(value as string | number | null | undefined);
      if (text !== null) labels[kind] = maskPersonalValue(text).slice(0, 200);
    };
    const orBucket = <T>(
      result: Normalized<T>,
      kind: BucketedKind,
      unknownCode: string,
      bucket: T,
      bucketLabel: string,
    ): T => {
      if (result.ok || result.error.reason_code !== unknownCode) return b.take(result);
      keep(kind, values[kind]);
      b.warn(
        makeIssue("label_bucketed", kind, {
          value: values[kind],
          field: kind,
          bucket: bucketLabel,
        }),
      );
      return bucket;
    };
    const procedureInput = b.requiredKey(values, "procedure");
    const procedure = ctx.procedures.resolve(procedureInput);
    if (procedure.warning?.reason_code === "procedure_unknown") keep("procedure", procedureInput);
    const procedure_code = resolved(b, procedure);
    const vocab = ctx.vocabulary;
    const help_type = orBucket(
      normalizeHelpType(values.help_type, "help_type", vocab.extra("help_type")),
      "help_type",
      "enum_invalid",
      "other" as const,
      "Khác / other",
    );
    const channel = b.take(normalizeChannel(values.channel, "channel", vocab.extra("channel")));
    const outcome = b.take(normalizeOutcome(values.outcome, "outcome", vocab.extra("outcome")));
    const age_band = b.take(normalizeAgeBand(values, Number(assisted_at.slice(0, 4))));
    const gender = orBucket(
      normalizeGender(values.gender, "gender", vocab.extra("gender")),
      "gender",
      "enum_invalid",
      "unknown" as const,
      "Không rõ / unknown",
    );
    const ethnicity = ctx.ethnicity.resolve(cellText(values.ethnicity));
    const ethnic_code = orBucket<string | null>(
      ethnicity.ok ? { ok: true, value: ethnicity.code, warning: ethnicity.warning } : ethnicity,
      "ethnicity",
      "ethnicity_unknown",
      null,
      "Không rõ / unknown",
    );
    const minutes = b.take(normalizeMinutes(b.required(values, "minutes"), "minutes"));

    const fields = {
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
    };
    const business = assistanceBusinessFields(fields, labels);
    let record_id = givenId === null ? null : safeRecordId(givenId, ID_FIELD, b, ctx);
    if (record_id === null) {
      record_id = deriveId(business);
      b.warn(derivedIdWarning("record_id"));
    }
    return {
      record_id,
      ...fields,
      source_labels: sourceLabelsJson(labels),
      row_hash: hashFields([record_id, ...business]),
    };
  });
}
