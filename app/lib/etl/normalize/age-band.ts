// The age band of the person helped, from a band label, an age, or a birth year. A birth year is
// turned into an age by the year of assistance alone (no birth date is collected), so someone
// born in 1966 and helped in 2026 counts as 60.
import type { AgeBand } from "~/lib/db/types";
import { makeIssue } from "~/lib/etl/reasons";
import { foldKey } from "~/lib/etl/text";
import { cellText, type CellValue, type Normalized } from "./normalized";
import { readCount } from "./numbers";

const MAX_AGE = 120;

// Labels are matched after foldKey, with the symbols foldKey would drop spelled out first.
const LABELS: [RegExp, AgeBand][] = [
  [/^(?:duoi|under|tu 0 den|0 den|0) 18(?: tuoi)?$/, "under_18"],
  [/^(?:tu )?18 (?:den )?34(?: tuoi)?$/, "18_34"],
  [/^(?:tu )?35 (?:den )?59(?: tuoi)?$/, "35_59"],
  [
    /^(?:(?:tren|tu|over) 60(?: tuoi)?(?: tro len)?|60(?: tuoi)? (?:tro len|plus|and over))$/,
    "60_plus",
  ],
  [/^(?:unknown|khong ro|chua ro|khong xac dinh)$/, "unknown"],
];

function readBandLabel(text: string): AgeBand | null {
  const spelled = text
    .replace(/<=?|≤/g, " duoi ")
    .replace(/>=|≥/g, " tu ")
    .replace(/>/g, " tren ")
    .replace(/\+/g, " tro len ");
  const key = foldKey(spelled);
  return LABELS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

export function bandOfAge(age: number): AgeBand {
  if (age < 18) return "under_18";
  if (age < 35) return "18_34";
  if (age < 60) return "35_59";
  return "60_plus";
}

export interface AgeCells {
  age_band?: CellValue;
  birth_year?: CellValue;
  age?: CellValue;
}

/** Band label first, then age, then birth year (relative to `referenceYear`); none → 'unknown'. */
export function normalizeAgeBand(cells: AgeCells, referenceYear: number): Normalized<AgeBand> {
  const label = cellText(cells.age_band);
  if (label !== null) {
    const band = readBandLabel(label);
    if (band === null) {
      const allowed = ["under_18", "18_34", "35_59", "60_plus"];
      return {
        ok: false,
        error: makeIssue("enum_invalid", "age_band", {
          value: cells.age_band,
          field: "age_band",
          allowed,
          allowed_vi: ["Dưới 18", "18-34", "35-59", "Trên 60"],
        }),
      };
    }
    if (band !== "unknown") return { ok: true, value: band };
  }
  const ageText = cellText(cells.age);
  if (ageText !== null) {
    const age = readCount(
      typeof cells.age === "number" ? cells.age : ageText.replace(/\s*tuổi$/iu, ""),
    );
    if (age === null || age > MAX_AGE) {
      return {
        ok: false,
        error: makeIssue("age_invalid", "age", { value: cells.age, field: "age" }),
      };
    }
    return { ok: true, value: bandOfAge(age) };
  }
  if (cellText(cells.birth_year) !== null) {
    const year =
      cells.birth_year instanceof Date
        ? cells.birth_year.getUTCFullYear()
        : readCount(cells.birth_year);
    const age = year === null ? null : referenceYear - year;
    if (age === null || age < 0 || age > MAX_AGE) {
      return {
        ok: false,
        error: makeIssue("age_invalid", "birth_year", {
          value: cells.birth_year,
          field: "birth_year",
        }),
      };
    }
    return { ok: true, value: bandOfAge(age) };
  }
  return { ok: true, value: "unknown" };
}
