// The commune page's fixed lists and sizes. Free of database code, so components can use them.
import type { AgeBand, HelpType } from "~/lib/db/types";

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
