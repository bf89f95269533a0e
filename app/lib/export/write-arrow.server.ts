// Arrow IPC stream: one schema message (with the stamp as schema metadata), then record batches of
// up to ARROW_BATCH_ROWS rows, each column's vector built from the batch's values in one go (ADR
// 019), not appended row by row — or, for a dataset that offers them (the record-level extract on
// PostgreSQL), wrapped from buffers already laid out as Arrow's. Dictionary columns keep one
// growing dictionary, so later batches send only the new values (delta dictionary batches).
// Batches flow through apache-arrow's Node duplex into the response with back-pressure.
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
  Vector,
  makeData,
  type Data,
  type DataType,
} from "apache-arrow";
import type { Writable } from "node:stream";
import type { ColumnVector, VectorBatch, VectorKind } from "~/lib/db/copy-binary-vectors";
import { pipeline } from "node:stream/promises";
import { waitForDrain } from "./byte-sink.server";
import { columnBatchesOf } from "./column-batches";
import type { ExportColumn, ExportDataset } from "./dataset";
import { intValue } from "./int-value";
import { stampMetadata } from "./stamp";
import { timeMillis } from "./time-value";

// Rows per record batch. Each batch is held twice while it is built (values, then Arrow
// buffers); at 65,536 rows a 319k-record extract grew the server by ~210 MB (bench:web).
export const ARROW_BATCH_ROWS = 16_384;

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
      const time = timeMillis(value);
      if (Number.isNaN(time)) throw new TypeError(`${column.name}: not a date: ${value}`);
      return time;
    }
    case "month":
    case "string":
      return String(value);
  }
}

/** Validity bitmap of a column's values (LSB first), or null when none is null. */
function validity(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
  let nullCount = 0;
  for (const value of values) if (value === null) nullCount += 1;
  if (nullCount === 0) return { nullCount };
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, index) => {
    if (value !== null) nullBitmap[index >> 3]! |= 1 << (index & 7);
  });
  return { nullBitmap, nullCount };
}

/** Utf8 data for strings (null: an empty slot), encoded into one buffer. */
function utf8Data(values: readonly (string | null)[], type: Utf8 = new Utf8()): Data<Utf8> {
  let bytes = 0;
  for (const value of values) if (value !== null) bytes += Buffer.byteLength(value, "utf8");
  const data = Buffer.allocUnsafe(bytes);
  const valueOffsets = new Int32Array(values.length + 1);
  let at = 0;
  values.forEach((value, index) => {
    if (value !== null) at += data.write(value, at, "utf8");
    valueOffsets[index + 1] = at;
  });
  return makeData({ type, length: values.length, ...validity(values), valueOffsets, data });
}

/** Turns one batch's values of a column into its Arrow data; dictionary columns keep state. */
type ColumnEncoder = (values: readonly (string | number | null)[]) => Data;

function columnEncoder(column: ExportColumn, type: DataType): ColumnEncoder {
  const converted = (values: readonly (string | number | null)[]) =>
    values.map((value) => arrowValue(column, value ?? null));
  if (type instanceof Dictionary) {
    // One dictionary for the whole stream: each batch adds a chunk with the values first seen in
    // it, which the IPC writer sends as a delta dictionary batch.
    const codes = new Map<string, number>();
    const chunks: Data<Utf8>[] = [];
    return (values) => {
      const texts = converted(values) as (string | null)[];
      const indices = new Int32Array(texts.length);
      const added: string[] = [];
      texts.forEach((text, index) => {
        if (text === null) return;
        let code = codes.get(text);
        if (code === undefined) {
          code = codes.size;
          codes.set(text, code);
          added.push(text);
        }
        indices[index] = code;
      });
      if (added.length > 0 || chunks.length === 0) chunks.push(utf8Data(added));
      return makeData({
        type,
        length: texts.length,
        ...validity(texts),
        data: indices,
        dictionary: new Vector(chunks),
      });
    };
  }
  if (type instanceof Utf8) return (values) => utf8Data(converted(values) as (string | null)[]);
  const typed =
    (ArrayType: new (length: number) => Int32Array | Float64Array | BigInt64Array) =>
    (values: readonly (string | number | null)[]) => {
      const numbers = converted(values) as (number | null)[];
      const data = new ArrayType(numbers.length);
      numbers.forEach((number, index) => {
        if (number === null) return;
        if (data instanceof BigInt64Array) data[index] = BigInt(number);
        else data[index] = number;
      });
      return makeData({ type, length: numbers.length, ...validity(numbers), data } as never);
    };
  if (type instanceof Int64 || type instanceof TimestampMillisecond) return typed(BigInt64Array);
  if (type instanceof Float64) return typed(Float64Array);
  if (type instanceof DateDay) {
    const days = typed(Int32Array);
    return (values) =>
      days(
        values.map((value) => {
          const time = arrowValue(column, value ?? null) as number | null;
          return time === null ? null : Math.floor(time / 86_400_000);
        }),
      );
  }
  return typed(Int32Array);
}

