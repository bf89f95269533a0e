import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "~/lib/etl/read/open-source.server";
import { isDateFormatCode, resolveTarget } from "~/lib/etl/read/xlsx-package.server";
import {
  columnOf,
  listXlsxSheets,
  readXlsxRecords,
  serialToDate,
} from "~/lib/etl/read/xlsx-source.server";
import { writeZip } from "../../support/zip-writer";
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
      volunteer_id: 101,
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

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook laid out as openpyxl and pandas write it: absolute targets, numbers as styled serials. */
function absoluteTargetsWorkbook(sheetXml: string, extra: Record<string, string> = {}) {
  return writeZip({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><workbookPr/><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="/xl/styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml": `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${NS}><si><t>Mã hồ sơ</t></si><si><r><t>Xã </t></r><r><rPr><b/></rPr><t>Lạc Dương</t></r><rPh><t>ラク</t></rPh></si></sst>`,
    "xl/worksheets/sheet1.xml": sheetXml,
    ...extra,
  });
}

describe("the XLSX reader, on the XML that other writers produce", () => {
  it("follows absolute relationship targets and reads shared, rich, inline and typed cells", async () => {
    const path = tmp.write(
      "absolute.xlsx",
      absoluteTargetsWorkbook(
        `<?xml version="1.0"?><worksheet ${NS}><sheetData>` +
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">Ghi chú </t></is></c></row>` +
          `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>45839.5</v></c><c r="C3" s="2"><v>45840</v></c>` +
          `<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1</f><v>x</v></c>` +
          `<c r="G3" t="d"><v>2025-07-01T08:30:00</v></c><c r="H3"><v>15</v></c></row>` +
          `</sheetData></worksheet>`,
      ),
    );
    const records = [];
    for await (const record of readXlsxRecords(path)) records.push(record);
    expect(records).toEqual([
      { line: 1, cells: ["Mã hồ sơ", null, "Ghi chú "] },
      {
        line: 3,
        cells: [
          "Xã Lạc Dương",
          new Date(Date.UTC(2025, 6, 1, 12)),
          new Date(Date.UTC(2025, 6, 2)),
          "TRUE",
          "#N/A",
          "x",
          new Date(Date.UTC(2025, 6, 1, 8, 30)),
          15,
        ],
      },
    ]);
    expect((await listXlsxSheets(path)).map((s) => s.name)).toEqual(["Báo cáo"]);
  });

  it("reads prefixed tags and cells without references, in order", async () => {
    const path = tmp.write(
      "prefixed.xlsx",
      absoluteTargetsWorkbook(
        `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
          `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>` +
          `<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[b & c]]></x:t></x:is></x:c></x:row>` +
          `</x:sheetData></x:worksheet>`,
      ),
    );
    const records = [];
    for await (const record of readXlsxRecords(path)) records.push(record);
    expect(records).toEqual([
      { line: 1, cells: ["a", 2] },
      { line: 2, cells: ["b & c"] },
    ]);
  });

  it("counts 1904-system dates from 1904", async () => {
    const path = tmp.write(
      "1904.xlsx",
      absoluteTargetsWorkbook(
        `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" s="2"><v>44378</v></c></row></sheetData></worksheet>`,
        {
          "xl/workbook.xml": `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
      ),
    );
    const records = [];
    for await (const record of readXlsxRecords(path)) records.push(record);
    expect(records[0]?.cells[0]).toEqual(new Date(Date.UTC(2025, 6, 2)));
  });

  it("names the missing part of a damaged package", async () => {
    const zip = writeZip({ "_rels/.rels": "<Relationships/>" });
    const error = await rejection(
      openSource(tmp.write("nobook.xlsx", zip), { kind: "assistance" }),
    );
    expect(error.code).toBe("malformed_xlsx");
  });
});

describe("XLSX helpers", () => {
  it("resolves relative, absolute and climbing targets", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml",
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml",
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../sharedStrings.xml")).toBe(
      "xl/sharedStrings.xml",
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("tells date formats from number formats", () => {
    for (const code of ["dd/mm/yyyy", "d/m/yy h:mm", "[$-42A]dd/mm/yyyy", "hh:mm:ss", "mmm-yy"])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ["General", "0.00", '#,##0 "đ"', "@", '0" ngày"', "[Red]0.0"])
      expect(isDateFormatCode(code), code).toBe(false);
  });

  it("reads column letters", () => {
    expect(columnOf("A1")).toBe(0);
    expect(columnOf("Z9")).toBe(25);
    expect(columnOf("AA10")).toBe(26);
    expect(columnOf("XFD1")).toBe(16_383);
    expect(columnOf(undefined)).toBeNull();
  });

  it("turns serials into wall-clock dates", () => {
    expect(serialToDate(45_839.5, false)).toEqual(new Date(Date.UTC(2025, 6, 1, 12)));
    expect(serialToDate(0.3125, false)).toEqual(new Date(Date.UTC(1899, 11, 30, 7, 30)));
  });
});
