import { describe, expect, it } from "vitest";
import { makeIssue, quoteValue, REASONS, severityOf, type ReasonCode } from "~/lib/etl/reasons";

describe("reason catalogue", () => {
  it("marks only the issues that keep the row as warnings", () => {
    const warnings = (Object.keys(REASONS) as ReasonCode[])
      .filter((c) => severityOf(c) === "warning")
      .sort();
    expect(warnings).toEqual([
      "choices_multiple",
      "commune_renamed",
      "label_bucketed",
      "procedure_ambiguous",
      "procedure_unknown",
      "record_id_derived",
      "record_id_personal",
      "shift_hours_mismatch",
      "value_from_title",
      "volunteer_pseudonymised",
      "volunteer_unknown",
    ]);
  });

  it("builds an issue in both languages with the offending value", () => {
    expect(makeIssue("minutes_out_of_range", "minutes", { value: "481" })).toEqual({
      reason_code: "minutes_out_of_range",
      column: "minutes",
      message_vi: "Số phút «481» phải là số nguyên từ 1 đến 480 (8 giờ).",
      message_en: "Minutes «481» must be a whole number from 1 to 480 (8 hours).",
    });
  });

  it("quotes values readably", () => {
    expect(quoteValue(null)).toBe("(trống/empty)");
    expect(quoteValue(12)).toBe("«12»");
    expect(quoteValue(new Date(Date.UTC(2026, 1, 13)))).toBe("«2026-02-13T00:00:00.000Z»");
    expect(quoteValue("x".repeat(100))).toBe(`«${"x".repeat(77)}…»`);
  });
});
