// Parquet with hyparquet-writer's ParquetWriter: the dataset's column batches (ADR 019) are written
// one row group each, and the group's bytes go to the response before the next batch is read, so
// memory holds one row group, not the extract. The stamp is the file's key-value metadata.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { Writable } from "node:stream";
import { writeChunk } from "./byte-sink.server";
import { columnBatchesOf } from "./column-batches";
import type { ExportColumn, ExportDataset } from "./dataset";
import { intValue } from "./int-value";
import { stampMetadata } from "./stamp";
import { timeMillis } from "./time-value";

// hyparquet (the reader hyparquet-writer builds on) is not a direct dependency; take its type from
// the writer's signature.
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

export const PARQUET_ROW_GROUP_ROWS = 50_000;

/** A ByteWriter that hands its bytes to the response after every row group and at the end. */
class ResponseByteWriter extends ByteWriter {
  constructor(private readonly out: Writable) {
    super(1 << 20);
  }

  flush(): Promise<void> {
    const chunk = new Uint8Array(this.buffer, 0, this.index).slice();
    this.index = 0;
    return writeChunk(this.out, chunk);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

function schemaElement(column: ExportColumn): SchemaElement {
  const repetition_type = column.nullable ? "OPTIONAL" : "REQUIRED";
  const name = column.name;
  switch (column.type) {
    case "int":
      return { name, type: column.int64 ? "INT64" : "INT32", repetition_type };
    case "float":
      return { name, type: "DOUBLE", repetition_type };
    case "date":
      return { name, type: "INT32", converted_type: "DATE", repetition_type };
    case "timestamp":
      return { name, type: "INT64", converted_type: "TIMESTAMP_MILLIS", repetition_type };
    case "month":
    case "string":
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
  }
}

export function parquetSchema(columns: readonly ExportColumn[]): SchemaElement[] {
  return [{ name: "root", num_children: columns.length }, ...columns.map(schemaElement)];
}

function parquetValue(column: ExportColumn, value: string | number | null): unknown {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new TypeError(`${column.name}: null in a non-null column`);
    return null;
  }
  switch (column.type) {
    case "int":
      return intValue(column, value);
    case "float":
      return Number(value);
    case "date":
    case "timestamp": {
      const time = timeMillis(value);
      if (Number.isNaN(time)) throw new TypeError(`${column.name}: not a date: ${value}`);
      // hyparquet-writer takes a timestamp's milliseconds as they are; a DATE needs a Date.
      return column.type === "timestamp" ? time : new Date(time);
    }
    case "month":
    case "string":
      return String(value);
  }
}

export async function writeParquet(dataset: ExportDataset, out: Writable): Promise<void> {
  const columns = dataset.columns;
  const writer = new ParquetWriter({
    writer: new ResponseByteWriter(out),
    schema: parquetSchema(columns),
    kvMetadata: stampMetadata(dataset.stamp, columns).map(([key, value]) => ({ key, value })),
    createdBy: "cau-noi-so (hyparquet-writer)",
  });
  for await (const batch of columnBatchesOf(dataset, PARQUET_ROW_GROUP_ROWS)) {
    // One row group per batch, its columns converted a column at a time; the group's bytes reach
    // the response (ResponseByteWriter.flush) before the next batch is read.
    await writer.write({
      columnData: columns.map((column, index) => ({
        name: column.name,
        data: (batch.columns[index] ?? []).map((value) => parquetValue(column, value ?? null)),
      })),
      rowGroupSize: batch.length,
    });
  }
  await writer.finish();
}
