// Province-wide queries the pages share: province, coverage, month totals, per-commune sums over
// a period, one procedure group's cases. They read only mart.commune_month and ref tables (at most
// communes × months rows, aggregated in SQL), never the raw facts, so pages stay fast on a large
// dataset.
import { sql, type Kysely } from "kysely";
import { addMonths, listMonths } from "~/lib/calendar/months";
import type { DataCalendar } from "~/lib/calendar/month-status";
import type { DB } from "~/lib/db/types";
import type { ProcedureGroup, UnitTypeFilter } from "~/lib/filters/filter-options";
import { resolvePeriod, type OverviewFilter, type ResolvedPeriod } from "~/lib/filters/filters";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { getDataCalendar } from "./data-calendar.server";
import { populationOk, type CommuneSummary } from "./commune-metrics";
import { emptyMonthTotals, type MonthTotals } from "./kpis";

export interface ProvinceInfo {
  code: string;
  name: string;
  full_name: string;
}

export interface CoverageInfo {
  first_month: string;
  last_month: string;
  /** ISO 8601 timestamp of the last mart refresh. */
  refreshed_at: string;
  last_batch_id: number | null;
  /** Which covered months are over and complete on the as-of date. */
  calendar: DataCalendar;
}

export async function getProvinceInfo(db: Kysely<DB>, provinceCode: string): Promise<ProvinceInfo> {
  const province = await db
    .selectFrom("ref.province")
    .select(["code", "name", "full_name"])
    .where("code", "=", provinceCode)
    .executeTakeFirst();
  if (!province) throw new Error(`Province ${provinceCode} is not in ref.province`);
  return province;
}

/** The months the data covers, with their calendar as of `now` (tests pass a fixed one). */
export async function getCoverage(
  db: Kysely<DB>,
  provinceCode: string,
  now: Date = new Date(),
): Promise<CoverageInfo | null> {
  const state = await db
    .selectFrom("mart.refresh_state")
    .select(["first_month", "last_month", "refreshed_at", "last_batch_id"])
    .where("province_code", "=", provinceCode)
    .executeTakeFirst();
  if (!state?.first_month || !state.last_month) return null;
  const refreshed = state.refreshed_at as Date | string;
  const months = { first_month: state.first_month, last_month: state.last_month };
  return {
    ...months,
    refreshed_at: refreshed instanceof Date ? refreshed.toISOString() : String(refreshed),
    last_batch_id: state.last_batch_id === null ? null : Number(state.last_batch_id),
    calendar: await getDataCalendar(db, provinceCode, months, now),
  };
}

export type CoveredPeriod =
  | { ok: true; coverage: CoverageInfo | null; period: ResolvedPeriod | null }
  | { ok: false; issue: FilterIssue };

/**
 * The months the data covers and the filter's period within them, or the filter's issue (400).
 * Before any data is loaded there is neither, and no issue: pages then show their empty state.
 */
export async function getCoveredPeriod(
  db: Kysely<DB>,
  provinceCode: string,
  filter: OverviewFilter,
  now: Date = new Date(),
): Promise<CoveredPeriod> {
  const coverage = await getCoverage(db, provinceCode, now);
  if (!coverage) return { ok: true, coverage: null, period: null };
  const resolution = resolvePeriod(filter, coverage);
  return resolution.ok ? { ok: true, coverage, period: resolution.period } : resolution;
}

