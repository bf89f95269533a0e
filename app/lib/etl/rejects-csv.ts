import { csvRow, UTF8_BOM } from "~/lib/format/csv";
import type { RejectRow } from "./batches.server";

const HEADER = ["batch_id", "line", "column", "reason_code", "message_vi", "message_en", "raw"];

export function rejectsToCsv(rows: readonly RejectRow[]): string {
  return (
    UTF8_BOM +
    csvRow(HEADER) +
    rows
      .map((r) =>
        csvRow([
          r.batch_id,
          r.line,
          r.column_name,
          r.reason_code,
          r.message_vi,
          r.message_en,
          JSON.stringify(r.raw),
        ]),
      )
      .join("")
  );
}
