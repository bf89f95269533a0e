// Parquet with hyparquet-writer's row API: rows are pulled from the dataset one row group at a
// time, encoded, and the group's bytes go to the response before the next group is read, so memory
// holds one row group, not the extract. The stamp is the file's key-value metadata.
import { ByteWriter, parquetWriteRows } from "hyparquet-writer";
import type { Writable } from "node:stream";
import { eachRow, writeChunk } from "./byte-sink.server";
import type { ExportColumn, ExportDataset, ExportRow } from "./dataset";
import { intValue } from "./int-value";
import { stampMetadata } from "./stamp";

// hyparquet (the reader hyparquet-writer builds on) is not a direct dependency; take its type from
// the writer's signature.
type SchemaElement = NonNullable<Parameters<typeof parquetWriteRows>[0]["schema"]>[number];

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
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) throw new TypeError(`${column.name}: not a date: ${value}`);
      return date;
    }
    case "month":
    case "string":
      return String(value);
  }
}

async function* parquetRows(dataset: ExportDataset): AsyncGenerator<Record<string, unknown>> {
  const columns = dataset.columns;
  for await (const row of eachRow(dataset.rows)) {
    const converted: Record<string, unknown> = {};
    for (const column of columns) {
      converted[column.name] = parquetValue(column, (row as ExportRow)[column.name] ?? null);
    }
    yield converted;
  }
}

export async function writeParquet(dataset: ExportDataset, out: Writable): Promise<void> {
  await parquetWriteRows({
    writer: new ResponseByteWriter(out),
    rows: parquetRows(dataset),
    columns: dataset.columns.map((column) => ({ name: column.name })),
    schema: parquetSchema(dataset.columns),
    rowGroupSize: PARQUET_ROW_GROUP_ROWS,
    kvMetadata: stampMetadata(dataset.stamp, dataset.columns).map(([key, value]) => ({
      key,
      value,
    })),
    createdBy: "cau-noi-so (hyparquet-writer)",
  });
}
