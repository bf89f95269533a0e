// The audit page reads its details in words (issue 12, item 7): labels, coded values, commune
// names, numbers and times in the reader's format; unknown keys and values stay as stored.
import { describe, expect, it } from "vitest";
import { auditCommuneCodes, describeAuditDetails } from "~/components/admin/audit-details";
import { getFormatter } from "~/lib/i18n/formatter";
import { createTranslator } from "~/lib/i18n/translate";

const context = {
  t: createTranslator("vi"),
  fmt: getFormatter("vi"),
  communeName: (code: string) => ({ "24778": "Phường Lâm Viên - Đà Lạt" })[code] ?? code,
  reasonName: (code: string) => `lý do ${code}`,
};

describe("describeAuditDetails", () => {
  it("names keys and coded values in Vietnamese", () => {
    expect(describeAuditDetails("login.success", { via: "demo" }, context)).toBe(
      "Qua: tài khoản trình diễn",
    );
    expect(describeAuditDetails("login.failure", { reason: "wrong_password" }, context)).toBe(
      "Lý do: sai mật khẩu",
    );
    expect(
      describeAuditDetails(
        "user.add",
        { role: "secretary", communes: ["24778"], demo: false },
        context,
      ),
    ).toBe(
      "Vai trò: Bí thư Đoàn xã · Đơn vị: Phường Lâm Viên - Đà Lạt · Tài khoản trình diễn: không",
    );
  });

  it("writes a download's filters as words, not JSON, and counts in vi-VN", () => {
    const text = describeAuditDetails(
      "download",
      {
        format: "xlsx",
        filters: { commune: ["24778", "99999"], from: "2026-01" },
        rows: 12345,
        outcome: "complete",
      },
      context,
    );
    expect(text).toBe(
      "Định dạng: xlsx · Bộ lọc: Đơn vị: Phường Lâm Viên - Đà Lạt, 99999; Từ tháng: 2026-01 · Số dòng: 12.345 · Kết quả: hoàn tất",
    );
    expect(text).not.toMatch(/[{}"]/);
  });

  it("names a reject reason by the quality page's names, and keeps what it does not know", () => {
    expect(
      describeAuditDetails("rejects.view", { reason: "minutes_out_of_range", page: 2 }, context),
    ).toBe("Lý do: lý do minutes_out_of_range · Trang: 2");
    expect(describeAuditDetails("future.event", { colour: "teal" }, context)).toBe("colour: teal");
    expect(describeAuditDetails("logout", {}, context)).toBe("—");
  });

  it("finds the commune codes an entry names", () => {
    expect(
      auditCommuneCodes({
        communes: ["24778"],
        filters: { commune: ["24846"], from: "2026-01" },
        rows: 12345,
      }),
    ).toEqual(["24778", "24846"]);
  });
});
