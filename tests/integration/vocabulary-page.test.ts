// The import-vocabulary page (/quality/vocabulary) through its real loader and action: an admin
// sees the unknown labels with counts, maps one in place and replays the held-back rows; an
// analyst may replay but not map; a leader cannot open the page. A bad form is a 400 that says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "~/lib/etl/import-file.server";
import { countUnmappedLabels } from "~/lib/quality/vocabulary-page.server";
import { action, loader } from "~/routes/quality.vocabulary";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { createTempDir, importOptions, queryRows } from "./support/etl-fixtures";

const FILE = [
  "record_id,assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,age_band,gender,ethnicity,minutes",
  "V-1,10/01/2026 08:00,24846,Đội 1,TNV-01,1.001193,Làm thẻ BHYT,online,completed,18_34,Nữ,Kinh,15",
  "V-2,11/01/2026 08:00,Trạm Đạ Chais cũ,Đội 1,TNV-01,1.001193,guidance,online,completed,18_34,Nữ,Kinh,15",
  "",
].join("\r\n");

const post = (who: TestIdentity, fields: Record<string, string>) =>
  action({
    request: requestAs(who, "/quality/vocabulary", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: {},
    context: {},
  }).catch((error: unknown) => error as Response);

describe(`import vocabulary page (${engineName})`, () => {
  let t: TestDatabase;
  let admin: TestIdentity;
  let analyst: TestIdentity;
  let leader: TestIdentity;
  const dir = createTempDir("vocab-page-");

  beforeAll(async () => {
    t = await createTestDatabase();
    admin = await createUserWithSession(t.db, "admin");
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
    await importFile(t.engine, importOptions(dir.write("labels.csv", FILE), "assistance"));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it("lists the bucketed and the held-back labels for those who may import, not for a leader", async () => {
    const response = await loader({
      request: requestAs(admin, "/quality/vocabulary"),
      params: {},
      context: {},
    });
    const data = await response.json();
    expect(data.canMap).toBe(true);
    expect(data.page.bucketed).toEqual([
      { kind: "help_type", label: "Làm thẻ BHYT", rows: 1, batches: 1 },
    ]);
    expect(
      data.page.quarantined.map((q: { kind: string; label: string }) => [q.kind, q.label]),
    ).toEqual([["commune", "Trạm Đạ Chais cũ"]]);
    expect(data.page.targets.commune?.length).toBe(124);
    // The quality page's link counts what this page lists.
    expect(await countUnmappedLabels(t.engine)).toEqual({
      bucketed: data.page.bucketed.length,
      quarantined: data.page.quarantined.length,
    });
    const refused = await loader({
      request: requestAs(leader, "/quality/vocabulary"),
      params: {},
      context: {},
    }).catch((error: unknown) => error as Response);
    expect(refused.status).toBe(403);
  });

  it("lets an admin map, an analyst only replay, and answers a bad form with a 400", async () => {
    expect(
      (
        await post(analyst, {
          intent: "map",
          kind: "help_type",
          alias: "Làm thẻ BHYT",
          target: "guidance",
        })
      ).status,
    ).toBe(403);
    const bad = await post(admin, {
      intent: "map",
      kind: "help_type",
      alias: "",
      target: "guidance",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message_vi).toContain("Biểu mẫu chưa hợp lệ");
    const wrong = await post(admin, {
      intent: "map",
      kind: "commune",
      alias: "Trạm Đạ Chais cũ",
      target: "01001",
    });
    expect(wrong.status).toBe(400);

    const mapped = await post(admin, {
      intent: "map",
      kind: "help_type",
      alias: "Làm thẻ BHYT",
      target: "guidance",
    });
    expect(await mapped.json()).toMatchObject({ outcome: "mapped", rows: 1 });
    await post(admin, {
      intent: "map",
      kind: "commune",
      alias: "Trạm Đạ Chais cũ",
      target: "24848",
    });
    const replayed = await post(analyst, { intent: "replay" });
    expect(await replayed.json()).toMatchObject({
      outcome: "replayed",
      batches: 1,
      loaded: 1,
      left: 0,
    });

    const rows = await queryRows<{ record_id: string; commune_code: string; help_type: string }>(
      t.engine,
      "select record_id, commune_code, help_type from core.assistance order by record_id",
    );
    expect(rows).toEqual([
      { record_id: "V-1", commune_code: "24846", help_type: "guidance" },
      { record_id: "V-2", commune_code: "24848", help_type: "guidance" },
    ]);
    const audit = await queryRows<{ action: string; actor_username: string }>(
      t.engine,
      "select action, actor_username from app.audit_log where action in ('vocabulary.map', 'import.replay') order by id",
    );
    expect(audit.map((a) => a.action)).toEqual([
      "vocabulary.map",
      "vocabulary.map",
      "import.replay",
    ]);
    expect(audit[0]!.actor_username).toBe(admin.viewer.username);
  });
});
