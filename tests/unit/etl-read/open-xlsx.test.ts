import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "~/lib/etl/read/open-source.server";
import { toCellValue } from "~/lib/etl/read/xlsx-source.server";
import { collectRows, createTempDir, openFilesMatching, rejection } from "./fixture-files";

const tmp = createTempDir();
afterAll(() => tmp.remove());

const HEADER = [
  "Mã hồ sơ",
  "Ngày hỗ trợ",
  "Xã/Phường",
  "Đội",
  "Mã TNV",
  "Thủ tục",
  "Loại hỗ trợ",
  "Kênh nộp",
  "Kết quả",
  "Giới tính",
  "Số phút",
  "Số điện thoại",
];
const ASSISTED_AT = new Date(Date.UTC(2025, 6, 1, 8, 30));
let workbookPath = "";
let hiddenFirstPath = "";

async function writeWorkbook(path: string, options: { hideFirst?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  const guide = workbook.addWorksheet("Hướng dẫn");
  guide.addRow(["Điền mỗi lượt hỗ trợ vào một dòng của trang Dữ liệu."]);
  if (options.hideFirst) guide.state = "hidden";
  const data = workbook.addWorksheet("Dữ liệu");
  data.addRow(HEADER);
  data.addRow([
    "HS-0001",
    ASSISTED_AT,
    "Phường Lâm Viên - Đà Lạt",
    "Đội 1",
    101,
    "1.001193",
    "Hướng dẫn",
    "Trực tuyến",
    "Hoàn thành",
    "Nữ",
    15,
    "0912345678",
  ]);
  data.getCell("B2").numFmt = "dd/mm/yyyy hh:mm";
  data.addRow([]);
  data.addRow([
    "HS-0002",
    "02/07/2025",
    { richText: [{ text: "Xã " }, { text: "Lạc Dương", font: { bold: true } }] },
    "Đội 2",
    "TNV-2",
    "1.001193",
    "VNeID",
    "Trực tiếp",
    "Đã nộp",
    "Nam".normalize("NFD"),
    { formula: "10+5", result: 15 },
    "",
  ]);
  data.addRow([
    "HS-0003",
    "03/07/2025",
    "Xã Đạ Huoai",
    "Đội 3",
    "TNV-3",
    "1.001193",
    "Hướng dẫn",
    "Trực tuyến",
    "Hoàn thành",
    "Nữ",
    20,
    "",
    "tràn cột",
  ]);
  await workbook.xlsx.writeFile(path);
}

beforeAll(async () => {
  workbookPath = tmp.path("assistance.xlsx");
  hiddenFirstPath = tmp.path("hidden-first.xlsx");
  await writeWorkbook(workbookPath);
  await writeWorkbook(hiddenFirstPath, { hideFirst: true });
});

describe("openSource on an XLSX workbook", () => {
  it("reads the sheet named by `sheet`, rows numbered as in Excel", async () => {
    const source = await openSource(workbookPath, { kind: "assistance", sheet: "Dữ liệu" });
    expect(source).toMatchObject({ format: "xlsx", encoding: "xlsx", delimiter: null });
    expect(source.droppedColumns).toEqual([{ name: "Số điện thoại", personalData: true }]);
    const rows = await collectRows(source);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(JSON.stringify(rows)).not.toContain("0912345678");
  });

  it("yields a date cell as a Date and numbers as numbers", async () => {
    const [first] = await collectRows(
      await openSource(workbookPath, { kind: "assistance", sheet: "Dữ liệu" }),
    );
    expect(first?.values.assisted_at).toBeInstanceOf(Date);
    expect((first?.values.assisted_at as Date).toISOString()).toBe(ASSISTED_AT.toISOString());
    expect(first?.values).toMatchObject({
      volunteer_id: 101,
      minutes: 15,
      commune: "Phường Lâm Viên - Đà Lạt",
    });
    expect(first?.raw).toMatchObject({
      assisted_at: "2025-07-01T08:30:00.000Z",
      volunteer_id: "101",
    });
  });

  it("flattens rich text, takes formula results, and NFC-normalizes text", async () => {
    const rows = await collectRows(
      await openSource(workbookPath, { kind: "assistance", sheet: "dữ liệu" }),
    );
    expect(rows[1]?.values).toMatchObject({
      commune: "Xã Lạc Dương",
      minutes: 15,
      gender: "Nam",
      assisted_at: "02/07/2025",
    });
    expect(rows[1]?.problem).toBeUndefined();
  });

  it("reports data beyond the header as a ragged row", async () => {
    const rows = await collectRows(
      await openSource(workbookPath, { kind: "assistance", sheet: "Dữ liệu" }),
    );
    expect(rows[2]).toMatchObject({ line: 5, problem: { reason_code: "ragged_row" } });
  });

  it("reads the first sheet by default, so a guide sheet in front is not a header", async () => {
    const error = await rejection(openSource(workbookPath, { kind: "assistance" }));
    expect(error.code).toBe("no_header");
  });

  it("skips a hidden first sheet", async () => {
    const rows = await collectRows(await openSource(hiddenFirstPath, { kind: "assistance" }));
    expect(rows).toHaveLength(3);
  });

  it("lists the sheets when the named one is absent", async () => {
    const error = await rejection(
      openSource(workbookPath, { kind: "assistance", sheet: "Tháng 7" }),
    );
    expect(error.code).toBe("sheet_not_found");
    expect(error.details).toEqual({ sheet: "Tháng 7", sheets: ["Hướng dẫn", "Dữ liệu"] });
    expect(error.message_vi).toContain('"Dữ liệu"');
  });

  // exceljs buffers sheets in temp files; skipped or half-read sheets must not leave them open.
  it.runIf(existsSync("/proc/self/fd"))(
    "leaves no file descriptor open, even after a partial read",
    async () => {
      for (let i = 0; i < 3; i++) {
        const source = await openSource(workbookPath, { kind: "assistance", sheet: "Dữ liệu" });
        const rows = source.rows[Symbol.asyncIterator]();
        await rows.next();
        await rows.return?.();
        await collectRows(source);
      }
      // The workbook itself, or exceljs's temp copies of its sheets (tmp-<pid>-…).
      const held = await openFilesMatching((f) => f === workbookPath || /\/tmp-\d+-[^/]+$/.test(f));
      expect(held).toEqual([]);
    },
  );

  it("rejects a damaged workbook", async () => {
    const path = tmp.write(
      "broken.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]),
    );
    const error = await rejection(openSource(path, { kind: "assistance" }));
    expect(error.code).toBe("malformed_xlsx");
  });
});

describe("toCellValue", () => {
  it("turns every exceljs cell shape into text, a number or a Date", () => {
    const date = new Date(Date.UTC(2025, 0, 2));
    expect(toCellValue(null)).toBeNull();
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue("x")).toBe("x");
    expect(toCellValue(4.5)).toBe(4.5);
    expect(toCellValue(date)).toBe(date);
    expect(toCellValue(true)).toBe("TRUE");
    expect(toCellValue({ error: "#N/A" })).toBe("#N/A");
    expect(toCellValue({ formula: "A1", result: { error: "#REF!" } })).toBe("#REF!");
    expect(toCellValue({ sharedFormula: "A1", result: 45_839 })).toBe(45_839);
    expect(toCellValue({ text: "Xã A", hyperlink: "https://example.org" })).toBe("Xã A");
  });
});
