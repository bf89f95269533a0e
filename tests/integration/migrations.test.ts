import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations, migrate } from "~/lib/db/migrate.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { sql } from "kysely";

describe(`migrations and reference data (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("records every migration file once, and a second run applies nothing", async () => {
    const files = await readMigrations();
    const ledger = await t.db
      .selectFrom("app.schema_migration")
      .select(["version", "checksum"])
      .orderBy("version")
      .execute();
    expect(ledger.map((r) => r.version)).toEqual(files.map((f) => f.version));
    expect(ledger.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    const again = await migrate(t.engine);
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it("refuses to run when an applied migration was edited", async () => {
    await sql`update app.schema_migration set checksum = 'edited' where version = '0001_create_schemas'`.execute(
      t.db,
    );
    await expect(migrate(t.engine)).rejects.toThrow(
      /0001_create_schemas\.sql was changed after it was applied/,
    );
    const files = await readMigrations();
    await sql`update app.schema_migration set checksum = ${files[0]!.checksum} where version = '0001_create_schemas'`.execute(
      t.db,
    );
  });

  it("creates the five layers", async () => {
    const rows = await sql<{ nspname: string }>`
      select nspname from pg_namespace where nspname in ('ref','staging','core','mart','app') order by 1`.execute(
      t.db,
    );
    expect(rows.rows.map((r) => r.nspname)).toEqual(["app", "core", "mart", "ref", "staging"]);
  });

  it("loads all 34 provinces, 3,321 communes and Lâm Đồng's 124 units", async () => {
    const count = async (table: "ref.province" | "ref.commune" | "ref.ethnic_group") =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("ref.province")).toBe(34);
    expect(await count("ref.commune")).toBe(3321);
    expect(await count("ref.ethnic_group")).toBe(54);
    const lamDong = await t.db
      .selectFrom("ref.commune")
      .select(["unit_type", (eb) => eb.fn.countAll().as("n")])
      .where("province_code", "=", "68")
      .groupBy("unit_type")
      .orderBy("unit_type")
      .execute();
    expect(lamDong.map((r) => [r.unit_type, Number(r.n)])).toEqual([
      ["dac_khu", 1],
      ["phuong", 20],
      ["xa", 103],
    ]);
  });

  it("keeps the suspect-population caveat instead of hiding it", async () => {
    const suspect = await t.db
      .selectFrom("ref.commune")
      .select(["name", "population", "population_quality"])
      .where("province_code", "=", "68")
      .where("population_quality", "<>", "ok")
      .orderBy("name")
      .execute();
    expect(suspect).toEqual([
      { name: "Bình Thuận", population: 3776, population_quality: "suspect_noted" },
      { name: "Sơn Điền", population: 731, population_quality: "suspect_lt_1000" },
      { name: "Tuy Phong", population: 951, population_quality: "suspect_lt_1000" },
    ]);
  });

  it("maps a pre-2025 unit to its successor through the crosswalk", async () => {
    const rows = await t.db
      .selectFrom("ref.commune_predecessor as p")
      .innerJoin("ref.commune as c", "c.code", "p.commune_code")
      .select(["c.name", "p.old_name"])
      .where("c.province_code", "=", "68")
      .where("p.old_base_name", "in", ["Lạc Dương", "Gia Viễn"])
      .orderBy("c.name")
      .execute();
    expect(rows).toEqual([
      { name: "Cát Tiên 3", old_name: "Xã Gia Viễn" },
      { name: "Lang Biang - Đà Lạt", old_name: "Thị trấn Lạc Dương" },
    ]);
  });
});
