// What the vocabulary does not know yet, with counts (issue 11): labels counted in a catch-all
// bucket (kept in core.assistance.source_labels) and values whose rows are quarantined until a
// mapping exists (an unknown commune spelling, a new way of writing a channel). The quality page
// and `etl labels` list them so an admin can map the frequent ones first.
import type { SqlSession } from "~/lib/db/engine";

export interface BucketedLabel {
  kind: string;
  label: string;
  rows: number;
  batches: number;
}

export interface QuarantinedLabel {
  kind: string;
  reason_code: string;
  label: string;
  rows: number;
  batches: number[];
}

/** Reasons a mapping can cure; the rejected column names the vocabulary kind (commune, channel…). */
export const MAPPABLE_REASONS = [
  "commune_unknown",
  "commune_ambiguous",
  "enum_invalid",
  "ethnicity_ambiguous",
] as const;

export async function listBucketedLabels(
  session: SqlSession,
  limit = 200,
): Promise<BucketedLabel[]> {
  const { rows } = await session.query<BucketedLabel>(
    `select l.key as kind, l.value as label, count(*)::int as rows,
            count(distinct a.batch_id)::int as batches
     from core.assistance a cross join lateral jsonb_each_text(a.source_labels) l
     where a.source_labels is not null
     group by 1, 2 order by rows desc, kind, label limit $1`,
    [limit],
  );
  return rows;
}

export async function listQuarantinedLabels(
  session: SqlSession,
  limit = 200,
): Promise<QuarantinedLabel[]> {
  const { rows } = await session.query<QuarantinedLabel>(
    `select coalesce(nullif(r.column_name, ''), '?') as kind, r.reason_code,
            coalesce(r.raw ->> r.column_name, '') as label, count(*)::int as rows,
            array_agg(distinct r.batch_id order by r.batch_id) as batches
     from core.rejected_row r join core.import_batch b on b.batch_id = r.batch_id and b.status = 'loaded'
     where r.reason_code = any($1::text[])
     group by 1, 2, 3 order by rows desc, kind, label limit $2`,
    [MAPPABLE_REASONS, limit],
  );
  return rows;
}

/**
 * How many distinct labels wait, by state: for the quality page's link, which would otherwise
 * fetch both lists (capped at their limit) only to count them.
 */
export async function countUnmappedLabels(
  session: SqlSession,
): Promise<{ bucketed: number; quarantined: number }> {
  const { rows } = await session.query<{ bucketed: number; quarantined: number }>(
    `select
       (select count(distinct (l.key, l.value))::int
          from core.assistance a cross join lateral jsonb_each_text(a.source_labels) l
          where a.source_labels is not null) as bucketed,
       (select count(distinct (coalesce(nullif(r.column_name, ''), '?'), r.reason_code,
                               coalesce(r.raw ->> r.column_name, '')))::int
          from core.rejected_row r
          join core.import_batch b on b.batch_id = r.batch_id and b.status = 'loaded'
          where r.reason_code = any($1::text[])) as quarantined`,
    [MAPPABLE_REASONS],
  );
  return rows[0] ?? { bucketed: 0, quarantined: 0 };
}
