// Everything one commune's page shows, and its downloads are built from: trends against the
// province and peer medians, procedure mix, help types, demographic reach, teams, the weekday ×
// hour heatmap and the pre-2025 units. Month totals come from mart.commune_month; breakdowns the
// mart does not hold (procedures, demographics, hours of day, teams) are aggregated from core in
// SQL over one commune and period (index assistance (commune_code, assisted_at)).
import { cachedForDataVersion } from "~/lib/cache/data-version-cache.server";
import { sql, type Kysely } from "kysely";
import type { AgeBand, DB, HelpType, UnitType } from "~/lib/db/types";
import type { Viewer } from "~/lib/auth/policy";
import { canViewCommuneDetail, mustSuppressDemographics } from "~/lib/auth/policy";
import { compareVietnamese } from "~/lib/format/collation";
import {
  isTooFewToBreakDown,
  shareOfTotal,
  suppressCount,
  type SuppressedCount,
} from "~/lib/privacy/suppress";
import { AGE_BANDS, HELP_TYPES, REACH_GROUPS, type ReachGroup } from "~/pages/commune/options";
import { populationOk } from "~/lib/metrics/commune-metrics";
import { median, selectPeerCommunes, type PeerCommune } from "~/lib/metrics/commune-peers";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { COMMUNE_CODE_PATTERN, type ProcedureGroup } from "~/lib/filters/filter-options";
import { resolvePeriod, type OverviewFilter, type ResolvedPeriod } from "~/lib/filters/filters";
import { addMonths, listMonths } from "~/lib/calendar/months";
import {
  getCommunePeriodSums,
  getCoverage,
  getProvinceInfo,
  type CoverageInfo,
  type ProvinceInfo,
} from "~/lib/metrics/province.server";
import { ratioOf, safeRatio } from "~/lib/metrics/registry";
import { expandShiftIntoHourSlots } from "~/lib/metrics/shift-hour-slots";
import {
  computeCommuneStandings,
  sumCommuneTotals,
  type CommuneStandings,
} from "~/lib/metrics/commune-standing";

export interface CommuneInfo {
  code: string;
  name: string;
  full_name: string;
  full_name_en: string;
  unit_type: UnitType;
  population: number | null;
  population_ok: boolean;
  area_km2: number | null;
}

export interface CommuneTrendRow {
  month: string;
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
  /** Medians over the province's communes that month (uptake: those with dossiers). */
  province_median_online_uptake: number | null;
  province_median_cases: number | null;
  /** Medians over the peer communes; null without peers. */
  peer_median_online_uptake: number | null;
  peer_median_cases: number | null;
}

export interface CommuneSummaryFigures {
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
  volunteer_hours: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
}

export interface ProcedureGroupRow {
  procedure_group: string;
  cases: number;
  cases_online: number;
  assisted_online_share: number | null;
  /** Share of the commune's cases in the period. */
  share_of_cases: number | null;
}

export interface ProcedureRow extends ProcedureGroupRow {
  procedure_code: string;
  label_vi: string;
  label_en: string;
}

export interface HelpTypeRow {
  help_type: HelpType;
  cases: number;
  cases_online: number;
  share_of_cases: number | null;
}

export interface ReachRow {
  group: ReachGroup;
  /** Cases of the group: raw, or suppressed (0, "<8", multiple of 5) for leader/secretary. */
  cases: SuppressedCount;
  /** Share among those helped, from raw counts. */
  share_helped: number | null;
  /** Share in the commune's population (profile year), null without a profile. */
  population_share: number | null;
  /** share_helped ÷ population_share; 1 = proportional. */
  reach_index: number | null;
}

export interface EthnicGroupRow {
  /** GSO code, or null for cases with no recognised ethnic group. */
  ethnic_code: string | null;
  name_vi: string | null;
  name_en: string | null;
  is_majority: boolean | null;
  cases: SuppressedCount;
  share_helped: number | null;
}

