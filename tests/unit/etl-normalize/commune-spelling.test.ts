import { describe, expect, it } from "vitest";
import { provinceKeys, readCommuneSpelling } from "~/lib/etl/resolve/commune-spelling";

const keys = provinceKeys([
  { code: "68", name: "Lâm Đồng", formed_from: "tỉnh Đắk Nông, tỉnh Bình Thuận và tỉnh Lâm Đồng" },
  { code: "01", name: "Hà Nội", formed_from: "giữ nguyên" },
]);
const read = (text: string) => readCommuneSpelling(text, "68", keys);

describe("readCommuneSpelling", () => {
  it.each([
    ["024848", { kind: "code", code: "24848" }],
    ["24846.0", { kind: "code", code: "24846" }],
    ["UBND xã Lạc Dương", { kind: "text", text: "xã Lạc Dương" }],
    [
      "Trung tâm PVHCC phường Lâm Viên - Đà Lạt",
      { kind: "text", text: "phường Lâm Viên - Đà Lạt" },
    ],
    ["TT Di Linh", { kind: "text", text: "Thị trấn Di Linh" }],
    ["ĐK Phú Quý", { kind: "text", text: "Đặc khu Phú Quý" }],
    ["P1 Bảo Lộc", { kind: "text", text: "Phường 1 Bảo Lộc" }],
    ["Xã Đam Rông IV", { kind: "text", text: "Xã Đam Rông 4" }],
    ["Xã Tà Nung, TP Đà Lạt", { kind: "text", text: "Xã Tà Nung (TP Đà Lạt)" }],
    ["Xã Di Linh, tỉnh Lâm Đồng", { kind: "text", text: "Xã Di Linh" }],
    ["Xã Krông Nô, tỉnh Đắk Nông", { kind: "text", text: "Xã Krông Nô (tỉnh Đắk Nông)" }],
    ["Phường Ba Đình, Hà Nội", { kind: "other_province", provinceCode: "01" }],
    [
      "Xã Tân Thành (H. Krông Nô, tỉnh Đắk Nông)",
      { kind: "text", text: "Xã Tân Thành (H. Krông Nô, tỉnh Đắk Nông)" },
    ],
  ] as const)("%s", (input, expected) => {
    expect(read(input)).toEqual(expected);
  });
});
