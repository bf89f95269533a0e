import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAssistanceRow } from "~/lib/etl/rows/parse-assistance-row";
import type { RowContext, RowValues } from "~/lib/etl/rows/row-context";
import { createLamDongContext } from "./row-context";

let ctx: RowContext;
let derive: RowContext;
beforeAll(async () => {
  ctx = await createLamDongContext(false);
  derive = { ...(await createLamDongContext(true)) };
});

const row: RowValues = {
  record_id: "LD-2026-000123",
  assisted_at: "13/02/2026 08:30",
  commune: "Phường Lang Biang - Đà Lạt",
  team: "Tổ CNSCĐ Lang Biang",
  volunteer_id: "TNV-017",
  procedure: "1.001193",
  help_type: "Điền biểu mẫu",
  channel: "Trực tuyến",
  outcome: "Đã nộp",
  age_band: null,
  birth_year: "1958",
  age: null,
  gender: "Nữ",
  ethnicity: "K'Ho",
  minutes: "20",
};

const sha1 = (fields: unknown[]) => createHash("sha1").update(JSON.stringify(fields)).digest("hex");

describe("parseAssistanceRow", () => {
  it("normalizes a Vietnamese row to the staging row, hashing the business fields in a fixed order", () => {
    const business = [
      "2026-02-13 08:30:00",
      "24846",
      "Tổ CNSCĐ Lang Biang",
      "TNV-017",
      "1.001193",
      "form_filling",
      "online",
      "submitted",
      "60_plus",
      "female",
      "15",
      20,
    ];
    expect(parseAssistanceRow(row, ctx)).toEqual({
      ok: true,
      warnings: [],
      row: {
        record_id: "LD-2026-000123",
        assisted_at: "2026-02-13 08:30:00",
        commune_code: "24846",
        team: "Tổ CNSCĐ Lang Biang",
        volunteer_id: "TNV-017",
        procedure_code: "1.001193",
        help_type: "form_filling",
        channel: "online",
        outcome: "submitted",
        age_band: "60_plus",
        gender: "female",
        ethnic_code: "15",
        minutes: 20,
        source_labels: null,
        row_hash: sha1(["LD-2026-000123", ...business]),
      },
    });
  });

  it("reads Excel cells: a Date, a numeric commune code and a numeric procedure code", () => {
    const result = parseAssistanceRow(
      {
        ...row,
        assisted_at: new Date(Date.UTC(2026, 1, 13, 8, 30)),
        commune: 24846,
        procedure: 1.001193,
        minutes: 20,
      },
      ctx,
    );
    expect(result).toEqual(parseAssistanceRow(row, ctx));
  });

  it("gives NFD input the same row as NFC input", () => {
    const nfd = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? v.normalize("NFD") : v]),
    );
    expect(parseAssistanceRow(nfd, ctx)).toEqual(parseAssistanceRow(row, ctx));
  });

  it("changes row_hash when a business field changes, not otherwise", () => {
    const base = parseAssistanceRow(row, ctx);
    const same = parseAssistanceRow({ ...row, minutes: 20, commune: "lang biang da lat" }, ctx);
    const changed = parseAssistanceRow({ ...row, minutes: "25" }, ctx);
    expect(base.ok && same.ok && changed.ok).toBe(true);
    if (base.ok && same.ok && changed.ok) {
      expect(same.row.row_hash).toBe(base.row.row_hash);
      expect(changed.row.row_hash).not.toBe(base.row.row_hash);
    }
  });

  it("keeps a pre-2025 commune with a commune_renamed warning", () => {
    const result = parseAssistanceRow({ ...row, commune: "Thị trấn Lạc Dương" }, ctx);
    expect(result).toMatchObject({ ok: true, row: { commune_code: "24846" } });
    expect(result.warnings.map((w) => w.reason_code)).toEqual(["commune_renamed"]);
  });

  it("counts an unknown procedure as 'other' with a warning", () => {
    const result = parseAssistanceRow({ ...row, procedure: "Đăng ký nuôi chim yến" }, ctx);
    expect(result).toMatchObject({ ok: true, row: { procedure_code: "other" } });
    expect(result.warnings).toMatchObject([
      { reason_code: "procedure_unknown", column: "procedure" },
    ]);
  });

  it("takes unknown ethnicity, gender and age as 'unknown' / null", () => {
    const result = parseAssistanceRow(
      { ...row, ethnicity: "không rõ", gender: null, birth_year: null },
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      row: { ethnic_code: null, gender: "unknown", age_band: "unknown" },
    });
  });

  it("derives a stable id with a warning when the file has no record_id", () => {
    const { record_id: _omit, ...noId } = row;
    const first = parseAssistanceRow(noId, derive);
    const again = parseAssistanceRow({ ...noId }, derive);
    const other = parseAssistanceRow({ ...noId, minutes: "21" }, derive);
    expect(first.ok && again.ok && other.ok).toBe(true);
    if (!first.ok || !again.ok || !other.ok) return;
    expect(first.row.record_id).toMatch(/^d-[0-9a-f]{20}$/);
    expect(first.row.record_id).toBe(again.row.record_id);
    expect(other.row.record_id).not.toBe(first.row.record_id);
    expect(first.warnings).toMatchObject([
      { reason_code: "record_id_derived", column: "record_id" },
    ]);
    expect(parseAssistanceRow(row, derive)).toEqual(parseAssistanceRow(row, ctx));
  });

  it.each([
    [{ record_id: null }, "record_id_missing", "record_id"],
    [{ assisted_at: "02/13/2026" }, "date_invalid", "assisted_at"],
    [{ assisted_at: "15/03/2026" }, "date_future", "assisted_at"],
    [{ assisted_at: "31/12/2024" }, "date_too_old", "assisted_at"],
    [{ assisted_at: null }, "value_missing", "assisted_at"],
    [{ commune: "Phường 1" }, "commune_ambiguous", "commune"],
    [{ commune: "Phường Ba Đình" }, "commune_other_province", "commune"],
    [{ commune: "Không có xã này" }, "commune_unknown", "commune"],
    [{ commune: null }, "value_missing", "commune"],
    [{ team: null }, "value_missing", "team"],
    [{ volunteer_id: "" }, "value_missing", "volunteer_id"],
    [{ procedure: null }, "value_missing", "procedure"],
    [{ channel: null }, "value_missing", "channel"],
    [{ outcome: "Có thể" }, "enum_invalid", "outcome"],
    [{ birth_year: "2030" }, "age_invalid", "birth_year"],
    [{ ethnicity: "Người nước ngoài" }, "ethnicity_foreign", "ethnicity"],
    [{ ethnicity: "55" }, "ethnicity_foreign", "ethnicity"],
    [{ minutes: "0" }, "minutes_out_of_range", "minutes"],
    [{ minutes: "481" }, "minutes_out_of_range", "minutes"],
    [{ minutes: null }, "value_missing", "minutes"],
  ] as const)("%j → %s", (patch, reason_code, column) => {
    expect(parseAssistanceRow({ ...row, ...patch }, ctx)).toMatchObject({
      ok: false,
      error: { reason_code, column },
    });
  });

  it.each([
    [{ help_type: "Pha trà" }, "help_type", "other", "help_type"],
    [{ gender: "X" }, "gender", "unknown", "gender"],
    [{ ethnicity: "Klingon" }, "ethnic_code", null, "ethnicity"],
  ] as const)("%j counts in its bucket with the label kept", (patch, column, bucket, field) => {
    const result = parseAssistanceRow({ ...row, ...patch }, ctx);
    if (!result.ok) throw new Error(result.error.reason_code);
    expect(result.row[column]).toBe(bucket);
    expect(JSON.parse(result.row.source_labels!)).toEqual({ [field]: Object.values(patch)[0] });
    expect(result.warnings.map((w) => w.reason_code)).toContain("label_bucketed");
    // The label takes part in the hash: two rows differing only in it stay two rows.
    const plain = parseAssistanceRow(row, ctx);
    expect(plain.ok && plain.row.row_hash).not.toBe(result.row.row_hash);
  });

  it("keeps warnings gathered before the error", () => {
    const result = parseAssistanceRow({ ...row, commune: "Xã Gia Viễn", minutes: "0" }, ctx);
    expect(result).toMatchObject({ ok: false, error: { reason_code: "minutes_out_of_range" } });
    expect(result.warnings.map((w) => w.reason_code)).toEqual(["commune_renamed"]);
  });
});
