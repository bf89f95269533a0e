// The overview's procedure-group filter and its 30-day volunteer-activity rule over real ETL
// loads: filtered case figures must equal a direct count of core.assistance joined to
// ref.procedure, while dossier and volunteer figures stay province-wide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession } from "~/lib/db/engine";
import { importFile } from "~/lib/etl/import-file.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { getOverview } from "~/pages/overview/load.server";
import { buildOverviewPage } from "~/pages/overview/view.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { createTempDir, importOptions } from "./support/etl-fixtures";

const LANG_BIANG = "24846";
const CAT_TIEN_3 = "25162";

async function overviewFor(t: TestDatabase, query: string) {
  const parsed = parseOverviewFilter(new URLSearchParams(query));
  if (!parsed.ok) throw new Error("bad test query");
  const result = await getOverview(t.db, "68", parsed.filter);
  if (!result.ok) throw new Error(result.issue.message_key);
  return result.overview;
}

describe(`overview procedure-group filter (${engineName})`, () => {
  let t: TestDatabase;
  let dir: ReturnType<typeof createTempDir>;
  let hoTich: string;
  let cuTru: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = createTempDir("overview-group-");
    const codeOf = async (group: string) =>
      (
        await t.db
          .selectFrom("ref.procedure")
          .select("code")
          .where("procedure_group", "=", group)
          .orderBy("code")
          .executeTakeFirstOrThrow()
      ).code;
    hoTich = await codeOf("ho_tich");
    cuTru = await codeOf("cu_tru");
    const row = (id: string, date: string, commune: string, procedure: string, extra: string) =>
      `${id},${date},${commune},Đội 1,TNV-${id},${procedure},guidance,${extra},15`;
    const assistance = [
      "record_id,assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,age_band,gender,ethnicity,minutes",
      row("G1", "05/01/2026 08:00", LANG_BIANG, hoTich, "online,completed,60_plus,female,K'Ho"),
      row("G2", "06/01/2026 08:00", LANG_BIANG, hoTich, "in_person,completed,18_34,male,Kinh"),
      row("G3", "07/01/2026 08:00", CAT_TIEN_3, cuTru, "online,completed,60_plus,female,Kinh"),
      row("G4", "03/02/2026 08:00", CAT_TIEN_3, hoTich, "online,not_completed,35_59,female,Mạ"),
      row("G5", "04/02/2026 08:00", LANG_BIANG, cuTru, "in_person,completed,18_34,male,Kinh"),
      row("G6", "25/02/2026 08:00", LANG_BIANG, hoTich, "online,completed,60_plus,male,"),
      "",
    ].join("\r\n");
    const shifts = [
      "shift_id,volunteer_id,team,commune,date,hours",
      `S1,TNV-9,Đội 1,${LANG_BIANG},2026-02-26,4`,
      `S2,TNV-8,Đội 1,${CAT_TIEN_3},2026-01-20,3`,
      "",
    ].join("\r\n");
    const dossiers = [
      "commune,month,procedure,received_total,received_online",
      `${LANG_BIANG},2026-01,,100,40`,
      `${CAT_TIEN_3},2026-02,,50,10`,
      "",
    ].join("\r\n");
    for (const [name, text, kind] of [
      ["a.csv", assistance, "assistance"],
      ["s.csv", shifts, "shifts"],
      ["d.csv", dossiers, "dossiers"],
    ] as const) {
      const summary = await importFile(t.engine, importOptions(dir.write(name, text), kind));
      expect(summary.rejected, name).toBe(0);
    }
  }, 60_000);
  afterAll(async () => {
    dir?.remove();
    await t?.close();
  });

  it("counts cases of the group as core.assistance does, dossiers and hours province-wide", async () => {
    const direct = await withSession(t.engine, async (session) => {
      const { rows } = await session.query<Record<string, number>>(
        `select count(*)::int as cases,
                count(*) filter (where a.channel = 'online')::int as cases_online,
                count(*) filter (where a.ethnic_code is not null and a.ethnic_code <> '01')::int as cases_minority,
                count(*) filter (where a.age_band = '60_plus')::int as cases_elderly,
                count(distinct a.commune_code) filter (where a.assisted_at >= '2026-02-01')::int as reporting
         from core.assistance a join ref.procedure p on p.code = a.procedure_code
         where p.procedure_group = 'ho_tich'`,
      );
      return rows[0]!;
    });
    expect(direct).toEqual({
      cases: 4,
      cases_online: 3,
      cases_minority: 2,
      cases_elderly: 2,
      reporting: 2,
    });
    const all = await overviewFor(t, "period=since_merger");
    const group = await overviewFor(t, "period=since_merger&procedure_group=ho_tich");
    expect(group.procedure_group).toBe("ho_tich");
    expect(group.kpis!.cases).toBe(direct.cases);
    expect(group.kpis!.assisted_online_share).toBeCloseTo(direct.cases_online! / direct.cases!);
    expect(group.kpis!.minority_reach).toBeCloseTo(direct.cases_minority! / direct.cases!);
    expect(group.kpis!.elderly_reach).toBeCloseTo(direct.cases_elderly! / direct.cases!);
    expect(group.kpis!.communes_reporting).toBe(direct.reporting);
    // Not case-based: the same with and without the filter.
    for (const id of ["online_uptake", "volunteer_hours", "volunteers_active"] as const) {
      expect(group.kpis![id], id).toBe(all.kpis![id]);
    }
    expect(all.kpis!.cases).toBe(6);
    expect(group.trend.map((m) => [m.month, m.cases])).toEqual([
      ["2026-01", 2],
      ["2026-02", 2],
    ]);
    const byCode = Object.fromEntries(group.communes.map((c) => [c.code, c]));
    expect(byCode[LANG_BIANG]).toMatchObject({ cases: 3, cases_online: 2, dossiers_total: 100 });
    expect(byCode[CAT_TIEN_3]).toMatchObject({ cases: 1, cases_online: 1, dossiers_total: 50 });
  });

  it("flags communes without a shift or case in the 30 days to the latest activity date", async () => {
    const page = buildOverviewPage(await overviewFor(t, "period=since_merger"), "vi");
    // Latest activity: Lang Biang's shift on 26 Feb; the window is 28 Jan – 26 Feb.
    expect(page.attention!.activity_as_of).toBe("2026-02-26");
    const idle = Object.fromEntries(
      page.attention!.no_volunteer_activity.map((c) => [c.code, c.last_activity]),
    );
    expect(idle[LANG_BIANG]).toBeUndefined();
    // Cát Tiên 3 had a case on 3 February: active.
    expect(idle[CAT_TIEN_3]).toBeUndefined();
    expect(page.attention!.no_volunteer_activity).toHaveLength(122);

    // Ending the period in January moves the window to 22 Dec – 20 Jan: Cát Tiên 3's shift on
    // 20 January is its latest activity, Lang Biang's case on 6 January is inside the window.
    const january = buildOverviewPage(await overviewFor(t, "from=2026-01&to=2026-01"), "vi");
    expect(january.attention!.activity_as_of).toBe("2026-01-20");
    expect(january.attention!.no_volunteer_activity.map((c) => c.code)).not.toContain(LANG_BIANG);
  });
});
