// Every writer on crafted rows: values that look like spreadsheet formulas, Vietnamese text,
// nulls, a suppressed count, more rows than one Arrow batch; each file is read back with an
// independent reader, and the stamp is found where each format carries it.
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/lib/auth/policy";
import type { ExportColumn, ExportDataset, ExportFormat, ExportRow } from "~/lib/export/dataset";
import { exportResponse } from "~/lib/export/export-response.server";
import { ARROW_BATCH_ROWS } from "~/lib/export/write-arrow.server";
import { asciiFileName, contentDisposition, headerSafe } from "~/lib/export/stamp";
import { suppressColumns } from "~/lib/export/suppress-columns";
import { XLSX_ABOUT_SHEET, XLSX_DATA_SHEET } from "~/lib/export/write-xlsx.server";
import {
  arrowRows,
  readArrow,
  readCsv,
  readParquet,
  readXlsx,
  responseBytes,
  sheetRows,
} from "../../support/read-export";

const ADMIN: Viewer = { user_id: 1, username: "a", role: "admin", communes: [], via: "session" };
const LEADER: Viewer = { user_id: 2, username: "l", role: "leader", communes: [], via: "session" };

const DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("x")'];

const COLUMNS: ExportColumn[] = [
  { name: "label", type: "string", description: "free text" },
  { name: "code", type: "string", dictionary: true },
  { name: "month", type: "month" },
  { name: "n", type: "int" },
  { name: "big", type: "int", int64: true },
  { name: "share", type: "float", nullable: true },
];

function craftedRows(): ExportRow[] {
  const rows: ExportRow[] = DANGEROUS.map((label, index) => ({
    label,
    code: `C${index % 3}`,
    month: "2026-01",
    n: index,
    big: 2 ** 40 + index,
    share: index === 0 ? null : index / 8,
  }));
  rows.push({
    label: 'Xã Đắk "Nia", Lâm Đồng',
    code: "C1",
    month: "2026-02",
    n: -5,
    big: 0,
    share: 0.1 + 0.2,
  });
  return rows;
}

function dataset(rows: ExportDataset["rows"] = craftedRows()): ExportDataset {
  return {
    file_base_name: "cau-noi-so_thử-nghiệm_2026-01",
    columns: COLUMNS,
    rows,
    stamp: {
      dataset: "crafted",
      filters: { from: "2026-01", to: "2026-02", commune: ["24846", "25162"], note: "Đà Lạt" },
      as_of: "2026-03-01T00:00:00.000Z",
      last_batch_id: 42,
      generated_at: "2026-03-02T10:00:00.000Z",
    },
  };
}

async function download(format: ExportFormat, data = dataset(), viewer = ADMIN) {
  const request = new Request(`http://localhost/test.${format}`);
  const response = await exportResponse(data, format, { request, viewer });
  return { response, bytes: await responseBytes(response) };
}

describe("download headers", () => {
  it.each([
    ["csv", "text/csv; charset=utf-8; header=present"],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["arrow", "application/vnd.apache.arrow.stream"],
    ["parquet", "application/vnd.apache.parquet"],
    ["json", "application/json; charset=utf-8"],
  ] as const)(
    "%s: type, attachment name, no-store, nosniff and the stamp",
    async (format, type) => {
      const { response } = await download(format);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe(type);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="cau-noi-so_thu-nghiem_2026-01.${format}"; ` +
          `filename*=UTF-8''cau-noi-so_th%E1%BB%AD-nghi%E1%BB%87m_2026-01.${format}`,
      );
      const filters = response.headers.get("X-CNS-Filters")!;
      expect(filters).toMatch(/^[\x20-\x7E]+$/);
      expect(JSON.parse(decodeURIComponent(filters))).toEqual(dataset().stamp.filters);
      expect(response.headers.get("X-CNS-As-Of")).toBe("2026-03-01T00:00:00.000Z");
      expect(response.headers.get("X-CNS-Last-Batch")).toBe("42");
    },
  );

  it("keeps header values ASCII and reversible", () => {
    expect(headerSafe('{"a":"Đà 100%"}')).toBe('{"a":"%C4%90%C3%A0 100%25"}');
    expect(asciiFileName("Xã Đắk Nia (2026)")).toBe("Xa_Dak_Nia_2026_");
    expect(contentDisposition("a'b.csv")).toContain("filename*=UTF-8''a%27b.csv");
  });
});

describe("CSV", () => {
  it("has a BOM, a header, RFC 4180 quoting and neutralized formula-looking text", async () => {
    const { bytes } = await download("csv");
    const csv = readCsv(bytes);
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(COLUMNS.map((column) => column.name));
    expect(csv.rows.slice(0, DANGEROUS.length).map((row) => row[0])).toEqual(
      DANGEROUS.map((text) => `'${text}`),
    );
    const last = csv.rows.at(-1)!;
    expect(last).toEqual(['Xã Đắk "Nia", Lâm Đồng', "C1", "2026-02", "-5", "0", String(0.1 + 0.2)]);
    // Numbers are never prefixed: a negative count stays a number.
    expect(Number(last[3])).toBe(-5);
    expect(csv.rows[0]![5]).toBe("");
  });
});