export interface AgeBandRow {
  age_band: AgeBand;
  cases: SuppressedCount;
  share_helped: number | null;
}

export interface ReachSection {
  suppressed: boolean;
  /** Cases in the selection (the denominator of every share). Suppressed like the cells. */
  cases_total: SuppressedCount;
  /** True when the selection has 1–7 records and a suppressed viewer gets no breakdown. */
  too_few: boolean;
  /** The population profile used (latest year ≤ the period's end), or null when there is none. */
  profile: {
    year: number;
    population_total: number;
    population_minority: number;
    population_elderly: number;
    population_female: number;
  } | null;
  rows: ReachRow[];
  ethnic_groups: EthnicGroupRow[];
  age_bands: AgeBandRow[];
}

export interface TeamRow {
  team: string;
  shifts: number;
  volunteers: number;
  volunteer_hours: number;
  cases: number;
  cases_per_hour: number | null;
}

export interface HeatmapCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  /** Assistance records starting in this slot. */
  cases: number;
  /** Volunteer-hours on shift overlapping this slot, summed over the period. */
  volunteer_hours: number;
}

export interface HeatmapSection {
  cells: HeatmapCell[];
  /** Shifts recorded with hours only (no start and end): not placed on the grid. */
  unknown_time_shifts: number;
  unknown_time_hours: number;
}

export interface PredecessorRow {
  old_name: string;
  old_unit_type: string | null;
  partial: boolean;
}

export interface CommunePage {
  province: ProvinceInfo;
  commune: CommuneInfo;
  coverage: CoverageInfo | null;
  /** Null when nothing has been imported yet (every section is then empty). */
  period: ResolvedPeriod | null;
  procedure_group: ProcedureGroup | null;
  summary: CommuneSummaryFigures | null;
  /** The tiles: value, province and peer medians, ranks; null without data. */
  standings: CommuneStandings | null;
  trend: CommuneTrendRow[];
  /** Units of the province the province median is taken over. */
  province_commune_count: number;
  peers: PeerCommune[];
  procedure_groups: ProcedureGroupRow[];
  /** Every procedure with a case, most cases first (the page lists the first TOP_PROCEDURES). */
  procedures: ProcedureRow[];
  help_types: HelpTypeRow[];
  reach: ReachSection;
  teams: TeamRow[];
  heatmap: HeatmapSection;
  predecessors: PredecessorRow[];
}

export type CommunePageResult =
  | { ok: true; page: CommunePage }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "bad_filter"; issue: FilterIssue };

/** [lo, hi) timestamps of a period of months, as 'YYYY-MM-DD' strings. */
export function periodBounds(period: { from: string; to: string }): { lo: string; hi: string } {
  return { lo: `${period.from}-01`, hi: `${addMonths(period.to, 1)}-01` };
}

async function getCommuneInfo(
  db: Kysely<DB>,
  provinceCode: string,
  code: string,
): Promise<CommuneInfo | null> {
  const row = await db
    .selectFrom("ref.commune")
    .select([
      "code",
      "name",
      "full_name",
      "full_name_en",
      "unit_type",
      "population",
      "population_quality",
      "area_km2",
    ])
    .where("province_code", "=", provinceCode)
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    full_name: row.full_name,
    full_name_en: row.full_name_en,
    unit_type: row.unit_type,
    population: row.population,
    population_ok: populationOk(row),
    area_km2: row.area_km2,
  };
}

export interface CommuneMonthCell {
  commune_code: string;
  month: string;
  cases: number;
  cases_online: number;
  dossiers_total: number;
  dossiers_online: number;
}

/**
 * Cases and dossiers per commune × month for the whole province. Without a procedure group this
 * is the mart. With one, cases come from core.assistance, and dossiers only from per-procedure
 * rows of that group: an "all procedures" figure cannot be split by group.
 */
