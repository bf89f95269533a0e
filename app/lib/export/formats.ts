// What each download format is on the wire: its media type and file extension. Free of Node APIs
// so links and routes can list the formats without pulling in the writers.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import type { FilterIssue } from "~/lib/url-params/filter-issues";
import { EXPORT_FORMATS, type ExportFormat } from "./dataset";

export interface ExportFormatInfo {
  contentType: string;
  extension: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  },
  // The IPC *stream* format (pyarrow.ipc.open_stream, apache-arrow tableFromIPC).
  arrow: { contentType: "application/vnd.apache.arrow.stream", extension: "arrow" },
  parquet: { contentType: "application/vnd.apache.parquet", extension: "parquet" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
};

/** The formats a page offers as links (JSON is for the API). */
export const PAGE_DOWNLOAD_FORMATS = [
  "csv",
  "xlsx",
  "arrow",
  "parquet",
] as const satisfies readonly ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

type DownloadParams<Name extends string> =
  { ok: true; name: Name; format: ExportFormat; issues: [] } | { ok: false; issues: FilterIssue[] };

/**
 * The two parameters a page's download takes beside the page's own filter: which of its tables
 * (`table`, `dataset` on the compare page) and the file format. Bad values are filter issues, so
 * the route reports them together with the filter's own in one 400.
 */
export function parseDownloadParams<Name extends string>(
  searchParams: URLSearchParams,
  choice: { param: string; isName: (value: string) => value is Name; messageKey?: MessageKey },
  formatMessageKey: MessageKey = "filter.error.invalid",
): DownloadParams<Name> {
  const name = searchParams.get(choice.param) ?? "";
  const format = searchParams.get("format") ?? "";
  const issues: FilterIssue[] = [];
  if (!choice.isName(name)) {
    const message_key = choice.messageKey ?? "filter.error.invalid";
    issues.push({ param: choice.param, message_key, value: name });
  }
  if (!isExportFormat(format)) {
    issues.push({ param: "format", message_key: formatMessageKey, value: format });
  }
  if (!choice.isName(name) || !isExportFormat(format)) return { ok: false, issues };
  return { ok: true, name, format, issues: [] };
}