describe("JSON", () => {
  it("carries the stamp, the columns and the rows verbatim", async () => {
    const { bytes } = await download("json");
    const body = JSON.parse(bytes.toString("utf8"));
    expect(body.meta).toEqual(dataset().stamp);
    expect(body.columns.map((column: { name: string }) => column.name)).toEqual(
      COLUMNS.map((column) => column.name),
    );
    expect(body.rows).toEqual(craftedRows());
  });
});

describe("XLSX", () => {
  it("writes text as string cells (never formulas), numbers as numbers, and an About sheet", async () => {
    const { bytes } = await download("xlsx");
    const workbook = await readXlsx(bytes);
    const data = workbook.getWorksheet(XLSX_DATA_SHEET)!;
    const rows = sheetRows(data);
    expect(rows[0]).toEqual(COLUMNS.map((column) => column.name));
    expect(data.getRow(1).font?.bold).toBe(true);
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    for (let index = 0; index < DANGEROUS.length; index += 1) {
      const cell = data.getCell(index + 2, 1);
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(3); // ValueType.String
      // XML keeps no bare CR in text: it reads back as LF, still text.
      expect(cell.value).toBe(DANGEROUS[index]!.replace("\r", "\n"));
    }
    expect(rows.at(-1)).toEqual(['Xã Đắk "Nia", Lâm Đồng', "C1", "2026-02", -5, 0, 0.1 + 0.2]);
    expect(data.getCell(2, 6).value).toBeNull();
    const about = sheetRows(workbook.getWorksheet(XLSX_ABOUT_SHEET)!);
    const byLabel = new Map(about.map((row) => [row[0], row[1]]));
    expect(JSON.parse(String(byLabel.get("Bộ lọc / Filters")))).toEqual(dataset().stamp.filters);
    expect(byLabel.get("Dữ liệu đến / Data as of")).toBe("2026-03-01T00:00:00.000Z");
    expect(byLabel.get("Lô nhập cuối / Last batch id")).toBe(42);
    expect(byLabel.get("Số dòng / Rows")).toBe(DANGEROUS.length + 1);
    expect(about.some((row) => row[0] === "label" && row[3] === "free text")).toBe(true);
  });
});