async function getProvinceMonthCells(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string },
  procedureGroup: ProcedureGroup | null,
): Promise<CommuneMonthCell[]> {
  if (procedureGroup === null) {
    const rows = await db
      .selectFrom("mart.commune_month as m")
      .innerJoin("ref.commune as c", "c.code", "m.commune_code")
      .where("c.province_code", "=", provinceCode)
      .where("m.month", ">=", period.from)
      .where("m.month", "<=", period.to)
      .select([
        "m.commune_code",
        "m.month",
        "m.cases",
        "m.cases_online",
        "m.dossiers_total",
        "m.dossiers_online",
      ])
      .execute();
    return rows.map((row) => ({
      commune_code: row.commune_code,
      month: row.month,
      cases: row.cases,
      cases_online: row.cases_online,
      dossiers_total: row.dossiers_total,
      dossiers_online: row.dossiers_online,
    }));
  }
  const { lo, hi } = periodBounds(period);
  const [assistance, dossiers] = await Promise.all([
    db
      .selectFrom("core.assistance as a")
      .innerJoin("ref.commune as c", "c.code", "a.commune_code")
      .innerJoin("ref.procedure as p", "p.code", "a.procedure_code")
      .where("c.province_code", "=", provinceCode)
      .where("a.assisted_at", ">=", lo)
      .where("a.assisted_at", "<", hi)
      .where("p.procedure_group", "=", procedureGroup)
      .groupBy(["a.commune_code", sql`to_char(a.assisted_at, 'YYYY-MM')`])
      .select((eb) => [
        "a.commune_code",
        sql<string>`to_char(a.assisted_at, 'YYYY-MM')`.as("month"),
        eb.fn.countAll<number>().as("cases"),
        eb.fn.countAll<number>().filterWhere("a.channel", "=", "online").as("cases_online"),
      ])
      .execute(),
    db
      .selectFrom("core.dossier_stat as d")
      .innerJoin("ref.commune as c", "c.code", "d.commune_code")
      .innerJoin("ref.procedure as p", "p.code", "d.procedure_code")
      .where("c.province_code", "=", provinceCode)
      .where("d.month", ">=", lo)
      .where("d.month", "<", hi)
      .where("p.procedure_group", "=", procedureGroup)
      .groupBy(["d.commune_code", sql`to_char(d.month, 'YYYY-MM')`])
      .select((eb) => [
        "d.commune_code",
        sql<string>`to_char(d.month, 'YYYY-MM')`.as("month"),
        eb.fn.sum<number>("d.received_total").as("dossiers_total"),
        eb.fn.sum<number>("d.received_online").as("dossiers_online"),
      ])
      .execute(),
  ]);
  const cells = new Map<string, CommuneMonthCell>();
  const cellOf = (commune_code: string, month: string) => {
    const key = `${commune_code}|${month}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        commune_code,
        month,
        cases: 0,
        cases_online: 0,
        dossiers_total: 0,
        dossiers_online: 0,
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const row of assistance) {
    const cell = cellOf(row.commune_code, row.month);
    cell.cases = row.cases;
    cell.cases_online = row.cases_online;
  }
  for (const row of dossiers) {
    const cell = cellOf(row.commune_code, row.month);
    cell.dossiers_total = row.dossiers_total;
    cell.dossiers_online = row.dossiers_online;
  }
  return [...cells.values()];
}

/** The commune's months with the province and peer medians of uptake and cases. */
export function buildCommuneTrend(
  code: string,
  months: readonly string[],
  provinceCodes: readonly string[],
  peerCodes: readonly string[],
  cells: readonly CommuneMonthCell[],
): CommuneTrendRow[] {
  const byKey = new Map(cells.map((cell) => [`${cell.commune_code}|${cell.month}`, cell]));
  // A commune × month missing from the cells had nothing recorded: zeros, as in the mart.
  const cellAt = (commune: string, month: string) =>
    byKey.get(`${commune}|${month}`) ?? {
      commune_code: commune,
      month,
      cases: 0,
      cases_online: 0,
      dossiers_total: 0,
      dossiers_online: 0,
    };
  const uptake = (cell: CommuneMonthCell) => ratioOf("online_uptake", cell);
  return months.map((month) => {
    const own = cellAt(code, month);
    const province = provinceCodes.map((commune) => cellAt(commune, month));
    const peers = peerCodes.map((commune) => cellAt(commune, month));
    return {
      month,
      cases: own.cases,
      cases_online: own.cases_online,
      dossiers_total: own.dossiers_total,
      dossiers_online: own.dossiers_online,
      online_uptake: uptake(own),
      assisted_online_share: ratioOf("assisted_online_share", own),
      province_median_online_uptake: median(province.map(uptake)),
      province_median_cases: median(province.map((cell) => cell.cases)),
      peer_median_online_uptake: peers.length > 0 ? median(peers.map(uptake)) : null,
      peer_median_cases: peers.length > 0 ? median(peers.map((cell) => cell.cases)) : null,
    };
  });
}

interface PeriodScope {
  code: string;
  lo: string;
  hi: string;
  procedureGroup: ProcedureGroup | null;
}

/** core.assistance of one commune and period, in the procedure group when one is chosen. */
function communeAssistance(db: Kysely<DB>, scope: PeriodScope) {
  return db
    .selectFrom("core.assistance as a")
    .innerJoin("ref.procedure as p", "p.code", "a.procedure_code")
    .where("a.commune_code", "=", scope.code)
    .where("a.assisted_at", ">=", scope.lo)
    .where("a.assisted_at", "<", scope.hi)
    .$if(scope.procedureGroup !== null, (query) =>
      query.where("p.procedure_group", "=", scope.procedureGroup!),
    );
}

async function getProcedureMix(
  db: Kysely<DB>,
  scope: PeriodScope,
): Promise<{ groups: ProcedureGroupRow[]; procedures: ProcedureRow[] }> {
  const rows = await communeAssistance(db, scope)
    .groupBy(["a.procedure_code", "p.procedure_group", "p.label_vi", "p.label_en", "p.name"])
    .select((eb) => [
      "a.procedure_code",
      "p.procedure_group",
      "p.label_vi",
      "p.label_en",
      "p.name",
      eb.fn.countAll<number>().as("cases"),
      eb.fn.countAll<number>().filterWhere("a.channel", "=", "online").as("cases_online"),
    ])
    .execute();
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  const byCases = (a: { cases: number }, b: { cases: number }) => b.cases - a.cases;
  const procedures: ProcedureRow[] = rows.map((row) => {
    const cases = row.cases;
    const casesOnline = row.cases_online;
    return {
      procedure_code: row.procedure_code,
      procedure_group: row.procedure_group,
      // The catalogue's official name stands in where the shortlist has no short label.
      label_vi: row.label_vi ?? row.name,
      label_en: row.label_en ?? row.label_vi ?? row.name,
      cases,
      cases_online: casesOnline,
      assisted_online_share: ratioOf("assisted_online_share", {
        cases_online: casesOnline,
        cases,
      }),
      share_of_cases: safeRatio(cases, total),
    };
  });
  const groups = new Map<string, { cases: number; cases_online: number }>();
  for (const row of procedures) {
    const group = groups.get(row.procedure_group) ?? { cases: 0, cases_online: 0 };
    group.cases += row.cases;
    group.cases_online += row.cases_online;
    groups.set(row.procedure_group, group);
  }
  return {
    groups: [...groups.entries()]
      .map(([procedure_group, group]) => ({
        procedure_group,
        cases: group.cases,
        cases_online: group.cases_online,
        assisted_online_share: ratioOf("assisted_online_share", group),
        share_of_cases: safeRatio(group.cases, total),
      }))
      .sort((a, b) => byCases(a, b) || a.procedure_group.localeCompare(b.procedure_group)),
    procedures: procedures.sort(
      (a, b) => byCases(a, b) || a.procedure_code.localeCompare(b.procedure_code),
    ),
  };
}

async function getHelpTypes(db: Kysely<DB>, scope: PeriodScope): Promise<HelpTypeRow[]> {
  const rows = await communeAssistance(db, scope)
    .groupBy("a.help_type")
    .select((eb) => [
      "a.help_type",
      eb.fn.countAll<number>().as("cases"),
      eb.fn.countAll<number>().filterWhere("a.channel", "=", "online").as("cases_online"),
    ])
    .execute();
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  const byType = new Map(rows.map((row) => [row.help_type, row]));
  return HELP_TYPES.map((help_type) => {
    const row = byType.get(help_type);
    const cases = row?.cases ?? 0;
    return {
      help_type,
      cases,
      cases_online: row?.cases_online ?? 0,
      share_of_cases: safeRatio(cases, total),
    };
  });
}

export interface DemographicCell {
  ethnic_code: string | null;
  name_vi: string | null;
  name_en: string | null;
  is_majority: boolean | null;
  age_band: AgeBand;
  gender: string;
  cases: number;
}

async function getDemographicCells(db: Kysely<DB>, scope: PeriodScope): Promise<DemographicCell[]> {
  const rows = await communeAssistance(db, scope)
    .leftJoin("ref.ethnic_group as e", "e.code", "a.ethnic_code")
    .groupBy(["a.ethnic_code", "e.name_vi", "e.name_en", "e.is_majority", "a.age_band", "a.gender"])
    .select((eb) => [
      "a.ethnic_code",
      "e.name_vi",
      "e.name_en",
      "e.is_majority",
      "a.age_band",
      "a.gender",
      eb.fn.countAll<number>().as("cases"),
    ])
    .execute();
  return rows;
}

async function getPopulationProfile(
  db: Kysely<DB>,
  code: string,
  lastYear: number,
): Promise<ReachSection["profile"]> {
  const row = await db
    .selectFrom("ref.population_profile")
    .select([
      "year",
      "population_total",
      "population_minority",
      "population_elderly",
      "population_female",
    ])
    .where("commune_code", "=", code)
    .where("year", "<=", lastYear)
    .orderBy("year", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    year: row.year,
    population_total: row.population_total,
    population_minority: row.population_minority,
    population_elderly: row.population_elderly,
    population_female: row.population_female,
  };
}

/**
 * Demographic reach from the cells, with small-cell suppression when `suppress`: counts shown as
 * 0, "<8" or a multiple of 5, shares and indices from the counts as shown (none for "<8": the
 * page also shows the total, so a share would give the count back), and no breakdown at all for
 * a selection of 1–7 records.
 */
export function buildReachSection(
  cells: readonly DemographicCell[],
  profile: ReachSection["profile"],
  suppress: boolean,
): ReachSection {
  const total = cells.reduce((sum, cell) => sum + cell.cases, 0);
  const show = (count: number): SuppressedCount => (suppress ? suppressCount(count) : count);
  const count = (keep: (cell: DemographicCell) => boolean) =>
    cells.reduce((sum, cell) => (keep(cell) ? sum + cell.cases : sum), 0);
  const tooFew = suppress && isTooFewToBreakDown(total);
  if (tooFew) {
    return {
      suppressed: suppress,
      cases_total: show(total),
      too_few: true,
      profile,
      rows: [],
      ethnic_groups: [],
      age_bands: [],
    };
  }
  const populationOf: Record<ReachGroup, number | null> = {
    minority: profile?.population_minority ?? null,
    elderly: profile?.population_elderly ?? null,
    female: profile?.population_female ?? null,
  };
  const casesOf: Record<ReachGroup, number> = {
    minority: count((cell) => cell.ethnic_code !== null && cell.is_majority === false),
    elderly: count((cell) => cell.age_band === "60_plus"),
    female: count((cell) => cell.gender === "female"),
  };
  const rows = REACH_GROUPS.map((group): ReachRow => {
    const shareHelped = shareOfTotal(casesOf[group], total, suppress);
    const population = populationOf[group];
    const populationShare =
      profile && population !== null ? safeRatio(population, profile.population_total) : null;
    return {
      group,
      cases: show(casesOf[group]),
      share_helped: shareHelped,
      population_share: populationShare,
      reach_index:
        shareHelped !== null && populationShare !== null && populationShare > 0
          ? shareHelped / populationShare
          : null,
    };
  });
  const ethnic = new Map<string, Omit<EthnicGroupRow, "cases" | "share_helped"> & { n: number }>();
  for (const cell of cells) {
    const key = cell.ethnic_code ?? "";
    const entry = ethnic.get(key) ?? {
      ethnic_code: cell.ethnic_code,
      name_vi: cell.name_vi,
      name_en: cell.name_en,
      is_majority: cell.is_majority,
      n: 0,
    };
    entry.n += cell.cases;
    ethnic.set(key, entry);
  }
  const ethnicGroups = [...ethnic.values()]
    .sort(
      (a, b) =>
        Number(a.ethnic_code === null) - Number(b.ethnic_code === null) ||
        b.n - a.n ||
        compareVietnamese(a.name_vi ?? "", b.name_vi ?? ""),
    )
    .map(({ n, ...group }) => ({
      ...group,
      cases: show(n),
      share_helped: shareOfTotal(n, total, suppress),
    }));
  const ageBands = AGE_BANDS.map((age_band) => {
    const n = count((cell) => cell.age_band === age_band);
    return { age_band, cases: show(n), share_helped: shareOfTotal(n, total, suppress) };
  });
  return {
    suppressed: suppress,
    cases_total: show(total),
    too_few: false,
    profile,
    rows,
    ethnic_groups: ethnicGroups,
    age_bands: ageBands,
  };
}

async function getTeams(db: Kysely<DB>, scope: PeriodScope): Promise<TeamRow[]> {
  const [shifts, cases] = await Promise.all([
    db
      .selectFrom("core.volunteer_shift")
      .where("commune_code", "=", scope.code)
      .where("shift_date", ">=", scope.lo)
      .where("shift_date", "<", scope.hi)
      .groupBy("team")
      .select((eb) => [
        "team",
        eb.fn.countAll<number>().as("shifts"),
        eb.fn.count<number>("volunteer_id").distinct().as("volunteers"),
        eb.fn.sum<number>("hours").as("volunteer_hours"),
      ])
      .execute(),
    communeAssistance(db, scope)
      .groupBy("a.team")
      .select((eb) => ["a.team", eb.fn.countAll<number>().as("cases")])
      .execute(),
  ]);
  const teams = new Map<string, TeamRow>();
  const teamOf = (team: string) => {
    let row = teams.get(team);
    if (!row) {
      row = { team, shifts: 0, volunteers: 0, volunteer_hours: 0, cases: 0, cases_per_hour: null };
      teams.set(team, row);
    }
    return row;
  };
  for (const row of shifts) {
    const team = teamOf(row.team);
    team.shifts = row.shifts;
    team.volunteers = row.volunteers;
    team.volunteer_hours = row.volunteer_hours;
  }
  for (const row of cases) teamOf(row.team).cases = row.cases;
  return [...teams.values()]
    .map((row) => ({ ...row, cases_per_hour: safeRatio(row.cases, row.volunteer_hours) }))
    .sort(
      (a, b) =>
        b.volunteer_hours - a.volunteer_hours ||
        b.cases - a.cases ||
        compareVietnamese(a.team, b.team),
    );
}

async function getHeatmap(db: Kysely<DB>, scope: PeriodScope): Promise<HeatmapSection> {
  const weekdayOfVisit = sql<number>`extract(isodow from a.assisted_at)::int`;
  const hourOfVisit = sql<number>`extract(hour from a.assisted_at)::int`;
  const weekdayOfShift = sql<number>`extract(isodow from shift_date)::int`;
  const [demand, shifts] = await Promise.all([
    communeAssistance(db, scope)
      .groupBy([weekdayOfVisit, hourOfVisit])
      .select((eb) => [
        weekdayOfVisit.as("weekday"),
        hourOfVisit.as("hour"),
        eb.fn.countAll<number>().as("cases"),
      ])
      .execute(),
    // Grouped by weekday and clock times: a commune's shifts repeat a few patterns, so the hour
    // slots are expanded once per pattern, not once per shift.
    db
      .selectFrom("core.volunteer_shift")
      .where("commune_code", "=", scope.code)
      .where("shift_date", ">=", scope.lo)
      .where("shift_date", "<", scope.hi)
      .groupBy([weekdayOfShift, "start_time", "end_time"])
      .select((eb) => [
        weekdayOfShift.as("weekday"),
        sql<string | null>`start_time::text`.as("start_time"),
        sql<string | null>`end_time::text`.as("end_time"),
        eb.fn.countAll<number>().as("shifts"),
        eb.fn.sum<number>("hours").as("hours"),
      ])
      .execute(),
  ]);
  const cells = new Map<string, HeatmapCell>();
  const cellOf = (weekday: number, hour: number) => {
    const key = `${weekday}|${hour}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { weekday, hour, cases: 0, volunteer_hours: 0 };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const row of demand) cellOf(Number(row.weekday), Number(row.hour)).cases = Number(row.cases);
  let unknownShifts = 0;
  let unknownHours = 0;
  for (const row of shifts) {
    if (row.start_time === null || row.end_time === null) {
      unknownShifts += Number(row.shifts);
      unknownHours += Number(row.hours);
      continue;
    }
    for (const slot of expandShiftIntoHourSlots(row.start_time, row.end_time)) {
      cellOf(Number(row.weekday), slot.hour).volunteer_hours += slot.hours * Number(row.shifts);
    }
  }
  return {
    cells: [...cells.values()]
      .map((cell) => ({ ...cell, volunteer_hours: Math.round(cell.volunteer_hours * 100) / 100 }))
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    unknown_time_shifts: unknownShifts,
    unknown_time_hours: Math.round(unknownHours * 100) / 100,
  };
}

