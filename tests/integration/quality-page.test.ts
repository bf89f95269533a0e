// The data-quality page over real ETL loads: three small files (one with rejected rows of known
// reasons) for two communes, where Xã Cát Tiên 3 sends nothing for February 2026. Counts by
// reason must equal core.rejected_row; the completeness grid must show exactly that gap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { withSession } from "~/lib/db/engine";
import type { Viewer } from "~/lib/auth/policy";
import { importFile } from "~/lib/etl/import-file.server";
import { parseOverviewFilter } from "~/lib/filters/filters";
import { getQualityPage, type QualityPageData } from "~/pages/quality/load.server";
import { parseQualityParams } from "~/lib/filters/quality-params";
import { loader as downloadLoader } from "~/routes/quality.download";
import { loader as rejectsLoader } from "~/routes/quality.rejects";
import { loader as pageLoader } from "~/routes/quality._index";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { createTempDir, importOptions } from "./support/etl-fixtures";

const LANG_BIANG = "24846"; // phường
const CAT_TIEN_3 = "25162"; // xã
const REST = "Đội 1,TNV-01,1.001193,guidance,online,completed,18_34,female,Kinh";

const ASSISTANCE = [
  "record_id,assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,age_band,gender,ethnicity,minutes",
  `Q-1,10/01/2026 08:00,${LANG_BIANG},${REST},15`,
  `Q-2,10/02/2026 08:00,${LANG_BIANG},${REST},15`,
  `Q-3,12/01/2026 09:00,${CAT_TIEN_3},${REST},20`,
  `Q-4,13/01/2026 09:00,${CAT_TIEN_3},${REST},999`, // minutes_out_of_range
  `Q-5,32/01/2026 09:00,${CAT_TIEN_3},${REST},20`, // date_invalid
  `Q-6,14/01/2026 09:00,99999,${REST},20`, // commune_unknown
  `Q-7,15/01/2026 09:00,${CAT_TIEN_3},${REST},0`, // minutes_out_of_range
  "",
].join("\r\n");

const SHIFTS = [
  "shift_id,volunteer_id,team,commune,date,hours",
  `QS-1,TNV-01,Đội 1,${LANG_BIANG},2026-01-10,4`,
  `QS-2,TNV-01,Đội 1,${LANG_BIANG},2026-02-10,4`,
  `QS-3,TNV-02,Đội 1,${CAT_TIEN_3},2026-01-12,3`,
  `QS-4,TNV-02,Đội 1,${CAT_TIEN_3},2026-02-12,30`, // hours_out_of_range: February stays empty
  "",
].join("\r\n");

const DOSSIERS = [
  "commune,month,procedure,received_total,received_online",
  `${LANG_BIANG},2026-01,,100,40`,
  `${LANG_BIANG},2026-02,,0,0`,
  `${CAT_TIEN_3},2026-01,,50,10`,
  "",
].join("\r\n");

const admin: Viewer = { user_id: 1, username: "a", role: "admin", communes: [], via: "demo" };
const secretary: Viewer = {
  user_id: 2,
  username: "s",
  role: "secretary",
  communes: [CAT_TIEN_3],
  via: "demo",
};

async function pageFor(query: string, viewer: Viewer = admin): Promise<QualityPageData> {
  const searchParams = new URLSearchParams(query);
  const filter = parseOverviewFilter(searchParams);
  const params = parseQualityParams(searchParams);
  if (!filter.ok || !params.ok) throw new Error("bad test query");
  const { getDb } = await import("~/lib/db.server");
  const result = await getQualityPage(
    await getDb(),
    "68",
    filter.filter,
    params.params,
    viewer,
    "vi",
  );
  if (!result.ok) throw new Error(result.issue.message_key);
  return result.page;
}

