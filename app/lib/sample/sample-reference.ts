// The slice of sql/reference/ the sample generator reads, parsed from CSV text (pure: the
// files are read by load-sample-reference.server.ts).
import { parse } from "csv-parse/sync";
import { z } from "zod";

const optionalNumber = z
  .string()
  .transform((s) => (s.trim() === "" ? null : Number(s)))
  .pipe(z.number().nonnegative().nullable());

export const ReferenceCommuneSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  province_code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  name_en: z.string(),
  full_name: z.string().min(1),
  unit_type: z.enum(["phuong", "xa", "dac_khu"]),
  unit_type_vi: z.string(),
  area_km2: optionalNumber,
  population: optionalNumber,
  population_quality: z.string(),
  formed_from: z.string(),
});
export type ReferenceCommune = z.infer<typeof ReferenceCommuneSchema>;

export const ReferenceProvinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string(),
  code_name: z.string(),
});
export type ReferenceProvince = z.infer<typeof ReferenceProvinceSchema>;

export const ReferenceEthnicGroupSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name_vi: z.string().min(1),
  name_vi_variants: z.string(),
});
export type ReferenceEthnicGroup = z.infer<typeof ReferenceEthnicGroupSchema>;

export const ReferenceProcedureSchema = z.object({
  code: z.string().min(1),
  category: z.string().min(1),
  label_vi: z.string().min(1),
  channel_online: z.enum(["true", "false"]).transform((s) => s === "true"),
});
export type ReferenceProcedure = z.infer<typeof ReferenceProcedureSchema>;

export interface SampleReference {
  province: ReferenceProvince;
  /** The chosen province's communes, ordered by code. */
  communes: ReferenceCommune[];
  /** Full names of units in nearby provinces, for rows that name a commune outside the province. */
  foreignCommuneNames: string[];
  ethnicGroups: ReferenceEthnicGroup[];
  procedures: ReferenceProcedure[];
}

export interface SampleReferenceTexts {
  provincesCsv: string;
  communesCsv: string;
  ethnicGroupsCsv: string;
  proceduresCsv: string;
}

function parseCsvRows<T>(text: string, schema: z.ZodType<T>, what: string): T[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as unknown[];
  return records.map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      throw new Error(`${what}, data row ${i + 1}: ${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
}

export function parseSampleReference(
  texts: SampleReferenceTexts,
  provinceCode: string,
): SampleReference {
  const provinces = parseCsvRows(texts.provincesCsv, ReferenceProvinceSchema, "provinces");
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`unknown province code ${provinceCode}`);
  const allCommunes = parseCsvRows(texts.communesCsv, ReferenceCommuneSchema, "communes");
  const communes = allCommunes
    .filter((c) => c.province_code === provinceCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const localNames = new Set(communes.map((c) => c.name));
  const neighbours = provinces
    .filter((p) => p.code !== provinceCode)
    .sort(
      (a, b) =>
        Math.abs(Number(a.code) - Number(provinceCode)) -
          Math.abs(Number(b.code) - Number(provinceCode)) || a.code.localeCompare(b.code),
    )
    .slice(0, 3)
    .map((p) => p.code);
  const foreignCommuneNames = neighbours.flatMap((code) =>
    allCommunes
      .filter((c) => c.province_code === code && !localNames.has(c.name))
      .slice(0, 4)
      .map((c) => c.full_name),
  );
  return {
    province,
    communes,
    foreignCommuneNames,
    ethnicGroups: parseCsvRows(texts.ethnicGroupsCsv, ReferenceEthnicGroupSchema, "ethnic groups"),
    procedures: parseCsvRows(texts.proceduresCsv, ReferenceProcedureSchema, "procedures"),
  };
}
