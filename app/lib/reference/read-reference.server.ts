// Reads the reference CSVs shipped in sql/reference/ into the ref.* row types. The files are
// small (the largest is 3,321 rows), so they are read whole.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type {
  CommunePredecessorTable,
  CommuneTable,
  EthnicGroupTable,
  ProcedureTable,
  ProvinceTable,
} from "~/lib/db/types";
import { buildCommunePredecessors, type PredecessorBuild } from "./parse-formed-from";

export interface ReferenceData {
  provinces: ProvinceTable[];
  communes: CommuneTable[];
  predecessors: CommunePredecessorTable[];
  /** formed_from pieces that name no commune-level unit (villages, a firing range). */
  predecessorsSkipped: PredecessorBuild["skipped"];
  ethnicGroups: EthnicGroupTable[];
  procedures: ProcedureTable[];
}

const text = z.string().trim();
const optionalText = text.transform((s) => (s === "" ? null : s));
const optionalNumber = text.transform((s, ctx) => {
  if (s === "") return null;
  const n = Number(s);
  if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: `not a number: ${s}` });
  return n;
});
const requiredNumber = optionalNumber
  .refine((n) => n !== null, "required")
  .transform((n) => n ?? 0);
const flag = z.enum(["true", "false"]).transform((s) => s === "true");

const ProvinceCsvRowSchema = z.object({
  code: text.regex(/^\d{2}$/),
  name: text,
  name_en: text,
  full_name: text,
  unit_type: z.enum(["tinh", "thanh_pho"]),
  n_units: requiredNumber,
  area_km2: optionalNumber,
  population: optionalNumber,
  formed_from: text,
});

const CommuneCsvRowSchema = z.object({
  code: text.regex(/^\d{5}$/),
  province_code: text.regex(/^\d{2}$/),
  name: text,
  name_en: text,
  full_name: text,
  full_name_en: text,
  unit_type: z.enum(["phuong", "xa", "dac_khu"]),
  area_km2: optionalNumber,
  area_km2_geom: optionalNumber,
  area_check: text,
  population: optionalNumber,
  population_quality: z.enum(["ok", "suspect_lt_1000", "missing", ""]),
  formed_from: text,
  admin_center_note: optionalText,
});

const EthnicGroupCsvRowSchema = z.object({
  code: text.regex(/^\d{2}$/),
  name_vi: text,
  name_vi_variants: text,
  name_en: text,
  name_en_alt: optionalText,
  code_1979: text.regex(/^\d{2}$/),
  language_group_vi: text,
  language_group_en: text,
  is_majority: flag,
});

const ProcedureCsvRowSchema = z.object({
  code: text.regex(/^\d\.\d{6}$/),
  name: text,
  ministry: optionalText,
  field: optionalText,
  commune_level: flag,
  channel_online: flag,
});

const CommonProcedureCsvRowSchema = z.object({
  code: text.regex(/^\d\.\d{6}$/),
  category: text.min(1),
  label_vi: text.min(1),
  label_en: text.min(1),
});

// Procedures off the curated shortlist get a group from their catalogue field (lĩnh vực).
const GROUP_BY_FIELD: Record<string, string> = {
  "Hộ tịch": "ho_tich",
  "Chứng thực": "chung_thuc",
  "Đăng ký, quản lý cư trú": "cu_tru",
  "Cấp, quản lý căn cước": "dinh_danh",
  "Định danh và xác thực điện tử": "dinh_danh",
  "Lý lịch tư pháp": "ly_lich_tu_phap",
  "Đất đai": "dat_dai",
  "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)": "kinh_doanh",
  "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng": "phuong_tien",
  "Cấp sổ BHXH, thẻ BHYT": "bhxh_bhyt",
  "Thực hiện chính sách BHXH": "bhxh_bhyt",
  "Thực hiện chính sách BHYT": "bhxh_bhyt",
  "Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN": "bhxh_bhyt",
  "Chi trả các chế độ BHXH": "bhxh_bhyt",
};

/**
 * Populations the source notes (SOURCES.md) call wrong although their own flag says "ok": they
 * are flagged so no per-capita figure divides by them.
 */
const SUSPECT_POPULATION_NOTED: Record<string, "suspect_noted"> = {
  // Phường Bình Thuận (Lâm Đồng): 3,776 people, declared area 250.55 km² vs 45.03 measured.
  "22960": "suspect_noted",
};

export const OTHER_PROCEDURE: ProcedureTable = {
  code: "other",
  name: "Thủ tục khác (ngoài danh mục)",
  ministry: null,
  field: null,
  commune_level: false,
  channel_online: false,
  procedure_group: "other",
  label_vi: "Thủ tục khác",
  label_en: "Other procedure",
  is_common: false,
};

async function readCsv<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T[]> {
  const records = parse(await readFile(path.join(dir, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as unknown[];
  return records.map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      throw new Error(`${file} line ${i + 2}: ${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
}

export async function readReferenceData(dir = "sql/reference"): Promise<ReferenceData> {
  const [provinceRows, communeRows, ethnicRows, procedureRows, commonRows] = await Promise.all([
    readCsv(dir, "vn_provinces_2025.csv", ProvinceCsvRowSchema),
    readCsv(dir, "vn_communes_2025.csv", CommuneCsvRowSchema),
    readCsv(dir, "vn_ethnic_groups.csv", EthnicGroupCsvRowSchema),
    readCsv(dir, "vn_admin_procedures_dvcqg.csv", ProcedureCsvRowSchema),
    readCsv(dir, "common_citizen_procedures.csv", CommonProcedureCsvRowSchema),
  ]);

  const communes: CommuneTable[] = communeRows.map((r) => ({
    code: r.code,
    province_code: r.province_code,
    name: r.name,
    name_ascii: r.name_en,
    full_name: r.full_name,
    full_name_en: r.full_name_en,
    unit_type: r.unit_type,
    area_km2: r.area_km2,
    area_km2_geom: r.area_km2_geom,
    area_check: r.area_check,
    population: r.population,
    population_quality:
      r.population === null
        ? "missing"
        : (SUSPECT_POPULATION_NOTED[r.code] ??
          (r.population_quality === "" ? "ok" : r.population_quality)),
    formed_from: r.formed_from,
    // "đang cập nhật" (being updated) is a placeholder, not a note.
    admin_center_note: r.admin_center_note === "đang cập nhật" ? null : r.admin_center_note,
  }));
  const { predecessors, skipped } = buildCommunePredecessors(communes);

  const common = new Map(commonRows.map((r) => [r.code, r]));
  const procedures: ProcedureTable[] = procedureRows.map((r) => {
    const curated = common.get(r.code);
    return {
      ...r,
      procedure_group: curated?.category ?? GROUP_BY_FIELD[r.field ?? ""] ?? "other",
      label_vi: curated?.label_vi ?? null,
      label_en: curated?.label_en ?? null,
      is_common: curated !== undefined,
    };
  });
  const missing = [...common.keys()].filter((code) => !procedureRows.some((r) => r.code === code));
  if (missing.length > 0) {
    throw new Error(
      `common_citizen_procedures.csv lists codes not in the catalogue: ${missing.join(", ")}`,
    );
  }

  return {
    provinces: provinceRows,
    communes,
    predecessors,
    predecessorsSkipped: skipped,
    ethnicGroups: ethnicRows.map(({ name_vi_variants, ...r }) => ({
      ...r,
      name_variants: name_vi_variants,
    })),
    procedures: [...procedures, OTHER_PROCEDURE],
  };
}
