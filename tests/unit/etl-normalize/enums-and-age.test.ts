import { describe, expect, it } from "vitest";
import { normalizeAgeBand } from "~/lib/etl/normalize/age-band";
import {
  normalizeChannel,
  normalizeGender,
  normalizeHelpType,
  normalizeOutcome,
} from "~/lib/etl/normalize/enums";

describe("help_type", () => {
  it.each([
    ["Hướng dẫn", "guidance"],
    ["guidance", "guidance"],
    ["Điền biểu mẫu", "form_filling"],
    ["Kê khai", "form_filling"],
    ["form_filling", "form_filling"],
    ["VNeID", "vneid"],
    ["vneid", "vneid"],
    ["Định danh điện tử", "vneid"],
    ["Kích hoạt VNeID", "vneid"],
    ["Scan", "scanning"],
    ["Số hóa", "scanning"],
    ["Số hoá", "scanning"],
    ["Scan giấy tờ", "scanning"],
    ["Thanh toán", "payment"],
    ["Khác", "other"],
    ["KHAC", "other"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeHelpType(input)).toEqual({ ok: true, value: expected });
  });

  it("rejects other words and empty cells", () => {
    const result = normalizeHelpType("Pha trà");
    expect(result).toMatchObject({
      ok: false,
      error: { reason_code: "enum_invalid", column: "help_type" },
    });
    expect(result.ok ? "" : result.error.message_en).toContain("guidance, form_filling, vneid");
    expect(normalizeHelpType(null)).toMatchObject({
      ok: false,
      error: { reason_code: "value_missing" },
    });
  });
});

describe("channel", () => {
  it.each([
    ["Trực tuyến", "online"],
    ["Online", "online"],
    ["DVC", "online"],
    ["Cổng DVC", "online"],
    ["truc tuyen", "online"],
    ["Trực tiếp", "in_person"],
    ["Tại quầy", "in_person"],
    ["Giấy", "in_person"],
    ["in_person", "in_person"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeChannel(input)).toEqual({ ok: true, value: expected });
  });

  it("rejects an unknown channel", () => {
    expect(normalizeChannel("Bưu chính")).toMatchObject({
      ok: false,
      error: { reason_code: "enum_invalid" },
    });
  });
});

describe("outcome", () => {
  it.each([
    ["Đã nộp", "submitted"],
    ["Nộp thành công", "submitted"],
    ["submitted", "submitted"],
    ["Hoàn thành", "completed"],
    ["Đã có kết quả", "completed"],
    ["Không hoàn thành", "not_completed"],
    ["Chưa hoàn thành", "not_completed"],
    ["Bỏ dở", "not_completed"],
    ["not_completed", "not_completed"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeOutcome(input)).toEqual({ ok: true, value: expected });
  });
});

describe("gender", () => {
  it.each([
    ["Nữ", "female"],
    ["nu", "female"],
    ["F", "female"],
    ["female", "female"],
    ["Nam", "male"],
    ["M", "male"],
    ["male", "male"],
    ["Khác", "other"],
    ["other", "other"],
    ["Không rõ", "unknown"],
    ["", "unknown"],
    [null, "unknown"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeGender(input)).toEqual({ ok: true, value: expected });
  });

  it("rejects an unrecognised value", () => {
    expect(normalizeGender("X")).toMatchObject({
      ok: false,
      error: { reason_code: "enum_invalid", column: "gender" },
    });
  });
});

describe("age_band", () => {
  it.each([
    ["Dưới 18", "under_18"],
    ["<18", "under_18"],
    ["under_18", "under_18"],
    ["18-34", "18_34"],
    ["18 - 34 tuổi", "18_34"],
    ["18–34", "18_34"],
    ["18_34", "18_34"],
    ["35-59", "35_59"],
    ["Trên 60", "60_plus"],
    ["60+", "60_plus"],
    ["≥60", "60_plus"],
    ["Từ 60 tuổi trở lên", "60_plus"],
    ["60_plus", "60_plus"],
    ["Không rõ", "unknown"],
  ])("label %s → %s", (label, expected) => {
    expect(normalizeAgeBand({ age_band: label }, 2026)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [2010, "under_18"],
    [2009, "under_18"],
    [2008, "18_34"],
    [1992, "18_34"],
    [1991, "35_59"],
    [1967, "35_59"],
    [1966, "60_plus"],
    ["1940", "60_plus"],
  ] as const)("birth year %j in 2026 → %s", (birthYear, expected) => {
    expect(normalizeAgeBand({ birth_year: birthYear }, 2026)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    [17, "under_18"],
    [18, "18_34"],
    ["34", "18_34"],
    [35, "35_59"],
    [59, "35_59"],
    [60, "60_plus"],
    ["72 tuổi", "60_plus"],
  ] as const)("age %j → %s", (age, expected) => {
    expect(normalizeAgeBand({ age }, 2026)).toEqual({ ok: true, value: expected });
  });

  it("prefers the label, then age, then birth year; none gives unknown", () => {
    expect(normalizeAgeBand({ age_band: "18-34", age: 70, birth_year: 1950 }, 2026)).toEqual({
      ok: true,
      value: "18_34",
    });
    expect(normalizeAgeBand({ age: 70, birth_year: 2000 }, 2026)).toEqual({
      ok: true,
      value: "60_plus",
    });
    expect(normalizeAgeBand({ age_band: "Không rõ", birth_year: 2000 }, 2026)).toEqual({
      ok: true,
      value: "18_34",
    });
    expect(normalizeAgeBand({}, 2026)).toEqual({ ok: true, value: "unknown" });
  });

  it("rejects impossible ages and unknown labels", () => {
    expect(normalizeAgeBand({ birth_year: 2030 }, 2026)).toMatchObject({
      ok: false,
      error: { reason_code: "age_invalid", column: "birth_year" },
    });
    expect(normalizeAgeBand({ birth_year: 1890 }, 2026)).toMatchObject({
      ok: false,
      error: { reason_code: "age_invalid" },
    });
    expect(normalizeAgeBand({ age: 130 }, 2026)).toMatchObject({
      ok: false,
      error: { reason_code: "age_invalid", column: "age" },
    });
    expect(normalizeAgeBand({ age_band: "trẻ em" }, 2026)).toMatchObject({
      ok: false,
      error: { reason_code: "enum_invalid", column: "age_band" },
    });
  });
});
