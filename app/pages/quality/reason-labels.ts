// Short names for the reasons a row can be rejected with: every error of app/lib/etl/reasons.ts,
// the reader's row problems and the in-file duplicate check. The full message of each rejected
// row (with its own values) is stored with the row; these name the group.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { REASONS, type ReasonCode } from "~/lib/etl/reasons";
import type { RowProblemCode } from "~/lib/etl/read/types";

/** Reason codes that reject a row (warnings keep it, so they never reach core.rejected_row). */
export const REJECT_REASON_CODES = [
  ...(Object.keys(REASONS) as ReasonCode[]).filter((code) => REASONS[code].severity === "error"),
  "ragged_row",
  "field_too_long",
  "duplicate_in_file",
] as const satisfies readonly (ReasonCode | RowProblemCode | "duplicate_in_file")[];

const KNOWN = new Set<string>(REJECT_REASON_CODES);

/** The catalog key naming `code`, or null for a code this version does not know. */
export function reasonLabelKey(code: string): MessageKey | null {
  return KNOWN.has(code) ? (`quality.reason.${code}` as MessageKey) : null;
}
