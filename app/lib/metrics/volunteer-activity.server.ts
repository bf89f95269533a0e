// When each commune last had volunteer activity (a shift or an assistance record), up to the end
// of the period: one index probe per commune and table, so it stays fast on millions of records.
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import { addMonths } from "~/lib/calendar/months";

export interface VolunteerActivity {
  /** The latest activity date (YYYY-MM-DD) in the filter up to the period's end: the data's "today". */
  as_of: string | null;
  /** Commune code → its latest activity date, or null when it never had any. */
  last_activity: Record<string, string | null>;
}

export async function getVolunteerActivity(
  db: Kysely<DB>,
  provinceCode: string,
  periodTo: string,
  unitType: UnitTypeFilter | null,
): Promise<VolunteerActivity> {
  const end = `${addMonths(periodTo, 1)}-01`;
  const rows = await db
    .selectFrom("ref.commune as c")
    .where("c.province_code", "=", provinceCode)
    .$if(unitType !== null, (query) => query.where("c.unit_type", "=", unitType!))
    .select((eb) => [
      "c.code",
      eb
        .selectFrom("core.assistance as a")
        .whereRef("a.commune_code", "=", "c.code")
        .where("a.assisted_at", "<", `${end} 00:00:00`)
        .select(sql<string | null>`to_char(max(a.assisted_at), 'YYYY-MM-DD')`.as("d"))
        .as("last_assisted"),
      eb
        .selectFrom("core.volunteer_shift as s")
        .whereRef("s.commune_code", "=", "c.code")
        .where("s.shift_date", "<", end)
        .select(sql<string | null>`to_char(max(s.shift_date), 'YYYY-MM-DD')`.as("d"))
        .as("last_shift"),
    ])
    .execute();
  const last_activity: Record<string, string | null> = {};
  let as_of: string | null = null;
  for (const row of rows) {
    const dates = [row.last_assisted, row.last_shift].filter((d): d is string => Boolean(d));
    const latest = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    last_activity[row.code] = latest;
    if (latest && (as_of === null || latest > as_of)) as_of = latest;
  }
  return { as_of, last_activity };
}
