// The commune page's fixed lists and sizes. Free of database code, so components can use them.
import type { AgeBand, HelpType } from "~/lib/db/types";
import type { MessageKey } from "~/lib/i18n/catalog-vi";

/** How many procedures the page's "top procedures" table lists. */
export const TOP_PROCEDURES = 10;

export const REACH_GROUPS = ["minority", "elderly", "female"] as const;
export type ReachGroup = (typeof REACH_GROUPS)[number];

export const AGE_BANDS: readonly AgeBand[] = ["under_18", "18_34", "35_59", "60_plus", "unknown"];

export const HELP_TYPES: readonly HelpType[] = [
  "guidance",
  "form_filling",
  "vneid",
  "scanning",
  "payment",
  "other",
];

/** ISO weekdays, Monday first, and their names. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_KEYS: Record<number, MessageKey> = {
  1: "commune.weekday.1",
  2: "commune.weekday.2",
  3: "commune.weekday.3",
  4: "commune.weekday.4",
  5: "commune.weekday.5",
  6: "commune.weekday.6",
  7: "commune.weekday.7",
};
