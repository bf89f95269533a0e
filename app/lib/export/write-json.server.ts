// JSON: { "meta": stamp, "columns": [...], "rows": [{...}, ...] }, streamed row by row so a large
// extract never exists as one string. Non-finite numbers become null (JSON has no NaN).
import type { Writable } from "node:stream";
import { TEXT_CHUNK_CHARS, eachRow, writeChunk } from "./byte-sink.server";
import type { ExportDataset, ExportRow } from "./dataset";

function rowJson(names: readonly string[], row: ExportRow): string {
  const picked: ExportRow = {};
  for (const name of names) {
    const value = row[name] ?? null;
    picked[name] = typeof value === "number" && !Number.isFinite(value) ? null : value;
  }
  return JSON.stringify(picked);
}

export async function writeJson(dataset: ExportDataset, out: Writable): Promise<void> {
  const names = dataset.columns.map((column) => column.name);
  const columns = dataset.columns.map(({ name, type, nullable, description }) => ({
    name,
    type,
    nullable: nullable ?? false,
    ...(description ? { description } : {}),
  }));
  let buffer = `{"meta":${JSON.stringify(dataset.stamp)},"columns":${JSON.stringify(columns)},"rows":[`;
  let first = true;
  for await (const row of eachRow(dataset.rows)) {
    buffer += (first ? "\n" : ",\n") + rowJson(names, row);
    first = false;
    if (buffer.length >= TEXT_CHUNK_CHARS) {
      await writeChunk(out, buffer);
      buffer = "";
    }
  }
  await writeChunk(out, buffer + "\n]}\n");
}