/** Province sums per month over [from, to], for communes in the unit-type filter. */
export async function getMonthTotals(
  db: Kysely<DB>,
  provinceCode: string,
  range: { from: string; to: string },
  unitType: UnitTypeFilter | null,
): Promise<MonthTotals[]> {
  const rows = await db
    .selectFrom("mart.commune_month as m")
    .innerJoin("ref.commune as c", "c.code", "m.commune_code")
    .where("c.province_code", "=", provinceCode)
    .where("m.month", ">=", range.from)
    .where("m.month", "<=", range.to)
    .$if(unitType !== null, (query) => query.where("c.unit_type", "=", unitType!))
    .groupBy("m.month")
    .orderBy("m.month")
    .select((eb) => [
      "m.month",
      eb.fn.sum<number>("m.cases").as("cases"),
      eb.fn.sum<number>("m.cases_online").as("cases_online"),
      eb.fn.sum<number>("m.cases_minority").as("cases_minority"),
      eb.fn.sum<number>("m.cases_elderly").as("cases_elderly"),
      eb.fn.sum<number>("m.dossiers_total").as("dossiers_total"),
      eb.fn.sum<number>("m.dossiers_online").as("dossiers_online"),
      eb.fn.sum<number>("m.volunteer_hours").as("volunteer_hours"),
      eb.fn.sum<number>("m.volunteers_active").as("volunteers_active"),
      eb.fn.countAll<number>().filterWhere("m.cases", ">", 0).as("communes_with_cases"),
    ])
    .execute();
  // Sums of NOT NULL columns over non-empty groups, as numbers (db/engine.ts parses int8).
  const byMonth = new Map(rows.map((row) => [row.month, row satisfies MonthTotals]));
  return listMonths(range.from, range.to).map(
    (month) => byMonth.get(month) ?? emptyMonthTotals(month),
  );
}

/**
 * One commune's sums of mart.commune_month over a period and its values in the period's last
 * month: the row the overview, the commune list and the compare page all start from.
 */
export interface CommunePeriodSums extends CommuneSummary {
  cases_not_completed: number;
  cases_minority: number;
  cases_elderly: number;
}

/**
 * Every commune of the province in the unit-type filter with its sums over `period`; communes
 * without a mart row in the period get zeros (a left join), so lists and choosers show them all.
 */
export async function getCommunePeriodSums(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string },
  unitType: UnitTypeFilter | null,
): Promise<CommunePeriodSums[]> {
  const zero = sql<number>`0`;
  const rows = await db
    .selectFrom("ref.commune as c")
    .leftJoin("mart.commune_month as m", (join) =>
      join
        .onRef("m.commune_code", "=", "c.code")
        .on("m.month", ">=", period.from)
        .on("m.month", "<=", period.to),
    )
    .where("c.province_code", "=", provinceCode)
    .$if(unitType !== null, (query) => query.where("c.unit_type", "=", unitType!))
    .groupBy(["c.code", "c.full_name", "c.unit_type", "c.population", "c.population_quality"])
    .select((eb) => {
      const total = (column: Parameters<typeof eb.fn.sum>[0]) =>
        eb.fn.coalesce(eb.fn.sum<number>(column), zero);
      const inLastMonth = (column: Parameters<typeof eb.fn.sum>[0]) =>
        eb.fn.coalesce(eb.fn.sum<number>(column).filterWhere("m.month", "=", period.to), zero);
      return [
        "c.code",
        "c.full_name as name",
        "c.unit_type",
        "c.population",
        "c.population_quality",
        total("m.cases").as("cases"),
        total("m.cases_online").as("cases_online"),
        total("m.cases_not_completed").as("cases_not_completed"),
        total("m.cases_minority").as("cases_minority"),
        total("m.cases_elderly").as("cases_elderly"),
        total("m.dossiers_total").as("dossiers_total"),
        total("m.dossiers_online").as("dossiers_online"),
        total("m.volunteer_hours").as("volunteer_hours"),
        inLastMonth("m.cases").as("last_month_cases"),
        inLastMonth("m.dossiers_total").as("last_month_dossiers_total"),
        inLastMonth("m.volunteer_hours").as("last_month_volunteer_hours"),
        inLastMonth("m.volunteers_active").as("last_month_volunteers_active"),
      ];
    })
    .execute();
  // Both engines parse int8 and numeric to numbers (db/engine.ts) and every sum is coalesced, so
  // the rows need no casting.
  return rows.map(({ population_quality, ...row }) => ({
    ...row,
    population_ok: populationOk({ population: row.population, population_quality }),
  }));
}

