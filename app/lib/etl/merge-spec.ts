// What the loader needs to know about each import kind: its staging and core tables, natural key
// and columns. The merge, change-log and revert statements are generated from this one spec
// (ADR 005) so the four kinds cannot drift apart. Identifiers here are constants, never input.
import type { ImportKind } from "~/lib/db/types";

export interface MergeSpec {
  kind: ImportKind;
  staging: string;
  core: string;
  /** core.batch_change.target */
  target: "assistance" | "volunteer_shift" | "dossier_stat" | "population_profile";
  key: readonly string[];
  /** Business columns copied from staging to core (the key included), in COPY order. */
  columns: readonly string[];
  /** SQL expression giving the 'YYYY-MM' month a row counts in, or null if the mart ignores it. */
  monthOf: ((alias: string) => string) | null;
  /** Shown in messages about duplicates: the column users know the key by. */
  keyLabel: string;
}

export const MERGE_SPECS: Record<ImportKind, MergeSpec> = {
  assistance: {
    kind: "assistance",
    staging: "staging.assistance",
    core: "core.assistance",
    target: "assistance",
    key: ["record_id"],
    columns: [
      "record_id",
      "assisted_at",
      "commune_code",
      "team",
      "volunteer_id",
      "procedure_code",
      "help_type",
      "channel",
      "outcome",
      "age_band",
      "gender",
      "ethnic_code",
      "minutes",
      "source_labels",
    ],
    monthOf: (a) => `to_char(${a}.assisted_at, 'YYYY-MM')`,
    keyLabel: "record_id",
  },
  shifts: {
    kind: "shifts",
    staging: "staging.volunteer_shift",
    core: "core.volunteer_shift",
    target: "volunteer_shift",
    key: ["shift_id"],
    columns: [
      "shift_id",
      "volunteer_id",
      "team",
      "commune_code",
      "shift_date",
      "start_time",
      "end_time",
      "hours",
    ],
    monthOf: (a) => `to_char(${a}.shift_date, 'YYYY-MM')`,
    keyLabel: "shift_id",
  },
  dossiers: {
    kind: "dossiers",
    staging: "staging.dossier_stat",
    core: "core.dossier_stat",
    target: "dossier_stat",
    key: ["commune_code", "month", "procedure_code"],
    columns: [
      "commune_code",
      "month",
      "procedure_code",
      "received_total",
      "received_online",
      "resolved_total",
      "resolved_on_time",
    ],
    monthOf: (a) => `to_char(${a}.month, 'YYYY-MM')`,
    keyLabel: "commune × month × procedure",
  },
  population: {
    kind: "population",
    staging: "staging.population_profile",
    core: "ref.population_profile",
    target: "population_profile",
    key: ["commune_code", "year"],
    columns: [
      "commune_code",
      "year",
      "population_total",
      "population_minority",
      "population_elderly",
      "population_female",
    ],
    monthOf: null,
    keyLabel: "commune × year",
  },
};

/** Columns of the staging table in COPY order. */
export function stagingColumns(spec: MergeSpec): string[] {
  return ["batch_id", "source_line", ...spec.columns, "row_hash"];
}

/** The natural key as one text value, identical in core.batch_change.row_key and in revert. */
export function keyExpr(spec: MergeSpec, alias: string): string {
  if (spec.key.length === 1) return `${alias}.${spec.key[0]}::text`;
  return `concat_ws('|', ${spec.key.map((k) => `${alias}.${k}::text`).join(", ")})`;
}

// Rows that repeat a key already seen earlier in the same file are moved from staging to the
// rejects, so the first occurrence wins and loaded + rejected still equals rows read.
export function buildRejectDuplicatesSql(spec: MergeSpec): string {
  const key = keyExpr(spec, "s");
  return `
with ranked as (
  select s.source_line, ${key} as row_key,
         min(s.source_line) over (partition by ${key}) as first_line
  from ${spec.staging} s where s.batch_id = $1
),
removed as (
  delete from ${spec.staging} s using ranked r
  where s.batch_id = $1 and s.source_line = r.source_line and r.source_line > r.first_line
  returning s.*, r.row_key, r.first_line
)
insert into core.rejected_row (batch_id, line, column_name, reason_code, message_vi, message_en, raw)
select $1, source_line, '${spec.key[0]}', 'duplicate_in_file',
  format('Khóa %s "%s" đã xuất hiện ở dòng %s của cùng tệp; dòng này bị bỏ qua.', '${spec.keyLabel}', row_key, first_line),
  format('%s "%s" already appears on line %s of the same file; this row was skipped.', '${spec.keyLabel}', row_key, first_line),
  to_jsonb(removed) - 'batch_id' - 'row_hash' - 'row_key' - 'first_line' - 'source_line'
from removed`;
}

