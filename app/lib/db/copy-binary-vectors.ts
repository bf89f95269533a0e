// A binary COPY stream decoded straight into columnar buffers shaped as Arrow lays them out (ADR
// 019): no JavaScript value per cell. Text is copied byte for byte into one buffer per column and
// batch with an offset per row; a column with few distinct values becomes dictionary codes, the
// bytes of each value sent once, in the batch it first appears in; integers land in typed arrays.
// The Arrow writer wraps the buffers as vectors (export/write-arrow.server.ts); nothing here knows
// Arrow.
import { copyBinaryBatches } from "./copy-binary";

/** How a column is laid out: 32- or 64-bit integers, UTF-8 text, or dictionary-coded text. */
export type VectorKind = "int32" | "int64" | "utf8" | "dictionary";

/** Which rows hold a value (bit set, least significant first), or null when every row does. */
export interface Validity {
  bitmap: Uint8Array | null;
  nullCount: number;
}

/** Texts as one UTF-8 buffer and the offset where each ends (offsets[0] = 0). */
export interface Utf8Buffers {
  offsets: Int32Array;
  bytes: Uint8Array;
}

export type ColumnVector =
  | { kind: "int32"; values: Int32Array; validity: Validity }
  | { kind: "int64"; values: BigInt64Array; validity: Validity }
  | ({ kind: "utf8"; validity: Validity } & Utf8Buffers)
  /** `added`: the dictionary's values first seen in this batch, coded from where the last ended. */
  | { kind: "dictionary"; codes: Int32Array; added: Utf8Buffers; validity: Validity };

export interface VectorBatch {
  length: number;
  vectors: ColumnVector[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Values' bytes appended one at a time, the buffer and the offsets growing by doubling. */
class ByteRun {
  bytes: Buffer;
  length = 0;
  offsets: Int32Array;
  count = 0;

  constructor(capacity: number, values: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
    this.offsets = new Int32Array(values + 1);
  }

  push(input: Buffer, start: number, end: number): void {
    this.room();
    const size = end - start;
    if (this.length + size > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + size));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    input.copy(this.bytes, this.length, start, end);
    this.length += size;
    this.offsets[++this.count] = this.length;
  }

  /** An empty slot (a NULL row of a text column). */
  skip(): void {
    this.room();
    this.offsets[this.count + 1] = this.offsets[this.count]!;
    this.count += 1;
  }

  private room(): void {
    if (this.count + 2 <= this.offsets.length) return;
    const grown = new Int32Array(this.offsets.length * 2);
    grown.set(this.offsets);
    this.offsets = grown;
  }

  buffers(): Utf8Buffers {
    return {
      offsets: this.offsets.subarray(0, this.count + 1),
      bytes: this.bytes.subarray(0, this.length),
    };
  }
}

/** Marks NULL rows of one column in one batch. */
class NullMarks {
  private bitmap: Uint8Array | null = null;
  private nulls = 0;

  constructor(private readonly rows: number) {}

  mark(row: number): void {
    if (!this.bitmap) this.bitmap = new Uint8Array(Math.ceil(this.rows / 8)).fill(0xff);
    this.bitmap[row >> 3]! &= ~(1 << (row & 7));
    this.nulls += 1;
  }

  validity(length: number): Validity {
    if (!this.bitmap) return { bitmap: null, nullCount: 0 };
    const bitmap = this.bitmap.subarray(0, Math.ceil(length / 8));
    // Bits past the last row are padding: cleared, as a bitmap built row by row leaves them.
    if (length % 8 !== 0) bitmap[bitmap.length - 1]! &= (1 << (length % 8)) - 1;
    return { bitmap, nullCount: this.nulls };
  }
}

/** One column's buffers for the batch being filled. */
interface ColumnFill {
  put(input: Buffer, start: number, size: number, row: number): void;
  finish(length: number): ColumnVector;
}

function int32Fill(rows: number, name: string): ColumnFill {
  const values = new Int32Array(rows);
  const nulls = new NullMarks(rows);
  return {
    put(input, start, size, row) {
      if (size < 0) return nulls.mark(row);
      if (size !== 2 && size !== 4 && size !== 8) throw new Error(`${name}: ${size}-byte integer`);
      const value =
        size === 2
          ? input.readInt16BE(start)
          : size === 4
            ? input.readInt32BE(start)
            : Number(input.readBigInt64BE(start));
      if (value < INT32_MIN || value > INT32_MAX) throw new RangeError(`${name}: ${value}`);
      values[row] = value;
    },
    finish: (length) => ({
      kind: "int32",
      values: values.subarray(0, length),
      validity: nulls.validity(length),
    }),
  };
}

function int64Fill(rows: number, name: string): ColumnFill {
  const values = new BigInt64Array(rows);
  const nulls = new NullMarks(rows);
  return {
    put(input, start, size, row) {
      if (size < 0) return nulls.mark(row);
      if (size === 8) values[row] = input.readBigInt64BE(start);
      else if (size === 4) values[row] = BigInt(input.readInt32BE(start));
      else if (size === 2) values[row] = BigInt(input.readInt16BE(start));
      else throw new Error(`${name}: ${size}-byte integer`);
    },
    finish: (length) => ({
      kind: "int64",
      values: values.subarray(0, length),
      validity: nulls.validity(length),
    }),
  };
}

function utf8Fill(rows: number): ColumnFill {
  const run = new ByteRun(rows * 16, rows);
  const nulls = new NullMarks(rows);
  return {
    put(input, start, size, row) {
      if (size < 0) {
        nulls.mark(row);
        run.skip();
      } else run.push(input, start, start + size);
    },
    finish: (length) => ({ kind: "utf8", ...run.buffers(), validity: nulls.validity(length) }),
  };
}

/** A dictionary column's values across the stream, by their bytes read as a Latin-1 key. */
type DictionaryCodes = Map<string, number>;

function dictionaryFill(rows: number, codes: DictionaryCodes): ColumnFill {
  const indices = new Int32Array(rows);
  const added = new ByteRun(1024, 64);
  const nulls = new NullMarks(rows);
  return {
    put(input, start, size, row) {
      if (size < 0) return nulls.mark(row);
      const key = input.toString("latin1", start, start + size);
      let code = codes.get(key);
      if (code === undefined) {
        code = codes.size;
        codes.set(key, code);
        added.push(input, start, start + size);
      }
      indices[row] = code;
    },
    finish: (length) => ({
      kind: "dictionary",
      codes: indices.subarray(0, length),
      added: added.buffers(),
      validity: nulls.validity(length),
    }),
  };
}

/**
 * A binary COPY stream as vector batches of `batchRows` rows (the last one shorter; none for no
 * rows). The select list must match `columns` one to one; their names label errors.
 */
export function copyBinaryVectors(
  chunks: AsyncIterable<Uint8Array>,
  columns: readonly { name: string; kind: VectorKind }[],
  batchRows: number,
): AsyncGenerator<VectorBatch> {
  const dictionaries = columns.map(() => new Map<string, number>());
  return copyBinaryBatches(chunks, columns.length, batchRows, () => {
    const fills = columns.map(({ name, kind }, index): ColumnFill => {
      if (kind === "int32") return int32Fill(batchRows, name);
      if (kind === "int64") return int64Fill(batchRows, name);
      if (kind === "utf8") return utf8Fill(batchRows);
      return dictionaryFill(batchRows, dictionaries[index]!);
    });
    return {
      put: (index, input, start, size, row) => fills[index]!.put(input, start, size, row),
      finish: (length) => ({ length, vectors: fills.map((fill) => fill.finish(length)) }),
    };
  });
}
