// The data-quality page's pure parts: the completeness grid from arrivals, the load window of a
// period, the URL parameters, and a name for every reason a row can be rejected with.
import { describe, expect, it } from "vitest";
import { REASONS } from "~/lib/etl/reasons";
import { vi as viCatalog } from "~/lib/i18n/catalog-vi";
import { en as enCatalog } from "~/lib/i18n/catalog-en";
import { buildCompleteness, statusOf } from "~/pages/quality/completeness";
import { completenessExportRows } from "~/pages/quality/tables";
import { loadWindowOf } from "~/pages/quality/load-window";
import { parseQualityParams } from "~/lib/filters/quality-params";
import { REJECT_REASON_CODES, reasonLabelKey } from "~/pages/quality/reason-labels";

describe("buildCompleteness", () => {
  const communes = [
    { code: "2", name: "Xã Đạ Tẻh", unit_type: "xa" as const },
    { code: "1", name: "Xã Di Linh", unit_type: "xa" as const },
    { code: "3", name: "Xã An Nhơn", unit_type: "xa" as const },
  ];
  const arrivals = [
    { commune_code: "1", month: "2026-01", assistance: true, shifts: true, dossiers: true },
    { commune_code: "1", month: "2026-02", assistance: true, shifts: false, dossiers: true },
    { commune_code: "2", month: "2026-01", assistance: true, shifts: true, dossiers: true },
    { commune_code: "2", month: "2026-02", assistance: true, shifts: true, dossiers: true },
    { commune_code: "3", month: "2026-01", assistance: false, shifts: true, dossiers: false },
  ];
  const grid = buildCompleteness(communes, ["2026-01", "2026-02"], arrivals);

  it("marks each commune × month complete, partial or nothing", () => {
    expect(grid.cells.map((c) => `${c.commune_code} ${c.month} ${c.status}`)).toEqual([
      "3 2026-01 partial",
      "3 2026-02 nothing",
      "1 2026-01 complete",
      "1 2026-02 partial",
      "2 2026-01 complete",
      "2 2026-02 complete",
    ]);
    expect(grid.cells_nothing).toBe(1);
    expect(grid.cells_partial).toBe(2);
  });

  it("lists communes with gaps in Vietnamese name order with months missing per kind", () => {
    expect(grid.gaps).toEqual([
      {
        code: "3",
        name: "Xã An Nhơn",
        unit_type: "xa",
        months_nothing: ["2026-02"],
        missing: { assistance: 2, shifts: 1, dossiers: 2 },
      },
      {
        code: "1",
        name: "Xã Di Linh",
        unit_type: "xa",
        months_nothing: [],
        missing: { assistance: 0, shifts: 1, dossiers: 0 },
      },
    ]);
  });

  it("exports one row per cell with 0/1 flags", () => {
    expect(completenessExportRows(grid)[1]).toEqual({
      commune_code: "3",
      commune_name: "Xã An Nhơn",
      unit_type: "xa",
      month: "2026-02",
      assistance: 0,
      shifts: 0,
      dossiers: 0,
      status: "nothing",
    });
    expect(statusOf({ assistance: false, shifts: false, dossiers: true })).toBe("partial");
  });
});

describe("loadWindowOf", () => {
  it("keeps later loads when the period reaches the latest covered month", () => {
    expect(loadWindowOf({ from: "2026-01", to: "2026-06" }, "2026-06")).toEqual({
      from: "2026-01",
      before: null,
    });
    expect(loadWindowOf({ from: "2026-01", to: "2026-03" }, "2026-06")).toEqual({
      from: "2026-01",
      before: "2026-04",
    });
  });
});

describe("parseQualityParams", () => {
  it("reads kind, reason and page, and refuses anything else with message keys", () => {
    const ok = parseQualityParams(new URLSearchParams("kind=shifts&reason=date_invalid&page=3"));
    expect(ok).toEqual({ ok: true, params: { kind: "shifts", reason: "date_invalid", page: 3 } });
    expect(parseQualityParams(new URLSearchParams("kind=all&page="))).toEqual({
      ok: true,
      params: { kind: undefined, reason: undefined, page: 1 },
    });
    const bad = parseQualityParams(new URLSearchParams("kind=x&reason=Bad-Code&page=0"));
    expect(bad.ok ? [] : bad.issues.map((i) => i.message_key)).toEqual([
      "quality.error.kind",
      "quality.error.reason",
      "quality.error.page",
    ]);
    const repeated = parseQualityParams(new URLSearchParams("page=1&page=2"));
    expect(repeated.ok ? null : repeated.issues[0]!.message_key).toBe("filter.error.repeated");
  });
});

describe("reject reason names", () => {
  it("names every error reason of the ETL in both languages, and no warning", () => {
    const errors = Object.entries(REASONS)
      .filter(([, reason]) => reason.severity === "error")
      .map(([code]) => code);
    for (const code of [...errors, "ragged_row", "field_too_long", "duplicate_in_file"]) {
      const key = reasonLabelKey(code)!;
      expect(key, code).not.toBeNull();
      expect(viCatalog[key]).toBeTruthy();
      expect(enCatalog[key]).toBeTruthy();
      expect(enCatalog[key]).not.toBe(viCatalog[key]);
    }
    expect(REJECT_REASON_CODES).not.toContain("procedure_unknown");
    expect(reasonLabelKey("something_new")).toBeNull();
  });
});
