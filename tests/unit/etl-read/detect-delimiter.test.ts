import { describe, expect, it } from "vitest";
import { detectDelimiter, firstLine } from "~/lib/etl/read/detect-delimiter";
import { sniffFormat } from "~/lib/etl/read/open-source.server";

describe("firstLine", () => {
  it("skips blank lines and keeps quoted line breaks", () => {
    expect(firstLine("\r\n  \na,b\nc,d")).toBe("a,b");
    expect(firstLine('"Thời gian\r\n(phút)",b\r\n1,2')).toBe('"Thời gian\r\n(phút)",b');
    expect(firstLine("a;b")).toBe("a;b");
  });
});

describe("detectDelimiter", () => {
  it("picks the most frequent of , ; and tab outside quotes", () => {
    expect(detectDelimiter("Xã,Năm,Dân số")).toBe(",");
    expect(detectDelimiter("Xã;Năm;Dân số")).toBe(";");
    expect(detectDelimiter("Xã\tNăm\tDân số")).toBe("\t");
    expect(detectDelimiter('"Xã, phường";Năm;"Dân số, tổng"')).toBe(";");
    expect(detectDelimiter('"a;b;c",d')).toBe(",");
  });

  it("falls back to a comma for a one-column header", () => {
    expect(detectDelimiter("Xã")).toBe(",");
  });
});

describe("sniffFormat", () => {
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]);
  it("reads a zip as XLSX whatever its name, except a .zip", () => {
    expect(sniffFormat(zip, "data.xlsx")).toBe("xlsx");
    expect(sniffFormat(zip, "data.csv")).toBe("xlsx");
    expect(() => sniffFormat(zip, "data.zip")).toThrowError(/archive/);
  });

  it("reads text as CSV unless it is named like a workbook", () => {
    const text = new TextEncoder().encode("Xã,Năm\n");
    expect(sniffFormat(text, "data.csv")).toBe("csv");
    expect(sniffFormat(text, "data.txt")).toBe("csv");
    expect(() => sniffFormat(text, "data.XLSX")).toThrowError(/Excel extension/);
  });
});
