import { describe, expect, it } from "vitest";
import {
  detectHeader,
  isColumnNumberRow,
  mergeHeaderRows,
  skipReason,
  valuesFromTitles,
} from "~/lib/etl/read/detect-layout";
import type { SourceRecord } from "~/lib/etl/read/types";

const rows = (...cells: (string | number | null)[][]): SourceRecord[] =>
  cells.map((c, i) => ({ line: i + 1, cells: c }));

describe("detectHeader", () => {
  it("finds the header under a report's motto, unit and title", () => {
    const found = detectHeader(
      "assistance",
      rows(
        ["ĐOÀN TNCS HỒ CHÍ MINH", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BCH ĐOÀN XÃ LẠC DƯƠNG", null, "Độc lập - Tự do - Hạnh phúc"],
        ["BÁO CÁO KẾT QUẢ HỖ TRỢ THÁNG 8/2025"],
        ["STT", "Ngày hỗ trợ", "Xã/Phường", "Thủ tục", "Số phút"],
        [1, "01/08/2025", "Xã Lạc Dương", "1.001193", 15],
      ),
    );
    expect(found).toMatchObject({ firstLine: 4, lastLine: 4 });
    expect(found?.titles).toContain("BÁO CÁO KẾT QUẢ HỖ TRỢ THÁNG 8/2025");
  });

  it("merges a group cell over its sub-columns", () => {
    const found = detectHeader(
      "dossiers",
      rows(
        ["STT", "Đơn vị", "Tiếp nhận", null, "Đã giải quyết", null],
        [null, null, "Tổng số", "Trong đó trực tuyến", "Tổng số", "Đúng hạn"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      ),
    );
    expect(found).toMatchObject({ firstLine: 1, lastLine: 2 });
    expect(found?.cells).toEqual([
      "STT",
      "Đơn vị",
      "Tiếp nhận - Tổng số",
      "Tiếp nhận - Trong đó trực tuyến",
      "Đã giải quyết - Tổng số",
      "Đã giải quyết - Đúng hạn",
    ]);
  });

  it("does not take a title right above a one-row header as a group row", () => {
    const found = detectHeader(
      "dossiers",
      rows(["BÁO CÁO THÁNG 06/2026"], ["Đơn vị", "Tiếp nhận - Tổng số", "Trong đó trực tuyến"]),
    );
    expect(found).toMatchObject({ firstLine: 2, lastLine: 2 });
  });

  it("gives up when no row names two fields", () => {
    expect(detectHeader("assistance", rows(["Nguyễn Văn A", "0912345678"]))).toBeNull();
  });
});

describe("rows that are not records", () => {
  it("recognises column-number rows, not rows of counts", () => {
    expect(isColumnNumberRow(["(1)", "(2)", "(3)"])).toBe(true);
    expect(isColumnNumberRow([1, 2, 3, 4])).toBe(true);
    expect(isColumnNumberRow(["A", "B", "C"])).toBe(true);
    expect(isColumnNumberRow(["(5)=(3)+(4)", "(6)"])).toBe(false);
    expect(isColumnNumberRow([12, 40, 7])).toBe(false);
  });

  it("skips totals, and everything from the first signature row", () => {
    const state = { signature: false };
    expect(skipReason([1, "01/08/2025", "Xã Lạc Dương"], state)).toBeNull();
    expect(skipReason(["Tổng cộng", null, null, 815], state)).toBe("total_row");
    expect(skipReason([null, "Cộng xã Lạc Dương", 40], state)).toBe("total_row");
    expect(skipReason([null, "Lạc Dương, ngày 31 tháng 8 năm 2025"], state)).toBe(
      "signature_block",
    );
    expect(skipReason([null, "Nguyễn Thị Hoa"], state)).toBe("signature_block");
    expect(
      skipReason([null, "Cộng đồng dân cư", "Xã Lạc Dương", 2, 3], { signature: false }),
    ).toBeNull();
  });

  it("reads a month or a year from the title", () => {
    expect(valuesFromTitles(["BÁO CÁO … THÁNG 08/2025"])).toEqual({ month: "08/2025", year: 2025 });
    expect(valuesFromTitles(["Báo cáo tháng 8 năm 2025"])).toMatchObject({ month: "08/2025" });
    expect(valuesFromTitles(["DÂN SỐ NĂM 2025"])).toEqual({ year: 2025 });
    expect(valuesFromTitles(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])).toEqual({});
  });

  it("reads a group alone when the sub-heading adds nothing", () => {
    expect(
      mergeHeaderRows("assistance", ["Người được hỗ trợ", null], ["Năm sinh", "Giới tính"]),
    ).toEqual(["Năm sinh", "Giới tính"]);
  });
});
