// What each download format is on the wire: its media type and file extension. Free of Node APIs
// so links and routes can list the formats without pulling in the writers.
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
