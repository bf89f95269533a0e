// Reporting completeness: for each commune and month of the period, which kinds of data arrived
// (assistance records, volunteer shifts, dossier statistics). A month with none of them is a
// month the commune sent nothing.
import type { UnitType } from "~/lib/db/types";
import { compareVietnamese } from "~/lib/format/collation";

export const ARRIVAL_KINDS = ["assistance", "shifts", "dossiers"] as const;
export type ArrivalKind = (typeof ARRIVAL_KINDS)[number];

/** How complete one commune × month is: all three kinds, some of them, or nothing. */
export type CellStatus = "complete" | "partial" | "nothing";
export const CELL_STATUSES: readonly CellStatus[] = ["complete", "partial", "nothing"];

export interface CompletenessCommune {
  code: string;
  name: string;
  unit_type: UnitType;
}

/** One commune × month where at least one kind arrived. */
export interface Arrival {
  commune_code: string;
  month: string;
  assistance: boolean;
  shifts: boolean;
  dossiers: boolean;
}

export interface CompletenessCell {
  commune_code: string;
  commune_name: string;
  unit_type: UnitType;
  month: string;
  assistance: boolean;
  shifts: boolean;
  dossiers: boolean;
  status: CellStatus;
}

export interface CommuneGaps {
  code: string;
  name: string;
  unit_type: UnitType;
  /** Months in which the commune sent nothing at all. */
  months_nothing: string[];
  /** Months without each kind (months_nothing included). */
  missing: Record<ArrivalKind, number>;
}

export interface Completeness {
  months: string[];
  /** Communes (Vietnamese name order) × months, row by row. */
  cells: CompletenessCell[];
  /** Communes with at least one month that lacks some kind, Vietnamese name order. */
  gaps: CommuneGaps[];
  communes_total: number;
  cells_nothing: number;
  cells_partial: number;
}

export function statusOf(arrival: Pick<Arrival, ArrivalKind>): CellStatus {
  const count = ARRIVAL_KINDS.filter((kind) => arrival[kind]).length;
  return count === ARRIVAL_KINDS.length ? "complete" : count === 0 ? "nothing" : "partial";
}

export function buildCompleteness(
  communes: readonly CompletenessCommune[],
  months: readonly string[],
  arrivals: readonly Arrival[],
): Completeness {
  const byKey = new Map(arrivals.map((a) => [`${a.commune_code}|${a.month}`, a]));
  const sorted = [...communes].sort((a, b) => compareVietnamese(a.name, b.name));
  const cells: CompletenessCell[] = [];
  const gaps: CommuneGaps[] = [];
  for (const commune of sorted) {
    const gap: CommuneGaps = {
      code: commune.code,
      name: commune.name,
      unit_type: commune.unit_type,
      months_nothing: [],
      missing: { assistance: 0, shifts: 0, dossiers: 0 },
    };
    for (const month of months) {
      const arrival = byKey.get(`${commune.code}|${month}`);
      const kinds = {
        assistance: arrival?.assistance ?? false,
        shifts: arrival?.shifts ?? false,
        dossiers: arrival?.dossiers ?? false,
      };
      const status = statusOf(kinds);
      cells.push({
        commune_code: commune.code,
        commune_name: commune.name,
        unit_type: commune.unit_type,
        month,
        ...kinds,
        status,
      });
      if (status === "nothing") gap.months_nothing.push(month);
      for (const kind of ARRIVAL_KINDS) if (!kinds[kind]) gap.missing[kind] += 1;
    }
    if (ARRIVAL_KINDS.some((kind) => gap.missing[kind] > 0)) gaps.push(gap);
  }
  return {
    months: [...months],
    cells,
    gaps,
    communes_total: sorted.length,
    cells_nothing: cells.filter((cell) => cell.status === "nothing").length,
    cells_partial: cells.filter((cell) => cell.status === "partial").length,
  };
}
