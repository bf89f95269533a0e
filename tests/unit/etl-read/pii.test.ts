import { describe, expect, it } from "vitest";
import { classifyPersonalHeader, MASK, maskPersonalValue } from "~/lib/etl/read/pii";

describe("classifyPersonalHeader", () => {
  const cases: [string, string][] = [
    ["Họ tên", "full_name"],
    ["Họ và tên", "full_name"],
    ["HỌ VÀ TÊN CÔNG DÂN", "full_name"],
    ["Tên công dân", "full_name"],
    ["Full name", "full_name"],
    ["Name", "full_name"],
    ["Tên", "full_name"],
    ["Tên TNV", "full_name"],
    ["Người được hỗ trợ", "full_name"],
    ["CCCD", "citizen_id"],
    ["Số CCCD/CMND", "citizen_id"],
    ["CMND", "citizen_id"],
    ["Số định danh cá nhân", "citizen_id"],
    ["Căn cước", "citizen_id"],
    ["Citizen ID", "citizen_id"],
    ["ID number", "citizen_id"],
    ["SĐT", "phone"],
    ["Số điện thoại", "phone"],
    ["Điện thoại liên hệ", "phone"],
    ["Phone", "phone"],
    ["Mobile", "phone"],
    ["Địa chỉ", "address"],
    ["Address", "address"],
    ["Nơi ở hiện tại", "address"],
    ["Thường trú", "address"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Ngày sinh", "date_of_birth"],
    ["Ngày tháng năm sinh", "date_of_birth"],
    ["Date of birth", "date_of_birth"],
  ];
  for (const [header, kind] of cases) {
    it(`recognises "${header}" as ${kind}`, () => {
      expect(classifyPersonalHeader(header)).toBe(kind);
      expect(classifyPersonalHeader(header.normalize("NFD").toUpperCase())).toBe(kind);
    });
  }

  it("leaves ordinary columns alone", () => {
    for (const header of [
      "STT",
      "Ghi chú",
      "Thông tin thêm",
      "Năm sinh",
      "Tên thủ tục",
      "Xã",
      "Ngày hỗ trợ",
      "",
    ]) {
      expect(classifyPersonalHeader(header), header).toBeNull();
    }
  });
});

describe("maskPersonalValue", () => {
  it("masks citizen IDs and phone numbers in any common spelling", () => {
    expect(maskPersonalValue("068123456789")).toBe(MASK);
    expect(maskPersonalValue("CCCD 068 123 456 789 đã kiểm tra")).toBe(`CCCD ${MASK} đã kiểm tra`);
    expect(maskPersonalValue("0912345678")).toBe(MASK);
    expect(maskPersonalValue("gọi 0912.345.678 nhé")).toBe(`gọi ${MASK} nhé`);
    expect(maskPersonalValue("+84 912 345 678")).toBe(MASK);
    expect(maskPersonalValue("84912345678")).toBe(MASK);
    expect(maskPersonalValue("09 12 34 56 78")).toBe(MASK);
    expect(maskPersonalValue("0263 3822 123")).toBe(MASK);
    expect(maskPersonalValue("Đội 4 (0987654321)")).toBe(`Đội 4 (${MASK})`);
  });

  it("keeps codes, dates and numbers that are not IDs or phones", () => {
    for (const value of [
      "1.001193",
      "01/07/2025 08:30",
      "2025-07-01 08:30:00",
      "HS-2025-000123",
      "15",
      "68",
      "1234567",
    ]) {
      expect(maskPersonalValue(value)).toBe(value);
    }
  });

  it("masks a hamlet or house address, but not a word that merely contains one (cấp, thấp)", () => {
    expect(maskPersonalValue("Thôn 3, Xã Lạc Dương")).toBe(`${MASK}, Xã Lạc Dương`);
    expect(maskPersonalValue("ấp Bình Thạnh")).toBe(MASK);
    for (const value of [
      "Đề nghị cấp giấy chứng nhận",
      "Cấp Phiếu lý lịch tư pháp",
      "Cấp tài khoản định danh điện tử mức độ 2 (VNeID)",
      "Đăng ký hưởng trợ cấp xã hội",
    ])
      expect(maskPersonalValue(value)).toBe(value);
  });

  it("does not mask part of a longer digit run", () => {
    expect(maskPersonalValue("12345678901234")).toBe("12345678901234");
  });
});