async function getPredecessors(db: Kysely<DB>, code: string): Promise<PredecessorRow[]> {
  const rows = await db
    .selectFrom("ref.commune_predecessor")
    .select(["old_name", "old_unit_type", "partial"])
    .where("commune_code", "=", code)
    .execute();
  return rows
    .map((row) => ({
      old_name: row.old_name,
      old_unit_type: row.old_unit_type,
      partial: row.partial,
    }))
    .sort((a, b) => compareVietnamese(a.old_name, b.old_name));
}

async function getPeerCandidates(db: Kysely<DB>, provinceCode: string) {
  const rows = await db
    .selectFrom("ref.commune")
    .select(["code", "full_name", "unit_type", "population", "population_quality"])
    .where("province_code", "=", provinceCode)
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.full_name,
    unit_type: row.unit_type,
    population: row.population,
    population_ok: populationOk(row),
  }));
}

/** Volunteer hours by commune of the province over the period (the overview's period sums). */
async function getProvinceVolunteerHours(
  db: Kysely<DB>,
  provinceCode: string,
  period: { from: string; to: string },
): Promise<Map<string, number>> {
  const sums = await getCommunePeriodSums(db, provinceCode, period, null);
  return new Map(sums.map((row) => [row.code, row.volunteer_hours]));
}