/**
 * Record batches of the dataset's column batches (ARROW_BATCH_ROWS rows when gathered from rows),
 * each column's vector built from the batch's values at once.
 */
async function* recordBatches(dataset: ExportDataset): AsyncGenerator<RecordBatch> {
  const schema = arrowSchema(dataset);
  const struct = new Struct(schema.fields);
  const encoders = dataset.columns.map((column, index) =>
    columnEncoder(column, schema.fields[index]!.type),
  );
  const batchOf = (length: number, columns: readonly (string | number | null)[][]) =>
    new RecordBatch(
      schema,
      makeData({
        type: struct,
        length,
        children: encoders.map((encode, index) => encode(columns[index] ?? [])),
      }),
    );
  let any = false;
  for await (const batch of columnBatchesOf(dataset, ARROW_BATCH_ROWS)) {
    any = true;
    yield batchOf(batch.length, batch.columns);
  }
  // A stream with no rows still carries the schema (and so the stamp): one empty batch.
  if (!any) yield batchOf(0, []);
}

/** Turns one batch's buffers of a column into its Arrow data; dictionary columns keep state. */
type VectorEncoder = (vector: ColumnVector, length: number) => Data;

function bitmapOf(vector: ColumnVector) {
  const { bitmap, nullCount } = vector.validity;
  return bitmap ? { nullBitmap: bitmap, nullCount } : { nullCount };
}

function vectorEncoder(column: ExportColumn, type: DataType): VectorEncoder {
  const expect = <K extends ColumnVector["kind"]>(vector: ColumnVector, kind: K) => {
    if (vector.kind !== kind) throw new TypeError(`${column.name}: ${vector.kind}, not ${kind}`);
    return vector as Extract<ColumnVector, { kind: K }>;
  };
  if (type instanceof Dictionary) {
    // The dictionary grows by the values each batch adds, sent as delta dictionary batches.
    const chunks: Data<Utf8>[] = [];
    return (vector, length) => {
      const { codes, added } = expect(vector, "dictionary");
      if (added.offsets.length > 1 || chunks.length === 0) {
        chunks.push(
          makeData({
            type: new Utf8(),
            length: added.offsets.length - 1,
            nullCount: 0,
            valueOffsets: added.offsets,
            data: added.bytes,
          }),
        );
      }
      return makeData({
        type,
        length,
        ...bitmapOf(vector),
        data: codes,
        dictionary: new Vector(chunks),
      });
    };
  }
  if (type instanceof Utf8) {
    return (vector, length) => {
      const { offsets, bytes } = expect(vector, "utf8");
      return makeData({ type, length, ...bitmapOf(vector), valueOffsets: offsets, data: bytes });
    };
  }
  if (type instanceof Int64 || type instanceof TimestampMillisecond) {
    return (vector, length) =>
      makeData({
        type,
        length,
        ...bitmapOf(vector),
        data: expect(vector, "int64").values,
      } as never);
  }
  if (type instanceof Int32) {
    return (vector, length) =>
      makeData({ type, length, ...bitmapOf(vector), data: expect(vector, "int32").values });
  }
  throw new TypeError(`${column.name}: no vector layout for ${String(type)}`);
}

/** The kind of buffers a column's Arrow type is built from (the vector source's contract). */
export function vectorKindOf(column: ExportColumn): VectorKind {
  switch (column.type) {
    case "int":
      return column.int64 ? "int64" : "int32";
    case "timestamp":
      return "int64";
    case "string":
      return column.dictionary ? "dictionary" : "utf8";
    case "month":
      return "utf8";
    case "date":
    case "float":
      throw new TypeError(`${column.name}: ${column.type} columns have no vector layout`);
  }
}

/** Record batches wrapping the dataset's vector batches as they are. */
async function* vectorRecordBatches(
  dataset: ExportDataset,
  vectorBatches: AsyncIterable<VectorBatch>,
): AsyncGenerator<RecordBatch> {
  const schema = arrowSchema(dataset);
  const struct = new Struct(schema.fields);
  const encoders = dataset.columns.map((column, index) =>
    vectorEncoder(column, schema.fields[index]!.type),
  );
  let any = false;
  for await (const batch of vectorBatches) {
    any = true;
    const children = encoders.map((encode, index) => encode(batch.vectors[index]!, batch.length));
    yield new RecordBatch(schema, makeData({ type: struct, length: batch.length, children }));
  }
  if (!any) yield* recordBatches({ ...dataset, rows: [], columnBatches: undefined });
}

export async function writeArrow(dataset: ExportDataset, out: Writable): Promise<void> {
  const encoder = RecordBatchStreamWriter.throughNode();
  const piped = pipeline(encoder, out);
  try {
    const batches = dataset.vectorBatches
      ? vectorRecordBatches(dataset, dataset.vectorBatches)
      : recordBatches(dataset);
    for await (const batch of batches) {
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
