// Page data reused until the data changes: the cache serves a result again only while no import
// or revert has happened since it was computed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revertBatch } from "~/lib/etl/revert-batch.server";
import { cachedForDataVersion, getDataVersion } from "~/lib/cache/data-version-cache.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { importSeededRecords } from "./support/assistance-file";

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

  const importRecords = (prefix: string) =>
    importSeededRecords(t.engine, { dir, prefix, count: 20, months: ["2025-10"] });

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

  it("computes once for readers who ask while the computation runs, and retries after a failure", async () => {
    let computed = 0;
    const slow = () =>
      cachedForDataVersion(t.db, "together", async () => {
        computed += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return computed;
      });
    const answers = await Promise.all(Array.from({ length: 10 }, slow));
    expect(answers).toEqual(Array.from({ length: 10 }, () => 1));
    expect(computed).toBe(1);

    let attempts = 0;
    const flaky = () =>
      cachedForDataVersion(t.db, "flaky", async () => {
        attempts += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (attempts === 1) throw new Error("database went away");
        return "ok";
      });
    const first = await Promise.allSettled([flaky(), flaky()]);
    expect(first.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await flaky()).toBe("ok");
    expect(attempts).toBe(2);
  });
});
