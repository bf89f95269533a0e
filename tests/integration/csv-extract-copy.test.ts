// The record-level CSV extract is formatted by the database (assistance_records_csv.sql through
// core.csv_cell) and streamed from COPY … TO STDOUT on PostgreSQL or a page of lines at a time on
// the embedded engine (ADR 019). It must be byte for byte what the CSV writer makes of the same
// rows read one by one (the path it replaced), for the awkward values analysts' files can carry:
// quotes, commas, CR and LF, formula starts, edge whitespace of every kind JavaScript's trim
// removes, Vietnamese text, backslashes, NULLs and empty strings — in record text, in reference
// names and codes, and as random strings over those characters (fast-check; FC_SEED=n replays).
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { tableFromIPC } from "apache-arrow";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ASSISTANCE_EXTRACT_COLUMNS,
  extractCommuneCodes,
  streamAssistanceColumns,
  streamAssistanceCsvLines,
  streamAssistanceExtract,
  streamAssistanceVectors,
  type AssistanceExtractFilter,
} from "~/lib/api/assistance-extract.server";
import { rowsInColumns } from "~/lib/export/column-batches";
import { timeMillis } from "~/lib/export/time-value";
import { writeArrow } from "~/lib/export/write-arrow.server";
import type { ColumnBatch, ExportDataset } from "~/lib/export/dataset";
import { writeCsv } from "~/lib/export/write-csv.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const AWKWARD = [
  "plain",
  "Đội TN Xuân Hương 2",
  'say "hi"',
  "a,b",
  "line\nbreak",
  "carriage\rreturn",
  "crlf\r\nend",
  "=1+2",
  "+84 912",
  "-5",
  "@SUM(A1)",
  "\tlead tab",
  "\rlead cr",
  " lead space",
  "trail space ",
  "\u00a0nbsp",
  "ideographic\u3000",
  "\ufeffbom",
  "\u2028ls",
  "\u1680ogham",
  "vt\u000b",
  "\u200ahair",
  "narrow\u202f",
  "\u205fmath",
  "ps\u2029",
  "-trail tab\t",
  "x",
  '="quoted",formula ',
  "back\\slash",
  "\\.",
  "'already",
  "",
  'Ứng dụng VNeID, "mức 2"',
];

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const RANDOM = fc.sample(
  fc.string({
    unit: fc.constantFrom(
      ..."=+-@\t\r\n\",' \u00a0\u3000\ufeff\u2000\u200a\u202f\u205f\u2029\u000b\\.aĐộ1x".split(""),
    ),
    minLength: 1,
    maxLength: 8,
  }),
  { numRuns: 300, seed: SEED },
);

const FILTER: Omit<AssistanceExtractFilter, "communes"> = {
  provinceCode: "68",
  from: "2025-01",
  to: "2025-12",
  unitType: null,
  procedureGroup: null,
};

async function csvBytes(dataset: Omit<ExportDataset, "file_base_name" | "stamp">): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (chunk: Buffer) => parts.push(chunk));
  const stamp = {
    dataset: "assistance",
    filters: {},
    as_of: null,
    last_batch_id: null,
    generated_at: "",
  };
  await writeCsv({ ...dataset, file_base_name: "x", stamp }, out);
  out.end();
  return Buffer.concat(parts);
}

