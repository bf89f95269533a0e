// Picks the row parser for an import kind; the loader stays kind-agnostic.
import type { ImportKind } from "~/lib/db/types";
import { parseAssistanceRow } from "./parse-assistance-row";
import { parseDossierRow } from "./parse-dossier-row";
import { parsePopulationRow } from "./parse-population-row";
import { parseShiftRow } from "./parse-shift-row";
import type { RowContext, RowResult, RowValues } from "./row-context";

type StagedRow = Record<string, string | number | null>;

const PARSERS: Record<ImportKind, (values: RowValues, ctx: RowContext) => RowResult<object>> = {
  assistance: parseAssistanceRow,
  shifts: parseShiftRow,
  dossiers: parseDossierRow,
  population: parsePopulationRow,
};

export function parseRow(
  kind: ImportKind,
  values: RowValues,
  ctx: RowContext,
): RowResult<StagedRow> {
  return PARSERS[kind](values, ctx) as RowResult<StagedRow>;
}
