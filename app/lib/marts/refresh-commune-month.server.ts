// Keeps mart.commune_month equal to a full rebuild from core, touching only the months a batch
// changed. Invariant: the mart holds every commune of the province for every month of the covered
// range (first to last month with any data), zeros included, and nothing outside it.
import type { SqlSession } from "~/lib/db/engine";
import { readSqlFile } from "~/lib/db/sql-files.server";
import { listMonths } from "~/lib/calendar/months";

export interface MartRefresh {
  first_month: string | null;
  last_month: string | null;
  months_refreshed: string[];
}

export async function refreshCommuneMonth(
  session: SqlSession,
  provinceCode: string,
  changedMonths: Iterable<string>,
  batchId: number | null,
): Promise<MartRefresh> {
  const range = await session.query<{ first_month: string | null; last_month: string | null }>(
    readSqlFile("marts/covered_range.sql"),
    [provinceCode],
  );
  const { first_month = null, last_month = null } = range.rows[0] ?? {};
  const covered = first_month && last_month ? listMonths(first_month, last_month) : [];
  const coveredSet = new Set(covered);

  // Months already in the mart for this province; those inside the range and untouched by the
  // batch stay as they are.
  const present = await session.query<{ month: string }>(
    `select distinct m.month from mart.commune_month m
     join ref.commune c on c.code = m.commune_code and c.province_code = $1`,
    [provinceCode],
  );
  const presentSet = new Set(present.rows.map((r) => r.month));
  const refill = new Set<string>();
  for (const month of changedMonths) if (coveredSet.has(month)) refill.add(month);
  for (const month of covered) if (!presentSet.has(month)) refill.add(month);
  const stale = [...presentSet].filter((m) => !coveredSet.has(m));

  const toDelete = [...refill, ...stale];
  if (toDelete.length > 0) {
    await session.query(
      `delete from mart.commune_month m using ref.commune c
       where c.code = m.commune_code and c.province_code = $1 and m.month = any($2::text[])`,
      [provinceCode, toDelete],
    );
  }
  const months = [...refill].sort();
  if (months.length > 0) {
    await session.query(readSqlFile("marts/commune_month.sql"), [provinceCode, months]);
  }
  await session.query(
    `insert into mart.refresh_state (province_code, first_month, last_month, refreshed_at, last_batch_id)
     values ($1, $2, $3, now(), $4)
     on conflict (province_code) do update set first_month = excluded.first_month,
       last_month = excluded.last_month, refreshed_at = excluded.refreshed_at,
       last_batch_id = coalesce(excluded.last_batch_id, mart.refresh_state.last_batch_id)`,
    [provinceCode, first_month, last_month, batchId],
  );
  return { first_month, last_month, months_refreshed: months };
}

/** Recomputes every month of the covered range from core: the reference for the incremental path. */
export async function rebuildCommuneMonth(
  session: SqlSession,
  provinceCode: string,
): Promise<MartRefresh> {
  await session.query(
    `delete from mart.commune_month m using ref.commune c
     where c.code = m.commune_code and c.province_code = $1`,
    [provinceCode],
  );
  return refreshCommuneMonth(session, provinceCode, [], null);
}
