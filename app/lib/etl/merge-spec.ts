// What the loader needs to know about each import kind: its staging and core tables, natural key
// and columns. The merge, change-log and revert statements are generated from this one spec
// (ADR 005) so the four kinds cannot drift apart. Identifiers here are constants, never input.
import type { SqlSession } from "~/lib/db/engine";
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
  /** Columns holding a reference-table code, checked per batch (migration 0033). */
  references: readonly { column: string; table: string; key: string }[];
}

const COMMUNE_REF = { column: "commune_code", table: "ref.commune", key: "code" } as const;

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
    references: [
      COMMUNE_REF,
      { column: "procedure_code", table: "ref.procedure", key: "code" },
      { column: "ethnic_code", table: "ref.ethnic_group", key: "code" },
    ],
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
    references: [COMMUNE_REF],
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
    // procedure_code '' holds figures for all procedures: not a catalogue code.
    references: [COMMUNE_REF],
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
    references: [COMMUNE_REF],
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
 * For a replay (etl replay): staged rows whose key this batch already loaded go back to the
 * rejects as in-file repeats, as buildRejectDuplicatesSql does for repeats within the staged rows.
 */
export function buildRejectLoadedKeysSql(spec: MergeSpec): string {
  const key = keyExpr(spec, "s");
  const same = spec.key.map((k) => `t.${k} = s.${k}`).join(" and ");
  return `
with removed as (
  delete from ${spec.staging} s using ${spec.core} t
  where s.batch_id = $1 and t.batch_id = $1 and ${same}
  returning s.*, ${key} as row_key
)
insert into core.rejected_row (batch_id, line, column_name, reason_code, message_vi, message_en, raw)
select $1, source_line, '${spec.key[0]}', 'duplicate_in_file',
  format('Khóa %s "%s" đã được nạp từ một dòng khác của cùng tệp; dòng này bị bỏ qua.', '${spec.keyLabel}', row_key),
  format('%s "%s" was already loaded from another row of the same file; this row was skipped.', '${spec.keyLabel}', row_key),
  to_jsonb(removed) - 'batch_id' - 'row_hash' - 'row_key' - 'source_line'
from removed`;
}

/**
 * The staged codes the reference tables do not hold, one example per column (none: no row). The
 * merge runs it first and fails the batch on any row, as the foreign keys it replaces would have:
 * one anti-join per column instead of a trigger per row (migration 0033).
 */
export function buildReferenceCheckSql(spec: MergeSpec): string {
  return spec.references
    .map(
      (r) => `
(select '${r.column}' as column_name, s.${r.column}::text as value from ${spec.staging} s
 where s.batch_id = $1 and s.${r.column} is not null
   and not exists (select 1 from ${r.table} x where x.${r.key} = s.${r.column})
 limit 1)`,
    )
    .join("\nunion all");
}

/**
 * Merges one batch from staging into core by natural key in a single statement: logs each real
 * update (with the prior row) to core.batch_change, upserts only changed rows, and returns the
 * counts and the months whose mart cells must be recomputed. Inserts are not logged: a row the
 * batch inserted carries its batch_id, which is all a revert needs (issue 13) — a log row per
 * inserted row doubled what a first import wrote.
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
          select m from upserted
          union
          select ${month("p")} from changes c
            cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
        ) x)`
    : `'{}'::text[]`;
  return `
with staged as (
  select * from ${spec.staging} where batch_id = $1
),
changes as (
  insert into core.batch_change (batch_id, target, row_key, op, prior)
  select $1, '${spec.target}', ${keyExpr(spec, "s")}, 'update', to_jsonb(e)
  from staged s join ${spec.core} e on ${join}
  where e.row_hash <> s.row_hash
  returning row_key, prior
),
upserted as (
  insert into ${spec.core} as t (${cols.join(", ")}, row_hash, batch_id, source_line)
  select ${cols.map((c) => `s.${c}`).join(", ")}, s.row_hash, $1, s.source_line from staged s
  on conflict (${key}) do update set ${updates}
  where t.row_hash <> excluded.row_hash
  -- xmax is 0 on a row version this statement inserted, not on one it updated.
  returning (t.xmax = 0) as inserted${month ? `, ${month("t")} as m` : ""}
)
select
  (select count(*) from upserted where inserted) as inserted,
  (select count(*) from changes) as updated,
  (select count(*) from staged) - (select count(*) from upserted) as unchanged,
  (select coalesce(jsonb_agg(distinct (c.prior ->> 'batch_id')::bigint), '[]')
     from changes c) as replaced_batches,
  ${monthsSql} as months`;
}

/**
 * Later loaded batches that changed a row in the version this batch left (inserted or updated):
 * they must be reverted first. Their update logs hold that version, with this batch's id.
 */
export function buildRevertBlockersSql(spec: MergeSpec): string {
  return `
select distinct later.batch_id
from core.batch_change later
join core.import_batch b on b.batch_id = later.batch_id and b.status = 'loaded'
where later.target = '${spec.target}' and later.batch_id > $1
  and (later.prior ->> 'batch_id')::bigint = $1
order by later.batch_id`;
}

/** Months touched by the rows a batch wrote (their current and prior versions). */
export function buildRevertMonthsSql(spec: MergeSpec): string {
  if (!spec.monthOf) return `select '{}'::text[] as months`;
  return `
select coalesce(array_agg(distinct m order by m), '{}') as months from (
  select ${spec.monthOf("t")} as m from ${spec.core} t where t.batch_id = $1
  union
  select ${spec.monthOf("p")}
  from core.batch_change c cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
  where c.batch_id = $1 and c.target = '${spec.target}' and c.prior is not null
) x`;
}

/**
 * Two statements: delete the rows the batch inserted (they carry its id and it logged no update
 * of them), restore the rows it updated.
 */
export function buildRevertSql(spec: MergeSpec): [string, string] {
  const all = [...spec.columns, "row_hash", "batch_id", "source_line"];
  const del = `
delete from ${spec.core} t
where t.batch_id = $1 and not exists (
  select 1 from core.batch_change c
  where c.batch_id = $1 and c.target = '${spec.target}' and c.op = 'update'
    and c.row_key = ${keyExpr(spec, "t")})`;
  const restore = `
update ${spec.core} t set ${all.map((col) => `${col} = p.${col}`).join(", ")}
from core.batch_change c cross join lateral jsonb_populate_record(null::${spec.core}, c.prior) p
where c.batch_id = $1 and c.target = '${spec.target}' and c.op = 'update'
  and ${keyExpr(spec, "t")} = c.row_key`;
  return [del, restore];
}

/** Throws when a staged code is not in its reference table: the batch then rolls back. */
export async function checkReferences(
  session: Pick<SqlSession, "query">,
  spec: MergeSpec,
  batchId: number,
): Promise<void> {
  const { rows } = await session.query<{ column_name: string; value: string }>(
    buildReferenceCheckSql(spec),
    [batchId],
  );
  const bad = rows[0];
  if (bad)
    throw new Error(
      `${spec.core}.${bad.column_name} "${bad.value}" is not in the reference table (batch ${batchId})`,
    );
}
