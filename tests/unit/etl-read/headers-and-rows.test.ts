import { describe, expect, it } from "vitest";
import { buildSourceRow, MAX_FIELD_CHARS } from "~/lib/etl/read/build-row";
import { FileRejectedError } from "~/lib/etl/read/file-errors";
import type { HeaderLayout } from "~/lib/etl/read/map-headers";
import { resolveHeaders } from "~/lib/etl/read/map-headers";
import { MASK } from "~/lib/etl/read/pii";

const POPULATION = ["Xã", "Năm", "Tổng dân số", "Dân tộc thiểu số", "Người cao tuổi", "Nữ"];

function thrown(fn: () => unknown): FileRejectedError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FileRejectedError);
    return error as FileRejectedError;
  }
  throw new Error("expected a FileRejectedError");
}

describe("resolveHeaders", () => {
  it("maps canonical columns and drops the rest, flagging personal data", () => {
    const layout = resolveHeaders(
      "population",
      [...POPULATION, "Ghi chú", "Họ tên chủ hộ", "SĐT", null],
      { line: 1 },
    );
    expect(layout.columns.map((c) => c.field)).toEqual([
      "commune",
      "year",
      "population_total",
      "population_minority",
      "population_elderly",
      "population_female",
      null,
      null,
      null,
      null,
    ]);
    expect(layout.droppedColumns).toEqual([
      { name: "Ghi chú", personalData: false },
      { name: "Họ tên chủ hộ", personalData: true },
      { name: "SĐT", personalData: true },
    ]);
    expect(layout.width).toBe(9);
    expect(layout.missingOptional).toEqual([]);
  });

  it("gives headers in NFC with whitespace collapsed", () => {
    const layout = resolveHeaders(
      "population",
      POPULATION.map((h) => ` ${h.normalize("NFD")}\n`),
      { line: 1 },
    );
    expect(layout.columns.map((c) => c.header)).toEqual(POPULATION);
  });

  it("rejects a header row with no recognised column", () => {
    const error = thrown(() => resolveHeaders("population", ["HS-1", "2025", "42"], { line: 3 }));
    expect(error.code).toBe("no_header");
    expect(error.details).toMatchObject({ line: 3 });
    expect(error.message_vi).toContain("từ dòng 3");
    // The row is likely data: its cells are never quoted.
    expect(error.message_en).not.toContain("HS-1");
  });

  it("rejects two columns feeding one field, naming both", () => {
    const error = thrown(() => resolveHeaders("population", [...POPULATION, "Mã xã"], { line: 1 }));
    expect(error.code).toBe("duplicate_columns");
    expect(error.details).toEqual({ duplicates: [{ field: "commune", headers: ["Xã", "Mã xã"] }] });
  });

  it("rejects missing required columns, listing each", () => {
    const error = thrown(() => resolveHeaders("population", ["Xã", "Năm", "Dân số"], { line: 1 }));
    expect(error.code).toBe("missing_columns");
    expect(error.details).toEqual({
      missing: ["population_minority", "population_elderly", "population_female"],
    });
    expect(error.message_vi).toContain("population_elderly (Người cao tuổi)");
    expect(error.message_en).toContain("population_female (Nữ)");
  });

  it("derives ids when assistance lacks record_id, and names what it does without", () => {
    const header = [
      "Ngày",
      "Xã",
      "Đội",
      "Mã TNV",
      "Thủ tục",
      "Loại hỗ trợ",
      "Kênh nộp",
      "Kết quả",
      "Giới tính",
      "Số phút",
    ];
    const layout = resolveHeaders("assistance", header, { line: 1 });
    expect(layout.missingOptional).toContain("record_id");
    expect(layout.columns.map((c) => c.field)).not.toContain("record_id");
  });
});

