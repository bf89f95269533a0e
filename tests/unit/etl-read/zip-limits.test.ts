// Zip-bomb bounds on XLSX (app/lib/etl/read/zip-limits.server.ts): hostile workbooks are refused
// with a bilingual reason before exceljs inflates them — from the central directory when it tells
// the truth, while inflating when it understates — and ordinary workbooks (xlsxwriter, openpyxl,
// as offices make them) pass and read as before.
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSource } from "~/lib/etl/read/open-source.server";
import { assertXlsxWithinLimits, XLSX_LIMITS } from "~/lib/etl/read/zip-limits.server";
import { writeXlsxBomb, type BombKind } from "../../support/xlsx-bombs";
import { collectRows, createTempDir, rejection } from "./fixture-files";

const dir = createTempDir();
afterAll(() => dir.remove());

const EXPECTED: Record<BombKind, string> = {
  shared_strings: "xlsx_compression_ratio",
  sheet: "xlsx_compression_ratio",
  sheet_understated: "xlsx_compression_ratio",
  long_cell: "xlsx_cell_too_long",
};

// Ordinary workbooks as offices make them, written by xlsxwriter and openpyxl
// (tests/fixtures/read/make_office_workbooks.py) and committed.
const OFFICE_WORKBOOKS = resolve("tests/fixtures/read");

describe("XLSX zip-bomb bounds", () => {
  for (const kind of Object.keys(EXPECTED) as BombKind[]) {
    it(`refuses the ${kind} bomb as ${EXPECTED[kind]}`, async () => {
      const path = dir.path(`${kind}.xlsx`);
      await writeXlsxBomb(path, kind);
      const error = await rejection(assertXlsxWithinLimits(path));
      expect(error.code).toBe(EXPECTED[kind]);
      expect(error.message_vi).toMatch(/xlsx/);
      expect(error.message_en).toMatch(/xlsx/);
      // The reader refuses it the same way, as a file rejection (never a 500).
      const opened = await openSource(path, { kind: "assistance" }).catch((e: unknown) => e);
      const viaReader =
        opened instanceof Error
          ? opened
          : await collectRows(opened as never).catch((e: unknown) => e);
      expect((viaReader as { code?: string }).code).toBe(EXPECTED[kind]);
    });
  }

  it("bounds shared strings by declared bytes, and by count while inflating", async () => {
    const path = dir.path("strings.xlsx");
    await writeXlsxBomb(path, "shared_strings");
    const ratioOff = { ...XLSX_LIMITS, maxRatio: 1e9 };
    const big = await rejection(assertXlsxWithinLimits(path, ratioOff));
    expect(big.code).toBe("xlsx_too_many_strings");
    expect(big.details).toMatchObject({
      entry: "xl/sharedStrings.xml",
    });
    const bytesOff = {
      ...ratioOff,
      maxEntryBytes: 1e12,
      maxTotalBytes: 1e12,
      maxSharedStringBytes: 1e12,
    };
    const many = await rejection(assertXlsxWithinLimits(path, bytesOff));
    expect(many.code).toBe("xlsx_too_many_strings");
    expect(many.details).toMatchObject({ max: XLSX_LIMITS.maxSharedStrings });
  });

  it("caps inflated bytes even when the directory understates them", async () => {
    const path = dir.path("understated.xlsx");
    await writeXlsxBomb(path, "sheet_understated");
    const error = await rejection(assertXlsxWithinLimits(path, { ...XLSX_LIMITS, maxRatio: 1e9 }));
    expect(error.code).toBe("xlsx_too_large");
  });

  it("lets workbooks made by xlsxwriter and openpyxl through", async () => {
    for (const name of ["xlsxwriter.xlsx", "openpyxl.xlsx"])
      await expect(assertXlsxWithinLimits(join(OFFICE_WORKBOOKS, name))).resolves.toBeUndefined();
    // openpyxl's package layout is the intake reader's business (issue 11); xlsxwriter's reads.
    const rows = await collectRows(
      await openSource(join(OFFICE_WORKBOOKS, "xlsxwriter.xlsx"), { kind: "assistance" }),
    );
    expect(rows).toHaveLength(3000);
  });
});
