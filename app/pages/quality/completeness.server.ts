// Which kinds of data each commune sent for each month of a period. Assistance and shifts are
// read from mart.commune_month (cases > 0 exactly when a record exists; shift hours are always
// > 0), dossier statistics from core.dossier_stat, since a reported 0 still counts as sent.
import type { Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import type { UnitTypeFilter } from "~/lib/filters/filter-options";
import { listMonths } from "~/lib/calendar/months";
import { buildCompleteness, type Arrival, type Completeness } from "~/pages/quality/completeness";

export async function getCompleteness(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string },
  unitType: UnitTypeFilter | null,
): Promise<Completeness> {
  const communes = await db
    .selectFrom("ref.commune")
    .select(["code", "full_name as name", "unit_type"])
    .where("province_code", "=", provinceCode)
    .$if(unitType !== null, (query) => query.where("unit_type", "=", unitType!))
    .execute();
  const codes = communes.map((commune) => commune.code);
  if (codes.length === 0) return buildCompleteness([], listMonths(period.from, period.to), []);

  const [mart, dossiers] = await Promise.all([
    db
      .selectFrom("mart.commune_month")
      .select(["commune_code", "month", "cases", "volunteer_hours"])
      .where("commune_code", "in", codes)
      .where("month", ">=", period.from)
      .where("month", "<=", period.to)
      .where((eb) => eb.or([eb("cases", ">", 0), eb("volunteer_hours", ">", 0)]))
      .execute(),
    db
      .selectFrom("core.dossier_stat")
      .select((eb) => [
        "commune_code",
        eb.fn<string>("to_char", ["month", eb.val("YYYY-MM")]).as("month"),
      ])
      .distinct()
      .where("commune_code", "in", codes)
      .where("month", ">=", `${period.from}-01`)
      .where("month", "<=", `${period.to}-01`)
      .execute(),
  ]);
  const arrivals = new Map<string, Arrival>();
  const arrivalOf = (commune_code: string, month: string) => {
    const key = `${commune_code}|${month}`;
    let arrival = arrivals.get(key);
    if (!arrival) {
      arrival = { commune_code, month, assistance: false, shifts: false, dossiers: false };
      arrivals.set(key, arrival);
    }
    return arrival;
  };
  for (const row of mart) {
    const arrival = arrivalOf(row.commune_code, row.month);
    arrival.assistance = row.cases > 0;
    arrival.shifts = row.volunteer_hours > 0;
  }
  for (const row of dossiers) arrivalOf(row.commune_code, row.month).dossiers = true;
  return buildCompleteness(communes, listMonths(period.from, period.to), [...arrivals.values()]);
}
