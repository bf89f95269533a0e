// One commune × year population profile → a staging.population_profile row.
import type { PopulationProfileTable } from "~/lib/db/types";
import { normalizeCount, normalizeYear } from "~/lib/etl/normalize/numbers";
import { makeIssue } from "~/lib/etl/reasons";
import {
  hashFields,
  parseWith,
  resolved,
  type RowContext,
  type RowResult,
  type RowValues,
} from "./row-context";

export type StagedPopulationRow = Omit<PopulationProfileTable, "batch_id" | "source_line">;

const MIN_YEAR = 2000;
const PARTS = ["population_minority", "population_elderly", "population_female"] as const;

export function parsePopulationRow(
  values: RowValues,
  ctx: RowContext,
): RowResult<StagedPopulationRow> {
  return parseWith((b) => {
    const commune_code = resolved(b, ctx.communes.resolve(b.requiredKey(values, "commune")));
    const maxYear = new Date(ctx.now.getTime() + 7 * 3_600_000).getUTCFullYear() + 1;
    const year = b.take(
      normalizeYear(b.required(values, "year"), "year", { min: MIN_YEAR, max: maxYear }),
    );
    const count = (field: string) => b.take(normalizeCount(b.required(values, field), field));
    const population_total = count("population_total");
    const [population_minority, population_elderly, population_female] = PARTS.map((field) => {
      const value = count(field);
      if (value > population_total) {
        b.reject(
          makeIssue("population_inconsistent", field, { field, value, total: population_total }),
        );
      }
      return value;
    }) as [number, number, number];
    const row = {
      commune_code,
      year,
      population_total,
      population_minority,
      population_elderly,
      population_female,
    };
    return { ...row, row_hash: hashFields(Object.values(row)) };
  });
}
