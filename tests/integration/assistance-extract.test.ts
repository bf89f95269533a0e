// The analysts' record-level extract (/api/v1/assistance.<format>): the same rows as core.assistance
// for the filter, read back by independent readers; refused to roles without "download_records".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "~/lib/etl/import-file.server";
import { ASSISTANCE_EXTRACT_COLUMNS } from "~/lib/api/assistance-extract.server";
import { loader as apiLoader } from "~/routes/api.v1.$resource";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { arrowRows, readArrow, readCsv, readParquet, responseBytes } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { makeRecords, writeAssistanceFile } from "./support/assistance-file";

const NOW = new Date("2026-01-15T05:00:00Z");
const MONTHS = ["2025-10", "2025-11", "2025-12"];

async function get(identity: TestIdentity, segment: string, query = ""): Promise<Response> {
  const request = requestAs(identity, `/api/v1/${segment}${query ? `?${query}` : ""}`);
  try {
    return await apiLoader({ request, params: { resource: segment }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe(`record-level extract (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let analyst: TestIdentity;
  let leader: TestIdentity;
  let secretary: TestIdentity;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "cns-extract-"));
    const file = path.join(dir, "assistance.csv");
    writeAssistanceFile(file, makeRecords("X", 240, 11, MONTHS));
    const summary = await importFile(t.engine, {
      path: file,
      kind: "assistance",
      provinceCode: "68",
      loadedBy: "test",
      now: NOW,
    });
    expect(summary.status).toBe("loaded");
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
    secretary = await createUserWithSession(t.db, "secretary");
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it("streams every record of the filter in record_id order, as CSV", async () => {
    const response = await get(analyst, "assistance.csv", "from=2025-11&to=2025-12");
    expect(response.status).toBe(200);
    const csv = readCsv(await responseBytes(response));
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(ASSISTANCE_EXTRACT_COLUMNS.map((c) => c.name));
    const expected = await t.db
      .selectFrom("core.assistance")
      .select(["record_id", "minutes"])
      .where("assisted_at", ">=", "2025-11-01")
      .where("assisted_at", "<", "2026-01-01")
      .orderBy("record_id")
      .execute();
    expect(expected.length).toBeGreaterThan(100);
    const idAt = csv.header.indexOf("record_id");
    const minutesAt = csv.header.indexOf("minutes");
    expect(csv.rows.map((row) => [row[idAt], Number(row[minutesAt])])).toEqual(
      expected.map((row) => [row.record_id, row.minutes]),
    );
  });

  it("keeps only the requested unit type, alone and together with communes", async () => {
    const wards = await t.db
      .selectFrom("core.assistance as a")
      .innerJoin("ref.commune as c", "c.code", "a.commune_code")
      .select(["a.record_id", "a.commune_code"])
      .where("c.unit_type", "=", "phuong")
      .orderBy("a.record_id")
      .execute();
    expect(wards.length).toBeGreaterThan(0);
    const idsOf = async (query: string) => {
      const csv = readCsv(await responseBytes(await get(analyst, "assistance.csv", query)));
      const idAt = csv.header.indexOf("record_id");
      return csv.rows.map((row) => row[idAt]);
    };
    expect(await idsOf("unit_type=phuong")).toEqual(wards.map((row) => row.record_id));
    // 24846 is a ward, 25162 a rural commune: with unit_type=phuong only the ward's remain.
    const both = await idsOf("unit_type=phuong&commune=24846&commune=25162");
    expect(both).toEqual(
      wards.filter((row) => row.commune_code === "24846").map((row) => row.record_id),
    );
  });

  it("gives the same rows as Arrow and as Parquet, filtered by commune", async () => {
    const query = "commune=24846&commune=25162";
    const expected = await t.db
      .selectFrom("core.assistance")
      .select(["record_id", "commune_code"])
      .where("commune_code", "in", ["24846", "25162"])
      .orderBy("record_id")
      .execute();
    const arrow = arrowRows(
      readArrow(await responseBytes(await get(analyst, "assistance.arrow", query))),
    );
    expect(arrow.map((row) => [row.record_id, row.commune_code])).toEqual(
      expected.map((row) => [row.record_id, row.commune_code]),
    );
    const parquet = await readParquet(
      await responseBytes(await get(analyst, "assistance.parquet", query)),
    );
    expect(parquet.rows.map((row) => [row.record_id, row.commune_code])).toEqual(
      expected.map((row) => [row.record_id, row.commune_code]),
    );
    expect(parquet.metadata["cns.dataset"] ?? JSON.stringify(parquet.metadata)).toContain(
      "assistance",
    );
  });

  it("writes every download to the audit log: who, format, filters and rows", async () => {
    const response = await get(analyst, "assistance.json", "commune=24781");
    await response.arrayBuffer();
    const expected = await t.db
      .selectFrom("core.assistance")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("commune_code", "=", "24781")
      .executeTakeFirstOrThrow();
    // The audit row is written when the stream ends, just after the last byte.
    let row;
    for (let attempt = 0; attempt < 50 && !row; attempt++) {
      row = await t.db
        .selectFrom("app.audit_log")
        .selectAll()
        .where("action", "=", "download")
        .where("actor_username", "=", analyst.viewer.username)
        .where(sql`details->>'format'`, "=", "json")
        .executeTakeFirst();
      if (!row) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(row).toBeDefined();
    expect(row!.target).toBe("assistance");
    expect(row!.details).toMatchObject({
      format: "json",
      rows: Number(expected.n),
      outcome: "complete",
      filters: { commune: ["24781"] },
    });
  });

  it("carries no direct identifier column", () => {
    const names = ASSISTANCE_EXTRACT_COLUMNS.map((c) => c.name);
    for (const forbidden of ["name", "full_name", "citizen_id", "cccd", "phone", "address"]) {
      expect(names).not.toContain(forbidden);
    }
  });

  it("is refused to leaders and secretaries, who have no record-level access", async () => {
    expect((await get(leader, "assistance.csv")).status).toBe(403);
    expect((await get(secretary, "assistance.csv")).status).toBe(403);
  });

  it("answers a bad filter with a 400 that names the parameter", async () => {
    const response = await get(analyst, "assistance.csv", "procedure_group=thue");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { param: string }[] };
    expect(body.issues.map((issue) => issue.param)).toEqual(["procedure_group"]);
  });
});