describe("buildSourceRow", () => {
  const layout: HeaderLayout = resolveHeaders("population", [...POPULATION, "SĐT"], { line: 1 });
  const csv = { shortRowsAreRagged: true };
  const cells = ["  Phường Lâm Viên - Đà Lạt ", "2025", "1000", "", "120", "510", "0912345678"];

  it("keys canonical values by field, NFC and trimmed, with empty cells null", () => {
    const row = buildSourceRow(
      { line: 7, cells: cells.map((c) => c.normalize("NFD")) },
      layout,
      csv,
    );
    expect(row).toEqual({
      line: 7,
      values: {
        commune: "Phường Lâm Viên - Đà Lạt",
        year: "2025",
        population_total: "1000",
        population_minority: null,
        population_elderly: "120",
        population_female: "510",
      },
      raw: {
        commune: "  Phường Lâm Viên - Đà Lạt ",
        year: "2025",
        population_total: "1000",
        population_minority: "",
        population_elderly: "120",
        population_female: "510",
      },
    });
    expect(JSON.stringify(row)).not.toContain("0912345678");
  });

  it("skips a row whose cells are all empty", () => {
    expect(
      buildSourceRow({ line: 2, cells: ["", " ", "", "", "", "", ""] }, layout, csv),
    ).toBeNull();
    expect(buildSourceRow({ line: 2, cells: [null, null] }, layout, csv)).toBeNull();
  });

  it("reports a row with fewer cells than the header as ragged", () => {
    const row = buildSourceRow({ line: 4, cells: ["Xã A", "2025"] }, layout, csv);
    expect(row?.problem).toMatchObject({ reason_code: "ragged_row", column: null });
    expect(row?.values).toMatchObject({ commune: "Xã A", year: "2025", population_total: null });
    expect(
      buildSourceRow({ line: 4, cells: ["Xã A", "2025"] }, layout, { shortRowsAreRagged: false })
        ?.problem,
    ).toBeUndefined();
  });

  it("reports data beyond the header as ragged, but not empty trailing cells", () => {
    expect(
      buildSourceRow({ line: 5, cells: [...cells, "", " "] }, layout, csv)?.problem,
    ).toBeUndefined();
    const row = buildSourceRow({ line: 5, cells: [...cells, "", "Đà Lạt"] }, layout, csv);
    expect(row?.problem?.reason_code).toBe("ragged_row");
    expect(row?.problem?.message_en).toContain("beyond the header's 7 columns");
  });

  it("reports an over-long value on its field and sets it to null", () => {
    const long = "x".repeat(MAX_FIELD_CHARS + 1);
    const row = buildSourceRow({ line: 9, cells: [long, ...cells.slice(1)] }, layout, csv);
    expect(row?.values.commune).toBeNull();
    expect(row?.problem).toMatchObject({ reason_code: "field_too_long", column: "commune" });
    expect(row?.problem?.message_en).toContain('"Xã"');
    expect(row?.raw.commune).toHaveLength(MAX_FIELD_CHARS + 1);
    expect(String(row?.raw.commune).endsWith("…")).toBe(true);
    expect(
      buildSourceRow(
        { line: 9, cells: ["x".repeat(MAX_FIELD_CHARS), ...cells.slice(1)] },
        layout,
        csv,
      )?.problem,
    ).toBeUndefined();
  });

  it("masks IDs and phone numbers in the raw copy only", () => {
    const row = buildSourceRow(
      { line: 3, cells: ["Xã A (gọi 0912345678)", ...cells.slice(1)] },
      layout,
      csv,
    );
    expect(row?.values.commune).toBe("Xã A (gọi 0912345678)");
    expect(row?.raw.commune).toBe(`Xã A (gọi ${MASK})`);
  });

  it("passes typed cells through, with their text in raw", () => {
    const date = new Date(Date.UTC(2025, 6, 1));
    const row = buildSourceRow(
      { line: 2, cells: ["Xã A", 2025, 1000.5, date, Number.NaN, "510"] },
      layout,
      {
        shortRowsAreRagged: false,
      },
    );
    expect(row?.values).toMatchObject({
      year: 2025,
      population_total: 1000.5,
      population_minority: date,
      population_elderly: null,
    });
    // Numbers stay numbers in raw so `etl replay` parses exactly what the import parsed.
    expect(row?.raw).toMatchObject({
      year: 2025,
      population_minority: "2025-07-01T00:00:00.000Z",
    });
  });
});
