// The data calendar of a province (ADR 020): the as-of date, the running month with its last day
// of data, and the late months at the end of the data, read from the batch ledger, the mart and
// the facts. Every page resolves its periods against it, so a month that is not over — or whose
// regular reporters have not all sent their data — is never read as a whole one.
import { sql, type Kysely } from "kysely";
import {
  asOfDate,
  buildDataCalendar,
  vietnamDate,
  type DataCalendar,
  type MonthReporting,
} from "~/lib/calendar/month-status";
import { addMonths, listMonths, maxMonth } from "~/lib/calendar/months";
import type { DB } from "~/lib/db/types";

export async function getDataCalendar(
  db: Kysely<DB>,
  provinceCode: string,
  coverage: { first_month: string; last_month: string },
  now: Date,
): Promise<DataCalendar> {
  const asOf = asOfDate(vietnamDate(now), await lastActivityImportDay(db));
  const asOfMonth = asOf.slice(0, 7);
  const covered = asOfMonth >= coverage.first_month && asOfMonth <= coverage.last_month;
  // The late rule looks at the last month that is over and the two before it.
  const lastOver = covered ? addMonths(asOfMonth, -1) : coverage.last_month;
  const from = maxMonth(addMonths(lastOver, -2), coverage.first_month);
  const [partialThrough, reporting] = await Promise.all([
    covered ? lastDataDay(db, provinceCode, asOfMonth) : Promise.resolve(null),
    from <= lastOver ? reportingCommunes(db, provinceCode, from, lastOver) : Promise.resolve([]),
  ]);
  return buildDataCalendar({ asOf, coverage, partialThrough, reporting });
}

/** The Vietnam day of the latest loaded import of records or shifts, or null without one. */
async function lastActivityImportDay(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom("core.import_batch")
    .select((eb) => eb.fn.max("started_at").as("started_at"))
    .where("status", "=", "loaded")
    .where("kind", "in", ["assistance", "shifts"])
    .executeTakeFirst();
  const started = row?.started_at as Date | string | null | undefined;
  return started ? vietnamDate(new Date(started)) : null;
}

/** Per month of [from, to], the communes that sent records or shifts. */
async function reportingCommunes(
  db: Kysely<DB>,
  provinceCode: string,
  from: string,
  to: string,
): Promise<MonthReporting[]> {
  const rows = await db
    .selectFrom("mart.commune_month as m")
    .innerJoin("ref.commune as c", "c.code", "m.commune_code")
    .select(["m.month", "m.commune_code"])
    .where("c.province_code", "=", provinceCode)
    .where("m.month", ">=", from)
    .where("m.month", "<=", to)
    .where((eb) => eb.or([eb("m.cases", ">", 0), eb("m.volunteer_hours", ">", 0)]))
    .execute();
  const byMonth = new Map<string, string[]>();
  for (const row of rows) {
    const list = byMonth.get(row.month) ?? [];
    list.push(row.commune_code);
    byMonth.set(row.month, list);
  }
  return listMonths(from, to).map((month) => ({ month, communes: byMonth.get(month) ?? [] }));
}

/** The last day of `month` with an assistance record or a shift in the province, YYYY-MM-DD. */
export async function lastDataDay(
  db: Kysely<DB>,
  provinceCode: string,
  month: string,
): Promise<string | null> {
  const from = `${month}-01`;
  const to = `${addMonths(month, 1)}-01`;
  const { rows } = await sql<{ day: string | null }>`
    select greatest(
      (select max(a.assisted_at)::date::text from core.assistance a
         join ref.commune c on c.code = a.commune_code and c.province_code = ${provinceCode}
         where a.assisted_at >= ${from}::timestamp and a.assisted_at < ${to}::timestamp),
      (select max(s.shift_date)::text from core.volunteer_shift s
         join ref.commune c on c.code = s.commune_code and c.province_code = ${provinceCode}
         where s.shift_date >= ${from}::date and s.shift_date < ${to}::date)) as day`.execute(db);
  return rows[0]?.day ?? null;
}