describe(`record-level CSV formatted by the database (${engineName})`, () => {
  let t: TestDatabase;
  let procedure: string;
  let commune: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const communes = await extractCommuneCodes(t.db, { ...FILTER, communes: [] });
    commune = communes[0]!;
    procedure = (
      await t.db.selectFrom("ref.procedure").select("code").limit(1).executeTakeFirstOrThrow()
    ).code;
    // Awkward reference text: a commune's name, and a procedure whose code and group are awkward.
    await t.db
      .updateTable("ref.commune")
      .set({ name: '=Xã "Đá, Bàn"\n ' })
      .where("code", "=", communes[1]!)
      .execute();
    await t.db
      .insertInto("ref.procedure")
      .values({
        code: '-P"1,2',
        name: "x",
        procedure_group: ' nhóm, "khác"\r',
        commune_level: false,
        channel_online: false,
        is_common: false,
      })
      .execute();
    // PGlite's row reader decodes text with TextDecoder, which drops a leading U+FEFF: the row
    // path loses it there (the database-formatted lines keep it). Such values are compared on
    // PostgreSQL only.
    const values = [...AWKWARD, ...RANDOM].filter(
      (value) => engineName === "pg" || !value.startsWith("\ufeff"),
    );
    let n = 0;
    const rows = values.flatMap((value, i) => {
      const base = {
        assisted_at: `2025-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:30:00`,
        help_type: "guidance" as const,
        channel: "online" as const,
        outcome: "completed" as const,
        age_band: "60_plus" as const,
        gender: "female" as const,
        minutes: 1 + (i % 400),
        row_hash: "h",
        batch_id: 1,
        source_line: i,
      };
      const id = (k: number) => `R-${String(n++).padStart(5, "0")}-${k}`;
      return [
        // The value as record text (the record_id carries it too, after a unique prefix).
        {
          ...base,
          record_id: `${id(0)}${value}`,
          commune_code: commune,
          procedure_code: procedure,
          team: value,
          volunteer_id: value,
          ethnic_code: "01",
        },
        // NULLs, the awkward commune and procedure, an ethnic code missing from the reference.
        {
          ...base,
          record_id: id(1),
          commune_code: communes[1]!,
          procedure_code: '-P"1,2',
          team: value,
          volunteer_id: null,
          ethnic_code: i % 2 ? null : "=9",
        },
      ];
    });
    // A record_id that starts with a formula character, one with edge space, one that is empty.
    rows.push(
      { ...rows[0]!, record_id: "=first" },
      { ...rows[0]!, record_id: " spaced " },
      { ...rows[0]!, record_id: "" },
    );
    for (let at = 0; at < rows.length; at += 200) {
      await t.db
        .insertInto("core.assistance")
        .values(rows.slice(at, at + 200))
        .execute();
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it("writes the same bytes as the CSV writer on the rows, for every awkward value", async () => {
    const filter = { ...FILTER, communes: [] };
    const expected = await csvBytes({
      columns: ASSISTANCE_EXTRACT_COLUMNS,
      rows: streamAssistanceExtract(t.db, filter, 97),
    });
    const actual = await csvBytes({
      columns: ASSISTANCE_EXTRACT_COLUMNS,
      rows: [],
      // Pages of 50 lines on the embedded engine, so its paging is crossed many times.
      csvLines: streamAssistanceCsvLines(t.db, t.engine, filter, 50),
    });
    const count = await t.db
      .selectFrom("core.assistance")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    // Header plus one CRLF-ended line per record, at least; quoted newlines add more.
    expect(expected.toString("utf8").split("\r\n").length).toBeGreaterThan(Number(count.n));
    expect(actual.toString("utf8")).toEqual(expected.toString("utf8"));
    expect(actual.equals(expected)).toBe(true);
  });

  it("writes the same bytes for a narrowed filter (one commune, one procedure group)", async () => {
    const group = (
      await t.db
        .selectFrom("ref.procedure")
        .select("procedure_group")
        .where("code", "=", procedure)
        .executeTakeFirstOrThrow()
    ).procedure_group;
    const filter = {
      ...FILTER,
      communes: [commune],
      procedureGroup: group as AssistanceExtractFilter["procedureGroup"],
    };
    const expected = await csvBytes({
      columns: ASSISTANCE_EXTRACT_COLUMNS,
      rows: streamAssistanceExtract(t.db, filter),
    });
    const actual = await csvBytes({
      columns: ASSISTANCE_EXTRACT_COLUMNS,
      rows: [],
      csvLines: streamAssistanceCsvLines(t.db, t.engine, filter),
    });
    expect(actual.length).toBeGreaterThan(1_000);
    expect(actual.equals(expected)).toBe(true);
  });

  it("gives Arrow and Parquet the same values in columns as the rows hold", async () => {
    const filter = { ...FILTER, communes: [] };
    const gather = async (batches: AsyncIterable<ColumnBatch>) => {
      const columns: (string | number | null)[][] = ASSISTANCE_EXTRACT_COLUMNS.map(() => []);
      for await (const batch of batches) {
        batch.columns.forEach((values, index) => columns[index]!.push(...values));
      }
      return columns;
    };
    const names = ASSISTANCE_EXTRACT_COLUMNS.map((column) => column.name);
    const expected = await gather(
      rowsInColumns(names, streamAssistanceExtract(t.db, filter), 1_000),
    );
    const actual = await gather(streamAssistanceColumns(t.db, t.engine, filter));
    expect(expected[0]!.length).toBeGreaterThan(600);
    // A timestamp arrives from the binary COPY as its milliseconds, from the rows as text: the
    // writers read both with timeMillis, so compare what they read.
    const instant = ASSISTANCE_EXTRACT_COLUMNS.findIndex((column) => column.type === "timestamp");
    const read = (columns: (string | number | null)[][]) =>
      columns.map((values, index) =>
        index === instant ? values.map((value) => timeMillis(value as string | number)) : values,
      );
    if (t.engine.kind === "pg") expect(typeof actual[instant]![0]).toBe("number");
    expect(read(actual)).toEqual(read(expected));
  });

  it.runIf(engineName === "pg")(
    "writes Arrow from the binary COPY's buffers byte for byte as from the rows' values",
    async () => {
      const filter = { ...FILTER, communes: [] };
      const stamp = { dataset: "assistance", filters: {}, as_of: null, last_batch_id: null };
      const arrowBytes = async (dataset: Omit<ExportDataset, "file_base_name" | "stamp">) => {
        const out = new PassThrough();
        const parts: Buffer[] = [];
        out.on("data", (chunk: Buffer) => parts.push(chunk));
        await writeArrow(
          { ...dataset, file_base_name: "x", stamp: { ...stamp, generated_at: "" } },
          out,
        );
        return Buffer.concat(parts);
      };
      const names = ASSISTANCE_EXTRACT_COLUMNS.map((column) => column.name);
      // Batches of 50 rows, so dictionaries grow across batches and NULLs fall in several.
      const expected = await arrowBytes({
        columns: ASSISTANCE_EXTRACT_COLUMNS,
        rows: [],
        columnBatches: rowsInColumns(names, streamAssistanceExtract(t.db, filter), 50),
      });
      const actual = await arrowBytes({
        columns: ASSISTANCE_EXTRACT_COLUMNS,
        rows: [],
        vectorBatches: streamAssistanceVectors(t.db, t.engine, filter, 50),
      });
      const table = tableFromIPC(actual);
      expect(table.numRows).toBeGreaterThan(600);
      expect(table.getChild("ethnic_code")!.nullCount).toBeGreaterThan(0);
      expect(table.batches.length).toBe(Math.ceil(table.numRows / 50));
      expect(actual.equals(expected)).toBe(true);
    },
  );
});
