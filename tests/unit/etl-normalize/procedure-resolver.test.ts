import { beforeAll, describe, expect, it } from "vitest";
import {
  createProcedureResolver,
  type ProcedureResolver,
} from "~/lib/etl/resolve/procedure-resolver";
import { loadReferenceData } from "./reference-data";

let resolver: ProcedureResolver;
beforeAll(async () => {
  resolver = createProcedureResolver((await loadReferenceData()).procedures);
});

describe("procedure resolution", () => {
  it.each([
    ["1.001193", "1.001193"],
    [1.001193, "1.001193"],
    [3.000228, "3.000228"],
    ["Đăng ký khai sinh", "1.001193"],
    ["dang ky khai sinh", "1.001193"],
    ["Thủ tục đăng ký khai sinh", "1.001193"],
    ["Birth registration", "1.001193"],
    ["1.001193 - Đăng ký khai sinh", "1.001193"],
    ["Đăng ký thường trú", "1.004222"],
    ["Cấp Phiếu lý lịch tư pháp", "3.000333"],
    ["Khác", "other"],
    ["other", "other"],
  ] as const)("%j → %s", (input, code) => {
    expect(resolver.resolve(input)).toEqual({ ok: true, code });
  });

  it("gives Excel's number 1.00023 back its trailing zero", () => {
    const withZero = createProcedureResolver([
      {
        code: "1.000230",
        name: "X",
        label_vi: null,
        label_en: null,
        is_common: false,
        commune_level: false,
      },
    ]);
    expect(withZero.resolve(1.00023)).toEqual({ ok: true, code: "1.000230" });
  });

  it("keeps an unknown procedure as 'other' with a warning", () => {
    for (const input of ["Xin giấy phép bay drone", "9.999999", 9.999999]) {
      const result = resolver.resolve(input);
      expect(result).toMatchObject({
        ok: true,
        code: "other",
        warning: { reason_code: "procedure_unknown", column: "procedure" },
      });
    }
  });

  it("prefers the shortlisted procedure when a name is listed twice, and warns when nothing decides", () => {
    const twins = createProcedureResolver([
      {
        code: "1.000001",
        name: "Cấp giấy A",
        label_vi: null,
        label_en: null,
        is_common: false,
        commune_level: false,
      },
      {
        code: "1.000002",
        name: "Cấp giấy A",
        label_vi: null,
        label_en: null,
        is_common: true,
        commune_level: true,
      },
      {
        code: "1.000003",
        name: "Cấp giấy B",
        label_vi: null,
        label_en: null,
        is_common: false,
        commune_level: false,
      },
      {
        code: "1.000004",
        name: "Cấp giấy B",
        label_vi: null,
        label_en: null,
        is_common: false,
        commune_level: false,
      },
    ]);
    expect(twins.resolve("Cấp giấy A")).toEqual({ ok: true, code: "1.000002" });
    const result = twins.resolve("Cấp giấy B");
    expect(result).toMatchObject({
      ok: true,
      code: "other",
      warning: { reason_code: "procedure_ambiguous" },
    });
    expect(result.warning?.message_en).toContain("1.000003, 1.000004");
  });
});