/** Every commune of the province in the filter, with its sums over the period. */
export async function getCommuneSummaries(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string },
  unitType: UnitTypeFilter | null,
): Promise<CommuneSummary[]> {
  const rows = await getCommunePeriodSums(db, provinceCode, period, unitType);
  return rows.map(
    ({ cases_not_completed: _n, cases_minority: _m, cases_elderly: _e, ...summary }) => summary,
  );
}

/** Case counts of one procedure group for one commune × month (only cells with cases). */
export interface GroupCaseCount {
  commune_code: string;
  month: string;
  cases: number;
  cases_online: number;
  cases_minority: number;
  cases_elderly: number;
}

/**
 * Case counts from core.assistance for procedures of `group` (the mart has no procedure
 * dimension), with the mart's definitions of online, minority and elderly.
 */
export async function getGroupCaseCounts(
  db: Kysely<DB>,
  provinceCode: string,
  range: { from: string; to: string },
  unitType: UnitTypeFilter | null,
  group: ProcedureGroup,
): Promise<GroupCaseCount[]> {
  const rows = await db
    .selectFrom("core.assistance as a")
    .innerJoin("ref.procedure as p", "p.code", "a.procedure_code")
    .innerJoin("ref.commune as c", "c.code", "a.commune_code")
    .where("c.province_code", "=", provinceCode)
    .where("p.procedure_group", "=", group)
    .where("a.assisted_at", ">=", `${range.from}-01 00:00:00`)
    .where("a.assisted_at", "<", `${addMonths(range.to, 1)}-01 00:00:00`)
    .$if(unitType !== null, (query) => query.where("c.unit_type", "=", unitType!))
    .groupBy(["a.commune_code", sql`to_char(a.assisted_at, 'YYYY-MM')`])
    .select((eb) => [
      "a.commune_code",
      sql<string>`to_char(a.assisted_at, 'YYYY-MM')`.as("month"),
      eb.fn.countAll<number>().as("cases"),
      eb.fn.countAll<number>().filterWhere("a.channel", "=", "online").as("cases_online"),
      eb.fn
        .countAll<number>()
        .filterWhere((w) =>
          w.and([w("a.ethnic_code", "is not", null), w("a.ethnic_code", "<>", "01")]),
        )
        .as("cases_minority"),
      eb.fn.countAll<number>().filterWhere("a.age_band", "=", "60_plus").as("cases_elderly"),
    ])
    .execute();
  return rows;
}

/** Month totals with the case-based fields replaced by one procedure group's counts. */
export function withGroupMonthCases(
  months: readonly MonthTotals[],
  counts: readonly GroupCaseCount[],
): MonthTotals[] {
  return months.map((month) => {
    const cells = counts.filter((count) => count.month === month.month);
    const sum = (pick: (count: GroupCaseCount) => number) =>
      cells.reduce((total, count) => total + pick(count), 0);
    return {
      ...month,
      cases: sum((c) => c.cases),
      cases_online: sum((c) => c.cases_online),
      cases_minority: sum((c) => c.cases_minority),
      cases_elderly: sum((c) => c.cases_elderly),
      communes_with_cases: cells.filter((count) => count.cases > 0).length,
    };
  });
}

/**
 * Commune summaries whose cases and cases_online count only one procedure group over the period.
 * last_month_cases keeps every procedure: "no data received" means nothing at all arrived.
 */
export function withGroupCommuneCases(
  communes: readonly CommuneSummary[],
  counts: readonly GroupCaseCount[],
  period: { from: string; to: string },
): CommuneSummary[] {
  const inPeriod = counts.filter((count) => count.month >= period.from && count.month <= period.to);
  return communes.map((commune) => {
    const cells = inPeriod.filter((count) => count.commune_code === commune.code);
    return {
      ...commune,
      cases: cells.reduce((total, count) => total + count.cases, 0),
      cases_online: cells.reduce((total, count) => total + count.cases_online, 0),
    };
  });
}