describe("Arrow IPC stream", () => {
  it("has typed columns, verbatim text and the stamp as schema metadata", async () => {
    const { bytes } = await download("arrow");
    const table = readArrow(bytes);
    expect(table.schema.fields.map((field) => String(field.type))).toEqual([
      "Utf8",
      "Dictionary<Int32, Utf8>",
      "Utf8",
      "Int32",
      "Int64",
      "Float64",
    ]);
    expect(table.schema.metadata.get("cns.last_batch_id")).toBe("42");
    expect(JSON.parse(table.schema.metadata.get("cns.filters")!)).toEqual(dataset().stamp.filters);
    const rows = arrowRows(table);
    expect(rows.map((row) => row.label)).toEqual(craftedRows().map((row) => row.label));
    expect(rows[1]).toMatchObject({ code: "C1", n: 1, big: BigInt(2 ** 40 + 1), share: 1 / 8 });
    expect(rows[0]!.share).toBeNull();
  });

  it("streams more rows than one batch, with one growing dictionary", async () => {
    // Codes first seen in later batches travel as delta dictionary batches.
    const length = 2 * ARROW_BATCH_ROWS + 3;
    const many = Array.from({ length }, (_, index) => ({
      label: `r${index}`,
      code: `C${Math.floor(index / 1_000)}`,
      month: "2026-01",
      n: index,
      big: index,
      share: null,
    }));
    const { bytes } = await download("arrow", dataset(many));
    const table = readArrow(bytes);
    expect(table.batches.length).toBe(3);
    expect(table.numRows).toBe(length);
    expect(table.getChild("code")!.get(length - 1)).toBe(`C${Math.floor((length - 1) / 1_000)}`);
    const inSecondBatch = ARROW_BATCH_ROWS + 1_234;
    expect(table.getChild("code")!.get(inSecondBatch)).toBe(
      `C${Math.floor(inSecondBatch / 1_000)}`,
    );
    expect(table.getChild("n")!.get(12_345)).toBe(12_345);
  });

  it("refuses an integer too large for a 32-bit column instead of wrapping it", async () => {
    const rows = [{ label: "x", code: "C", month: "2026-01", n: 2 ** 31, big: 0, share: null }];
    const request = new Request("http://localhost/x.arrow");
    await expect(
      exportResponse(dataset(rows), "arrow", { request, viewer: ADMIN }).then((r) =>
        r.arrayBuffer(),
      ),
    ).rejects.toThrow();
  });
});

describe("Parquet", () => {
  it("is read by DuckDB with the right types, values and key-value metadata", async () => {
    const { bytes } = await download("parquet");
    const parquet = await readParquet(bytes);
    expect(parquet.types).toEqual({
      label: "VARCHAR",
      code: "VARCHAR",
      month: "VARCHAR",
      n: "INTEGER",
      big: "BIGINT",
      share: "DOUBLE",
    });
    expect(parquet.rows.map((row) => row.label)).toEqual(craftedRows().map((row) => row.label));
    expect(parquet.rows.at(-1)).toEqual({
      label: 'Xã Đắk "Nia", Lâm Đồng',
      code: "C1",
      month: "2026-02",
      n: -5,
      big: 0n,
      share: 0.1 + 0.2,
    });
    expect(parquet.metadata["cns.dataset"]).toBe("crafted");
    expect(parquet.metadata["cns.as_of"]).toBe("2026-03-01T00:00:00.000Z");
    expect(JSON.parse(parquet.metadata["cns.filters"]!)).toEqual(dataset().stamp.filters);
  });

  it("writes an empty extract as a valid file that still carries the stamp", async () => {
    const { bytes } = await download("parquet", dataset([]));
    const parquet = await readParquet(bytes);
    expect(parquet.rows).toEqual([]);
    expect(parquet.metadata["cns.last_batch_id"]).toBe("42");
  });
});

describe("suppressed columns", () => {
  it('turn counts into 0, "<8" or multiples of 5, as text in typed formats', async () => {
    const rows = [0, 1, 7, 8, 12, 13].map((n) => ({ ...craftedRows()[0]!, n }));
    const suppressed = suppressColumns(dataset(rows), ["n"]);
    const csv = readCsv((await download("csv", suppressed, LEADER)).bytes);
    expect(csv.rows.map((row) => row[3])).toEqual(["0", "<8", "<8", "10", "10", "15"]);
    const arrow = readArrow((await download("arrow", suppressColumns(dataset(rows), ["n"]))).bytes);
    expect(String(arrow.schema.fields[3]!.type)).toBe("Utf8");
    expect(arrowRows(arrow).map((row) => row.n)).toEqual(["0", "<8", "<8", "10", "10", "15"]);
  });
});
