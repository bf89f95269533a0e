// CSV: UTF-8 BOM, a header row of column names, RFC 4180 rows, formula-looking text neutralized
// (csv.ts). Streamed in ~64 kB chunks. A dataset whose lines the database already formatted
// (csvLines, ADR 019) is streamed as it comes, behind the same BOM and header.
import type { Writable } from "node:stream";
import { TEXT_CHUNK_CHARS, eachRow, writeChunk } from "./byte-sink.server";
import { UTF8_BOM, csvRow } from "~/lib/format/csv";
import type { ExportDataset } from "./dataset";

export async function writeCsv(dataset: ExportDataset, out: Writable): Promise<void> {
  const names = dataset.columns.map((column) => column.name);
  let buffer = UTF8_BOM + csvRow(names);
  if (dataset.csvLines) {
    await writeChunk(out, buffer);
    for await (const chunk of dataset.csvLines) await writeChunk(out, chunk.bytes);
    return;
  }
  for await (const row of eachRow(dataset.rows)) {
    buffer += csvRow(names.map((name) => row[name] ?? null));
    if (buffer.length >= TEXT_CHUNK_CHARS) {
      await writeChunk(out, buffer);
      buffer = "";
    }
  }
  await writeChunk(out, buffer);
}