/**
 * Merges one batch from staging into core by natural key in a single statement: logs each insert
 * and each real update (with the prior row) to core.batch_change, upserts only changed rows, and
 * returns the counts and the months whose mart cells must be recomputed.
 */
export function buildMergeSql(spec: MergeSpec): string {
  const cols = spec.columns;
  const key = spec.key.join(", ");
  const join = spec.key.map((k) => `e.${k} = s.${k}`).join(" and ");
  const updates = [
    ...cols.filter((c) => !spec.key.includes(c)),
    "row_hash",
    "batch_id",
    "source_line",
  ]
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  const month = spec.monthOf;
  const monthsSql = month
    ? `(select coalesce(array_agg(distinct m order by m), '{}') from (
          select ${month("s")} as m from staged s join changes c on c.row_key = ${keyExpr(spec, "s")}
          union
          select ${month("p")} from changes c
            cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
            where c.prior is not null
        ) x)`
    : `'{}'::text[]`;
  return `
with staged as (
  select * from ${spec.staging} where batch_id = $1
),
changes as (
  insert into core.batch_change (batch_id, target, row_key, op, prior)
  select $1, '${spec.target}', ${keyExpr(spec, "s")},
         case when e.row_hash is null then 'insert' else 'update' end,
         case when e.row_hash is null then null else to_jsonb(e) end
  from staged s left join ${spec.core} e on ${join}
  where e.row_hash is null or e.row_hash <> s.row_hash
  returning op, row_key, prior
),
upserted as (
  insert into ${spec.core} (${cols.join(", ")}, row_hash, batch_id, source_line)
  select ${cols.map((c) => `s.${c}`).join(", ")}, s.row_hash, $1, s.source_line from staged s
  on conflict (${key}) do update set ${updates}
  where ${spec.core}.row_hash <> excluded.row_hash
  returning 1
)
select
  (select count(*) from changes where op = 'insert') as inserted,
  (select count(*) from changes where op = 'update') as updated,
  (select count(*) from staged) - (select count(*) from changes) as unchanged,
  (select count(*) from upserted) as written,
  (select coalesce(jsonb_agg(distinct (c.prior ->> 'batch_id')::bigint), '[]')
     from changes c where c.prior is not null) as replaced_batches,
  ${monthsSql} as months`;
}

/** Later loaded batches that changed a row this batch also changed: they must be reverted first. */
export function buildRevertBlockersSql(): string {
  return `
select distinct later.batch_id
from core.batch_change mine
join core.batch_change later on later.target = mine.target and later.row_key = mine.row_key
  and later.batch_id > mine.batch_id
join core.import_batch b on b.batch_id = later.batch_id and b.status = 'loaded'
where mine.batch_id = $1
order by later.batch_id`;
}

/** Months touched by the rows a batch changed (their current and prior versions). */
export function buildRevertMonthsSql(spec: MergeSpec): string {
  if (!spec.monthOf) return `select '{}'::text[] as months`;
  return `
select coalesce(array_agg(distinct m order by m), '{}') as months from (
  select ${spec.monthOf("t")} as m
  from ${spec.core} t join core.batch_change c
    on c.batch_id = $1 and c.target = '${spec.target}' and c.row_key = ${keyExpr(spec, "t")}
  union
  select ${spec.monthOf("p")}
  from core.batch_change c cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
  where c.batch_id = $1 and c.target = '${spec.target}' and c.prior is not null
) x`;
}

/** Two statements: delete the rows the batch inserted, restore the rows it updated. */
export function buildRevertSql(spec: MergeSpec): [string, string] {
  const all = [...spec.columns, "row_hash", "batch_id", "source_line"];
  const del = `
delete from ${spec.core} t using core.batch_change c
where c.batch_id = $1 and c.target = '${spec.target}' and c.op = 'insert'
  and ${keyExpr(spec, "t")} = c.row_key`;
  const restore = `
update ${spec.core} t set ${all.map((col) => `${col} = p.${col}`).join(", ")}
from core.batch_change c cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
where c.batch_id = $1 and c.target = '${spec.target}' and c.op = 'update'
  and ${keyExpr(spec, "t")} = c.row_key`;
  return [del, restore];
}
