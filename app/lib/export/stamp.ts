// The stamp (filters, data as-of time, last batch, generation time) in the forms the writers
// carry it: key/value metadata for Arrow and Parquet, HTTP headers for every format (CSV has no
// place for metadata that spreadsheet readers would not choke on).
import type { ExportColumn, ExportStamp } from "./dataset";

/** Metadata keys shared by Arrow schema metadata and Parquet key-value metadata. */
export function stampMetadata(
  stamp: ExportStamp,
  columns: readonly ExportColumn[],
): Array<[string, string]> {
  return [
    ["cns.dataset", stamp.dataset],
    ["cns.filters", JSON.stringify(stamp.filters)],
    ["cns.as_of", stamp.as_of ?? ""],
    ["cns.last_batch_id", stamp.last_batch_id === null ? "" : String(stamp.last_batch_id)],
    ["cns.generated_at", stamp.generated_at],
    [
      "cns.columns",
      JSON.stringify(
        columns.map(({ name, type, nullable, description }) => ({
          name,
          type,
          nullable: nullable ?? false,
          description: description ?? null,
        })),
      ),
    ],
  ];
}

/**
 * Header values must be ASCII: every character outside printable ASCII (and "%" itself) is
 * percent-encoded as UTF-8, so `decodeURIComponent` restores the value.
 */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x24\x26-\x7E]/gu, (char) => encodeURIComponent(char));
}

export function stampHeaders(stamp: ExportStamp): Record<string, string> {
  return {
    "X-CNS-Dataset": headerSafe(stamp.dataset),
    "X-CNS-Filters": headerSafe(JSON.stringify(stamp.filters)),
    "X-CNS-As-Of": stamp.as_of ?? "",
    "X-CNS-Last-Batch": stamp.last_batch_id === null ? "" : String(stamp.last_batch_id),
    "X-CNS-Generated-At": stamp.generated_at,
  };
}

/** An ASCII file name (diacritics dropped, đ → d, anything else → "_") for old clients. */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** `attachment` with an ASCII `filename` and the exact name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}