const EMPTY_REACH: ReachSection = {
  suppressed: false,
  cases_total: 0,
  too_few: false,
  profile: null,
  rows: [],
  ethnic_groups: [],
  age_bands: [],
};

/**
 * One commune's page for the filter (period, procedure group) as `viewer` may see it: not_found
 * for a code outside the province, forbidden when the viewer may not open its detail, bad_filter
 * for a period outside the data. Demographic counts are suppressed per the viewer's role.
 */
export async function getCommunePage(
  db: Kysely<DB>,
  provinceCode: string,
  code: string,
  filter: OverviewFilter,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<CommunePageResult> {
  // Not a GSO code (a typo, or a NUL byte PostgreSQL refuses as text): no such commune, no query.
  if (!COMMUNE_CODE_PATTERN.test(code)) return { ok: false, reason: "not_found" };
  const commune = await getCommuneInfo(db, provinceCode, code);
  if (!commune) return { ok: false, reason: "not_found" };
  if (!canViewCommuneDetail(viewer, code)) return { ok: false, reason: "forbidden" };
  const suppress = mustSuppressDemographics(viewer);
  const procedureGroup = filter.procedure_group ?? null;
  const [province, coverage, candidates, predecessors] = await Promise.all([
    getProvinceInfo(db, provinceCode),
    getCoverage(db, provinceCode, now),
    getPeerCandidates(db, provinceCode),
    getPredecessors(db, code),
  ]);
  const peers = selectPeerCommunes(
    candidates.find((candidate) => candidate.code === code)!,
    candidates,
  );
  const base = {
    province,
    commune,
    coverage,
    procedure_group: procedureGroup,
    province_commune_count: candidates.length,
    peers,
    predecessors,
  };
  if (!coverage) {
    return {
      ok: true,
      page: {
        ...base,
        period: null,
        summary: null,
        standings: null,
        trend: [],
        procedure_groups: [],
        procedures: [],
        help_types: [],
        reach: { ...EMPTY_REACH, suppressed: suppress },
        teams: [],
        heatmap: { cells: [], unknown_time_shifts: 0, unknown_time_hours: 0 },
      },
    };
  }
  const resolution = resolvePeriod(filter, coverage);
  if (!resolution.ok) return { ok: false, reason: "bad_filter", issue: resolution.issue };
  const period = resolution.period;
  const { lo, hi } = periodBounds(period);
  const scope: PeriodScope = { code, lo, hi, procedureGroup };
  // The raw aggregates depend on the data and the URL alone (access was checked above and
  // suppression is applied below), so they are reused until the next import or revert: a
  // commune's page reads tens of thousands of records, its readers ask for the same few months.
  const [cells, mix, helpTypes, demographics, profile, teams, heatmap, provinceHours] =
    await cachedForDataVersion(
      db,
      `commune-page|${provinceCode}|${code}|${period.from}|${period.to}|${procedureGroup ?? ""}`,
      () =>
        Promise.all([
          getProvinceMonthCells(db, provinceCode, period, procedureGroup),
          getProcedureMix(db, scope),
          getHelpTypes(db, scope),
          getDemographicCells(db, scope),
          getPopulationProfile(db, code, Number(period.to.slice(0, 4))),
          getTeams(db, scope),
          getHeatmap(db, scope),
          getProvinceVolunteerHours(db, provinceCode, period),
        ]),
    );
  const provinceCodes = candidates.map((candidate) => candidate.code);
  const peerCodes = peers.map((peer) => peer.code);
  const trend = buildCommuneTrend(
    code,
    listMonths(period.from, period.to),
    provinceCodes,
    peerCodes,
    cells,
  );
  const standings = computeCommuneStandings(
    code,
    provinceCodes,
    peerCodes,
    sumCommuneTotals(cells, provinceHours),
  );
  const sum = (pick: (row: CommuneTrendRow) => number) =>
    trend.reduce((total, row) => total + pick(row), 0);
  const totals = {
    cases: sum((row) => row.cases),
    cases_online: sum((row) => row.cases_online),
    dossiers_total: sum((row) => row.dossiers_total),
    dossiers_online: sum((row) => row.dossiers_online),
  };
  return {
    ok: true,
    page: {
      ...base,
      period,
      summary: {
        ...totals,
        volunteer_hours: provinceHours.get(code) ?? 0,
        online_uptake: ratioOf("online_uptake", totals),
        assisted_online_share: ratioOf("assisted_online_share", totals),
      },
      standings,
      trend,
      procedure_groups: mix.groups,
      procedures: mix.procedures,
      help_types: helpTypes,
      reach: buildReachSection(demographics, profile, suppress),
      teams,
      heatmap,
    },
  };
}