describe(`data-quality page (${engineName})`, () => {
  let t: TestDatabase;
  let dir: ReturnType<typeof createTempDir>;
  let signedIn: TestIdentity;
  beforeAll(async () => {
    t = await createTestDatabase();
    signedIn = await createUserWithSession(t.db, "admin");
    dir = createTempDir("quality-it-");
    await importFile(t.engine, importOptions(dir.write("hỗ trợ.csv", ASSISTANCE), "assistance"));
    await importFile(t.engine, importOptions(dir.write("ca trực.csv", SHIFTS), "shifts"));
    await importFile(t.engine, importOptions(dir.write("hồ sơ.csv", DOSSIERS), "dossiers"));
  }, 60_000);
  afterAll(async () => {
    dir?.remove();
    await t?.close();
  });

  it("lists the three batches with their counts", async () => {
    const page = await pageFor("");
    expect(
      page.batches.map((b) => [b.kind, b.rows_read, b.rows_inserted, b.rows_rejected]),
    ).toEqual([
      ["dossiers", 3, 3, 0],
      ["shifts", 4, 3, 1],
      ["assistance", 7, 3, 4],
    ]);
    expect(page.batches.every((b) => b.loaded_by === "test" && b.duration_ms !== null)).toBe(true);
  });

  it("counts rejected rows by reason exactly as core.rejected_row holds them", async () => {
    const direct = await withSession(t.engine, (session) =>
      session
        .query<{ reason_code: string; n: number }>(
          "select reason_code, count(*)::int as n from core.rejected_row group by 1",
        )
        .then((result) => result.rows),
    );
    const page = await pageFor("");
    expect(Object.fromEntries(page.reasons.map((r) => [r.reason_code, r.rows]))).toEqual(
      Object.fromEntries(direct.map((r) => [r.reason_code, r.n])),
    );
    expect(Object.fromEntries(page.reasons.map((r) => [r.reason_code, r.rows]))).toEqual({
      minutes_out_of_range: 2,
      date_invalid: 1,
      commune_unknown: 1,
      hours_out_of_range: 1,
    });
    expect(page.reasons[0]!.reason_code).toBe("minutes_out_of_range");
    expect(page.reasons[0]!.example_vi).toContain("999");

    const shiftsOnly = await pageFor("kind=shifts");
    expect(shiftsOnly.reasons.map((r) => [r.reason_code, r.rows])).toEqual([
      ["hours_out_of_range", 1],
    ]);
    expect(shiftsOnly.batches.map((b) => b.kind)).toEqual(["shifts"]);
  });

  it("finds the month Xã Cát Tiên 3 sent nothing, and nothing wrong with Lang Biang", async () => {
    const page = await pageFor("");
    const c = page.completeness!;
    expect(c.months).toEqual(["2026-01", "2026-02"]);
    const cell = (code: string, month: string) =>
      c.cells.find((x) => x.commune_code === code && x.month === month)!;
    expect(cell(CAT_TIEN_3, "2026-01")).toMatchObject({
      assistance: true,
      shifts: true,
      dossiers: true,
      status: "complete",
    });
    expect(cell(CAT_TIEN_3, "2026-02").status).toBe("nothing");
    // A dossier row reporting 0 received still counts as sent.
    expect(cell(LANG_BIANG, "2026-02").status).toBe("complete");
    expect(c.gaps.find((gap) => gap.code === LANG_BIANG)).toBeUndefined();
    expect(c.gaps.find((gap) => gap.code === CAT_TIEN_3)).toMatchObject({
      months_nothing: ["2026-02"],
      missing: { assistance: 1, shifts: 1, dossiers: 1 },
    });
    // Every other unit of the province sent nothing in either month.
    expect(c.communes_total).toBe(124);
    expect(c.cells_nothing).toBe(122 * 2 + 1);
    expect(c.gaps).toHaveLength(123);
    const names = c.gaps.map((gap) => gap.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
    expect(c.html).toContain("<svg");

    const communesOnly = await pageFor("unit_type=xa");
    expect(communesOnly.completeness!.cells.some((x) => x.commune_code === LANG_BIANG)).toBe(false);
    expect(communesOnly.completeness!.cells.some((x) => x.commune_code === CAT_TIEN_3)).toBe(true);
  });

  it("refuses roles without view_quality", async () => {
    const thrown = await pageFor("", secretary).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    const person = await createUserWithSession(t.db, "secretary", { communes: [CAT_TIEN_3] });
    for (const path of ["/quality", "/quality/rejects?reason=date_invalid"]) {
      const route = path.startsWith("/quality/rejects") ? rejectsLoader : pageLoader;
      const refused = await route({
        request: requestAs(person, path),
        params: {},
        context: {},
      }).catch((error: unknown) => error);
      expect((refused as Response).status, path).toBe(403);
    }
  });

  it("serves the page, the drill-down a page at a time, and 400s for bad parameters", async () => {
    const page = await pageLoader({
      request: requestAs(signedIn, "/quality?kind=assistance"),
      params: {},
      context: {},
    });
    expect(page.status).toBe(200);
    const drill = await rejectsLoader({
      request: requestAs(signedIn, "/quality/rejects?reason=minutes_out_of_range"),
      params: {},
      context: {},
    });
    const body = (await drill.json()) as {
      rows: { total: number; rows: { line: number; raw: string }[] };
    };
    expect(body.rows.total).toBe(2);
    expect(body.rows.rows.map((row) => row.line)).toEqual([5, 8]);
    expect(JSON.parse(body.rows.rows[0]!.raw)).toMatchObject({ minutes: "999" });

    for (const query of [
      "kind=people",
      "reason=DROP%20TABLE",
      "page=0",
      "reason=date_invalid&page=2",
    ]) {
      const refused = await rejectsLoader({
        request: requestAs(signedIn, `/quality/rejects?${query}`),
        params: {},
        context: {},
      }).catch((error: unknown) => error);
      expect(refused, query).toBeInstanceOf(Response);
      expect((refused as Response).status, query).toBe(400);
    }
  });

  it("downloads the drill-down and the completeness grid as CSV with the page's numbers", async () => {
    const rejects = await downloadLoader({
      request: requestAs(
        signedIn,
        "/quality/download?dataset=rejects&reason=minutes_out_of_range&format=csv",
      ),
      params: {},
      context: {},
    });
    expect(rejects.status).toBe(200);
    const rejectRows = parse((await rejects.text()).replace(/^\uFEFF/, ""), { columns: true });
    expect((rejectRows as { line: string }[]).map((row) => row.line)).toEqual(["5", "8"]);

    const grid = await downloadLoader({
      request: requestAs(signedIn, "/quality/download?dataset=completeness&format=csv"),
      params: {},
      context: {},
    });
    const gridRows = parse((await grid.text()).replace(/^\uFEFF/, ""), {
      columns: true,
    }) as Record<string, string>[];
    expect(gridRows).toHaveLength(124 * 2);
    expect(
      gridRows.find((row) => row.commune_code === CAT_TIEN_3 && row.month === "2026-02"),
    ).toMatchObject({ assistance: "0", shifts: "0", dossiers: "0", status: "nothing" });

    const refused = await downloadLoader({
      request: requestAs(signedIn, "/quality/download?dataset=rejects&format=csv"),
      params: {},
      context: {},
    }).catch((error: unknown) => error);
    expect((refused as Response).status).toBe(400);
  });
});
