import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDossierRow } from "~/lib/etl/rows/parse-dossier-row";
import { parsePopulationRow } from "~/lib/etl/rows/parse-population-row";
import type { RowContext, RowValues } from "~/lib/etl/rows/row-context";
import { parseShiftRow } from "~/lib/etl/rows/parse-shift-row";
import { createLamDongContext } from "./row-context";

let ctx: RowContext;
let derive: RowContext;
beforeAll(async () => {
  ctx = await createLamDongContext(false);
  derive = await createLamDongContext(true);
});

const sha1 = (fields: unknown[]) => createHash("sha1").update(JSON.stringify(fields)).digest("hex");

describe("parseShiftRow", () => {
  const shift: RowValues = {
    shift_id: "CA-001",
    volunteer_id: "TNV-017",
    team: "Tổ CNSCĐ Cát Tiên",
    commune: "xa cat tien 3",
    date: "13/02/2026",
    start: "7h30",
    end: "11:15",
    hours: null,
  };

  it("computes hours from start and end", () => {
    expect(parseShiftRow(shift, ctx)).toEqual({
      ok: true,
      warnings: [],
      row: {
        shift_id: "CA-001",
        volunteer_id: "TNV-017",
        team: "Tổ CNSCĐ Cát Tiên",
        commune_code: "25162",
        shift_date: "2026-02-13",
        start_time: "07:30:00",
        end_time: "11:15:00",
        hours: 3.75,
        row_hash: sha1([
          "CA-001",
          "TNV-017",
          "Tổ CNSCĐ Cát Tiên",
          "25162",
          "2026-02-13",
          "07:30:00",
          "11:15:00",
          3.75,
        ]),
      },
    });
  });

  it("takes hours alone", () => {
    expect(parseShiftRow({ ...shift, start: null, end: null, hours: "3,5" }, ctx)).toMatchObject({
      ok: true,
      row: { start_time: null, end_time: null, hours: 3.5 },
    });
  });

  it("warns when given hours disagree with start and end", () => {
    const result = parseShiftRow({ ...shift, hours: "5" }, ctx);
    expect(result).toMatchObject({ ok: true, row: { hours: 3.75 } });
    expect(result.warnings).toMatchObject([
      { reason_code: "shift_hours_mismatch", column: "hours" },
    ]);
    expect(parseShiftRow({ ...shift, hours: "3,75" }, ctx).warnings).toEqual([]);
  });

  it.each([
    [{ start: "11:00", end: "08:00" }, "shift_end_before_start", "end"],
    [{ start: "22:00", end: "02:00" }, "shift_end_before_start", "end"],
    [{ start: "08:00", end: "08:00" }, "shift_end_before_start", "end"],
    [{ start: null, end: null }, "shift_time_missing", "start"],
    [{ start: "08:00", end: null }, "shift_time_missing", "end"],
    [{ start: null, end: null, hours: "25" }, "hours_out_of_range", "hours"],
    [{ start: null, end: null, hours: "0" }, "hours_out_of_range", "hours"],
    [{ start: "8.3" }, "time_invalid", "start"],
    [{ date: "02/13/2026" }, "date_invalid", "date"],
    [{ shift_id: null }, "record_id_missing", "shift_id"],
    [{ team: null }, "value_missing", "team"],
  ] as const)("%j → %s", (patch, reason_code, column) => {
    expect(parseShiftRow({ ...shift, ...patch }, ctx)).toMatchObject({
      ok: false,
      error: { reason_code, column },
    });
  });

  it("derives a shift id with a warning", () => {
    const result = parseShiftRow({ ...shift, shift_id: null }, derive);
    expect(result).toMatchObject({
      ok: true,
      row: { shift_id: expect.stringMatching(/^d-[0-9a-f]{20}$/) },
    });
    expect(result.warnings).toMatchObject([
      { reason_code: "record_id_derived", column: "shift_id" },
    ]);
  });
});

describe("parseDossierRow", () => {
  const dossier: RowValues = {
    commune: "24846",
    month: "02/2026",
    procedure: null,
    received_total: "1.234",
    received_online: "1,000",
    resolved_total: "1200",
    resolved_on_time: "1100",
  };

  it("normalizes figures for all procedures (procedure '')", () => {
    const row = {
      commune_code: "24846",
      month: "2026-02-01",
      procedure_code: "",
      received_total: 1234,
      received_online: 1000,
      resolved_total: 1200,
      resolved_on_time: 1100,
    };
    expect(parseDossierRow(dossier, ctx)).toEqual({
      ok: true,
      warnings: [],
      row: { ...row, row_hash: sha1(Object.values(row)) },
    });
  });

  it("resolves a procedure and leaves resolved figures optional", () => {
    expect(
      parseDossierRow(
        {
          ...dossier,
          month: "2026-01",
          procedure: "Đăng ký khai sinh",
          resolved_total: null,
          resolved_on_time: null,
        },
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      row: {
        month: "2026-01-01",
        procedure_code: "1.001193",
        resolved_total: null,
        resolved_on_time: null,
      },
    });
  });

  it.each([
    [{ received_online: "1235" }, "dossier_inconsistent", "received_online"],
    [{ resolved_on_time: "1201" }, "dossier_inconsistent", "resolved_on_time"],
    [{ resolved_total: null }, "dossier_inconsistent", "resolved_total"],
    [{ received_total: "1.5" }, "integer_invalid", "received_total"],
    [{ received_online: null }, "value_missing", "received_online"],
    [{ month: "13/2026" }, "month_invalid", "month"],
    [{ month: "04/2026" }, "date_future", "month"],
  ] as const)("%j → %s", (patch, reason_code, column) => {
    expect(parseDossierRow({ ...dossier, ...patch }, ctx)).toMatchObject({
      ok: false,
      error: { reason_code, column },
    });
  });
});

describe("parsePopulationRow", () => {
  const population: RowValues = {
    commune: "Xã Cát Tiên 3",
    year: "2025",
    population_total: "12.500",
    population_minority: "3.100",
    population_elderly: "1.450",
    population_female: "6.300",
  };

  it("normalizes a profile", () => {
    const row = {
      commune_code: "25162",
      year: 2025,
      population_total: 12500,
      population_minority: 3100,
      population_elderly: 1450,
      population_female: 6300,
    };
    expect(parsePopulationRow(population, ctx)).toEqual({
      ok: true,
      warnings: [],
      row: { ...row, row_hash: sha1(Object.values(row)) },
    });
  });

  it.each([
    [{ population_minority: "12.501" }, "population_inconsistent", "population_minority"],
    [{ population_elderly: "20000" }, "population_inconsistent", "population_elderly"],
    [{ population_female: "12.501" }, "population_inconsistent", "population_female"],
    [{ year: "1999" }, "year_invalid", "year"],
    [{ year: "2028" }, "year_invalid", "year"],
    [{ commune: "Phường 1" }, "commune_ambiguous", "commune"],
  ] as const)("%j → %s", (patch, reason_code, column) => {
    expect(parsePopulationRow({ ...population, ...patch }, ctx)).toMatchObject({
      ok: false,
      error: { reason_code, column },
    });
  });
});
