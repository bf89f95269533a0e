// The summary one import reports (CLI --json, web upload, tests): the ETL's public contract.
import type { ImportKind } from "~/lib/db/types";

export type ImportStatus = "loaded" | "already_loaded" | "dry_run" | "rejected";

export interface IssueSummary {
  code: string;
  count: number;
  message_vi: string;
  message_en: string;
  /** The first lines it occurred on. */
  lines: number[];
}

/** One rejected row as the summary shows it; the stored copy (core.rejected_row) also keeps raw. */
export interface RejectSample {
  line: number;
  column: string | null;
  reason_code: string;
  message_vi: string;
  message_en: string;
}

export const MAX_SAMPLE_REJECTS = 20;

export interface ImportSummary {
  file: string;
  /** The workbook sheet this batch read; null for a CSV. */
  sheet: string | null;
  sha256: string;
  kind: ImportKind;
  batch_id: number | null;
  status: ImportStatus;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: IssueSummary[];
  /** Rows below the header that are not records (totals, signature block), by reason; not stored. */
  skipped: Partial<Record<"total_row" | "signature_block", number>>;
  dropped_columns: { name: string; personal_data: boolean }[];
  /** Which header fed which field (and, for a field the title gives, the title), in file order. */
  columns: { header: string; field: string }[];
  /** The first rejected rows by line (at most MAX_SAMPLE_REJECTS), so a dry run can show them. */
  sample_rejects: RejectSample[];
  /** Earlier batches whose figures this batch replaced (dossiers: same commune × month × procedure). */
  replaced_batches: number[];
  months: string[];
  /** Why nothing was loaded (file-level problem, --strict with rejects, or an error). */
  error: { code: string; message_vi: string; message_en: string } | null;
  timings_ms: Record<string, number>;
}

const MAX_LINES_PER_ISSUE = 20;

/** Aggregates row issues by code, keeping the first message and lines of each. */
export class IssueTally {
  private byCode = new Map<string, IssueSummary>();

  add(issue: { reason_code: string; message_vi: string; message_en: string }, line: number): void {
    const entry = this.byCode.get(issue.reason_code);
    if (!entry) {
      this.byCode.set(issue.reason_code, {
        code: issue.reason_code,
        count: 1,
        message_vi: issue.message_vi,
        message_en: issue.message_en,
        lines: [line],
      });
      return;
    }
    entry.count++;
    if (entry.lines.length < MAX_LINES_PER_ISSUE) entry.lines.push(line);
  }

  list(): IssueSummary[] {
    return [...this.byCode.values()].sort(
      (a, b) => b.count - a.count || a.code.localeCompare(b.code),
    );
  }
}
