// One web import at a time in this server (ADR 012). Imports take the ETL lock, a transaction and
// a pooled connection for as long as they read the file; ten 48 MB previews at once once held
// every connection, and the pages of everyone else timed out waiting for one. Behind this gate a
// web import holds at most one connection — the rest of the pool stays for pages — and a second
// upload is told at once that another import is running, and since when, instead of queueing.
import { ImportBusyError } from "~/lib/etl/import-file.server";

let runningSince: Date | null = null;

/** Runs the import unless one is running here already; throws ImportBusyError then. */
export async function runWebImport<T>(run: () => Promise<T>): Promise<T> {
  if (runningSince) throw new ImportBusyError(runningSince);
  runningSince = new Date();
  try {
    return await run();
  } finally {
    runningSince = null;
  }
}

/** "14:05, 04/12/2026" in Vietnam's time: how the busy message names the other import's start. */
export function formatImportStart(since: Date): string {
  const parts = new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour12: false,
  }).formatToParts(since);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("hour")}:${part("minute")}, ${part("day")}/${part("month")}/${part("year")}`;
}
