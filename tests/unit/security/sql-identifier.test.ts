// The one door for names into SQL text (app/lib/db/sql-identifier.ts): names from the enum
// compile to quoted identifiers; anything else throws before a statement exists.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import { describe, expect, it } from "vitest";
import {
  columnEnum,
  columnRef,
  excludedRef,
  identifier,
  identifierEnum,
} from "~/lib/db/sql-identifier";
import type { CommuneTable, DB } from "~/lib/db/types";

// Compiles without a connection (Kysely's documented "cold" setup).
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const COLUMNS = columnEnum<CommuneTable>()(["code", "name", "population"]);

describe("sql identifiers", () => {
  it("compiles allowed names as quoted identifiers", () => {
    const query = db
      .insertInto("ref.commune")
      .values({ code: "25000", name: "X" } as never)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet({ name: excludedRef<string>(COLUMNS, "name") }),
      )
      .compile();
    expect(query.sql).toContain('do update set "name" = "excluded"."name"');
    const select = db
      .selectFrom("ref.commune")
      .select([columnRef(COLUMNS, "population").as("p")])
      .compile();
    expect(select.sql).toBe('select "population" as "p" from "ref"."commune"');
    expect(
      db.selectFrom("ref.commune").select(identifier(COLUMNS, "code").as("c")).compile().sql,
    ).toBe('select "code" as "c" from "ref"."commune"');
  });

  it.each([
    "full_name",
    'name"; drop table ref.commune; --',
    "excluded.name",
    "NAME",
    "",
    42,
    null,
  ])("refuses %j, which the enum does not list", (name) => {
    expect(() => columnRef(COLUMNS, name)).toThrow(/is not one of: code, name, population/);
    expect(() => excludedRef(COLUMNS, name)).toThrow();
    expect(() => identifier(COLUMNS, name)).toThrow();
  });

  it("refuses to declare an identifier that is not plain snake_case", () => {
    expect(() => identifierEnum(["ok_name", 'bad"name'])).toThrow(/not a plain SQL identifier/);
    expect(() => identifierEnum(["schema.table"])).toThrow(/not a plain SQL identifier/);
  });
});
