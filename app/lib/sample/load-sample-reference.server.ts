import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { parseSampleReference, type SampleReference } from "./sample-reference";

export const DEFAULT_REFERENCE_DIR = fileURLToPath(
  new URL("../../../sql/reference/", import.meta.url),
);

/** Reads the reference CSVs the sample needs, for one province. */
export async function loadSampleReference(
  provinceCode: string,
  referenceDir: string = DEFAULT_REFERENCE_DIR,
): Promise<SampleReference> {
  const read = (name: string) => readFile(join(referenceDir, name), "utf8");
  const [provincesCsv, communesCsv, ethnicGroupsCsv, proceduresCsv] = await Promise.all([
    read("vn_provinces_2025.csv"),
    read("vn_communes_2025.csv"),
    read("vn_ethnic_groups.csv"),
    read("common_citizen_procedures.csv"),
  ]);
  return parseSampleReference(
    { provincesCsv, communesCsv, ethnicGroupsCsv, proceduresCsv },
    provinceCode,
  );
}
