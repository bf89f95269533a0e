// Arrow IPC stream: one schema message (with the stamp as schema metadata), then record batches of
// about 10,000 rows built with persistent column builders. Dictionary columns keep one growing
// dictionary, so later batches send only the new values (delta dictionary batches). Batches flow
// through apache-arrow's Node duplex into the response with back-pressure.
import {
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  DateDay,
  TimestampMillisecond,
  Utf8,
  makeBuilder,
  makeData,
  type Builder,
  type DataType,
} from "apache-arrow";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eachRow, waitForDrain } from "./byte-sink.server";
import type { ExportColumn, ExportDataset } from "./dataset";
import { intValue } from "./int-value";
import { stampMetadata } from "./stamp";

export const ARROW_BATCH_ROWS = 10_000;

function arrowType(column: ExportColumn, dictionaryId: number): DataType {
  switch (column.type) {
    case "int":
      return column.int64 ? new Int64() : new Int32();
    case "float":
      return new Float64();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMillisecond();
    case "month":
      return new Utf8();
    case "string":
      return column.dictionary ? new Dictionary(new Utf8(), new Int32(), dictionaryId) : new Utf8();
  }
}

export function arrowSchema(dataset: ExportDataset): Schema {
  const fields = dataset.columns.map((column, index) => {
    const metadata = column.description ? new Map([["description", column.description]]) : null;
    return new Field(column.name, arrowType(column, index), column.nullable ?? false, metadata);
  });
  return new Schema(fields, new Map(stampMetadata(dataset.stamp, dataset.columns)));
}

/** A row value as the builder of `column` takes it. */
function arrowValue(column: ExportColumn, value: string | number | null): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "int":
      return intValue(column, value);
    case "float": {
      const number = Number(value);
      return Number.isNaN(number) ? null : number;
    }
    case "date":
    case "timestamp": {
      const time = new Date(value).getTime();
      if (Number.isNaN(time)) throw new TypeError(`${column.name}: not a date: ${value}`);
      return time;
    }
    case "month":
    case "string":
      return String(value);
  }
}

async function* recordBatches(dataset: ExportDataset): AsyncGenerator<RecordBatch> {
  const schema = arrowSchema(dataset);
  const struct = new Struct(schema.fields);
  const builders: Builder[] = schema.fields.map((field) =>
    makeBuilder({ type: field.type, nullValues: [null] }),
  );
  const columns = dataset.columns;
  let length = 0;
  const flush = () => {
    const children = builders.map((builder) => builder.flush());
    const batch = new RecordBatch(schema, makeData({ type: struct, length, children }));
    length = 0;
    return batch;
  };
  for await (const row of eachRow(dataset.rows)) {
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index]!;
      builders[index]!.append(arrowValue(column, row[column.name] ?? null));
    }
    length += 1;
    if (length === ARROW_BATCH_ROWS) yield flush();
  }
  // A stream with no rows still carries the schema (and so the stamp): one empty batch.
  yield flush();
  for (const builder of builders) builder.finish();
}

export async function writeArrow(dataset: ExportDataset, out: Writable): Promise<void> {
  const encoder = RecordBatchStreamWriter.throughNode();
  const piped = pipeline(encoder, out);
  try {
    for await (const batch of recordBatches(dataset)) {
      if (!encoder.write(batch)) await waitForDrain(encoder);
    }
    encoder.end();
  } catch (error) {
    encoder.destroy(error as Error);
    await piped.catch(() => undefined);
    throw error;
  }
  await piped;
}
