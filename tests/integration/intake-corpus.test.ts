// The intake corpus (issue 11): files written as offices, Google Forms and the one-stop system
// write them — XLSX from openpyxl, pandas, xlsxwriter, exceljs and LibreOffice, form exports,
// one-stop exports, shifts with Vietnamese times, commune spellings, personal data — each loaded
// through the real import path on this engine and compared with what a careful reader of the
// file concludes (tests/fixtures/intake/manifest.json, written with the files, not from the
// importer's output): rows loaded per sheet, skipped by reason, rejected by reason, and the
// commune of every loaded row. Then the personal-data check: after the whole corpus is loaded,
// none of the 314 personal values planted in it (names, ID numbers, phones, e-mails, addresses)
// is found in any text or JSON column of any table.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession } from "~/lib/db/engine";
import {
  CORPUS_DIR,
  compareOutcome,
  importCorpusFile,
  type CorpusEntry,
} from "../../scripts/lib/intake-corpus";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const manifest = JSON.parse(
  readFileSync(path.join(CORPUS_DIR, "manifest.json"), "utf8"),
) as CorpusEntry[];
const personalValues = JSON.parse(
  readFileSync(path.join(CORPUS_DIR, "personal_values.json"), "utf8"),
) as string[];

describe(`intake corpus (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it("holds at least 60 files from at least four XLSX writers", () => {
    expect(manifest.length).toBeGreaterThanOrEqual(60);
    const writers = new Set(
      manifest
        .filter((e) => e.file.endsWith(".xlsx"))
        .map((e) => (e as CorpusEntry & { bytes_by?: string }).bytes_by ?? e.writer),
    );
    expect([...writers].filter((w) => w !== "hand").length).toBeGreaterThanOrEqual(4);
  });

  it.each(manifest.map((entry) => [entry.file, entry] as const))(
    "%s loads as a careful reader would",
    async (_file, entry) => {
      const actual = await importCorpusFile(t.engine, entry);
      expect(compareOutcome(entry.expect, actual)).toEqual([]);
    },
  );
});

describe(`personal data never lands (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    // Everything at once, kept: the search below runs over what a real database would hold.
    for (const entry of manifest) await importCorpusFile(t.engine, entry, { isolate: false });
  }, 600_000);
  afterAll(() => t?.close());

  it("finds none of the planted values in any text or JSON column of any table", async () => {
    expect(personalValues.length).toBeGreaterThan(100);
    const hits = await withSession(t.engine, async (session) => {
      const columns = await session.query<{
        table_schema: string;
        table_name: string;
        column_name: string;
      }>(
        `select c.table_schema, c.table_name, c.column_name
           from information_schema.columns c
           join information_schema.tables t using (table_schema, table_name)
          where t.table_type = 'BASE TABLE'
            and c.table_schema in ('core', 'ref', 'mart', 'staging', 'app')
            and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
      );
      expect(columns.rows.length).toBeGreaterThan(20);
      const found: string[] = [];
      for (const { table_schema, table_name, column_name } of columns.rows) {
        const { rows } = await session.query<{ value: string }>(
          `select v as value from unnest($1::text[]) v
            where exists (select 1 from "${table_schema}"."${table_name}" x
                           where position(v in x."${column_name}"::text) > 0)`,
          [personalValues],
        );
        for (const { value } of rows)
          found.push(`${table_schema}.${table_name}.${column_name}: ${value}`);
      }
      return found;
    });
    expect(hits).toEqual([]);
  });
});
