// A Lâm Đồng row context built from the shipped reference data, with a fixed "now".
import { createCommuneResolver } from "~/lib/etl/resolve/commune-resolver";
import { createEthnicityResolver } from "~/lib/etl/resolve/ethnicity-resolver";
import { createProcedureResolver } from "~/lib/etl/resolve/procedure-resolver";
import type { RowContext } from "~/lib/etl/rows/row-context";
import { pseudonymiser } from "~/lib/etl/pseudonym.server";
import { EMPTY_VOCABULARY } from "~/lib/etl/vocabulary";
import { loadReferenceData } from "./reference-data";

// 2026-03-01 12:00 in Ho Chi Minh City.
export const NOW = new Date("2026-03-01T05:00:00Z");

export async function createLamDongContext(deriveIds = false): Promise<RowContext> {
  const ref = await loadReferenceData();
  return {
    provinceCode: "68",
    communes: createCommuneResolver({
      communes: ref.communes,
      predecessors: ref.predecessors,
      provinces: ref.provinces,
      provinceCode: "68",
    }),
    ethnicity: createEthnicityResolver(ref.ethnicGroups),
    procedures: createProcedureResolver(ref.procedures),
    deriveIds,
    now: NOW,
    pseudonymise: pseudonymiser(Buffer.alloc(32, 7)),
    vocabulary: EMPTY_VOCABULARY,
  };
}
