// Page data reused until the data changes: the cache serves a result again only while no import
// or revert has happened since it was computed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "~/lib/etl/import-file.server";
import { revertBatch } from "~/lib/etl/revert-batch.server";
import { cachedForDataVersion, getDataVersion } from "~/lib/metrics/data-version-cache.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { makeRecords, writeAssistanceFile } from "./support/assistance-file";

describe(`data-version cache (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "cns-cache-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  async function importRecords(prefix: string): Promise<number> {
    const file = path.join(dir, `${prefix}.csv`);
    writeAssistanceFile(file, makeRecords(prefix, 20, 3, ["2025-10"]));
    const summary = await importFile(t.engine, {
      path: file,
      kind: "assistance",
      provinceCode: "68",
      loadedBy: "test",
      now: new Date("2026-01-15T05:00:00Z"),
    });
    expect(summary.status).toBe("loaded");
    return summary.batch_id!;
  }

  it("computes once per data version and again after an import and after a revert", async () => {
    let computed = 0;
    const count = () =>
      cachedForDataVersion(t.db, "cases", async () => {
        computed += 1;
        const row = await t.db
          .selectFrom("core.assistance")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      });

    expect(await count()).toBe(0);
    expect(await count()).toBe(0);
    expect(computed).toBe(1);

    const first = await importRecords("A");
    expect(await count()).toBe(20);
    expect(computed).toBe(2);
    expect(await count()).toBe(20);
    expect(computed).toBe(2);

    const before = await getDataVersion(t.db);
    await revertBatch(t.engine, first, "68");
    expect(await getDataVersion(t.db)).not.toBe(before);
    expect(await count()).toBe(0);
    expect(computed).toBe(3);
  });

  it("keeps different keys apart", async () => {
    const a = await cachedForDataVersion(t.db, "k1", async () => "one");
    const b = await cachedForDataVersion(t.db, "k2", async () => "two");
    expect([a, b]).toEqual(["one", "two"]);
  });
});
