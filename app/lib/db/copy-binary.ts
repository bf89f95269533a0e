// Reading COPY … TO STDOUT WITH (FORMAT binary) as it streams (PostgreSQL docs, "COPY", "Binary
// Format"): a 19-byte header, then per tuple a 16-bit field count and, per field, a 32-bit length
// (-1 for NULL) and the bytes; a field count of -1 ends the data. The record-level CSV extract
// (ADR 019) selects (record_id, line) and sends each tuple's last field untouched: binary COPY
// passes the database's bytes through as they are, where text and CSV COPY would escape or quote
// the line again. The walk only reads lengths; it never decodes a value.

/** "PGCOPY\n\377\r\n\0" */
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
const HEADER_FIXED = SIGNATURE.length + 8;

export interface CopiedLines {
  /** The last field of each tuple in the chunk, concatenated. */
  bytes: Buffer;
  /** How many tuples those bytes hold. */
  rows: number;
}

/** One input chunk's complete tuples: per tuple its field count, then (start, length) per field. */
interface TupleSpans {
  input: Buffer;
  /** [fields, start₁, length₁, …, fields, …]; a length of -1 is NULL. */
  spans: number[];
  tuples: number;
}

/** Walks a binary COPY stream, a chunk at a time (tuples cut by a boundary wait for the next). */
async function* copyBinaryTuples(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TupleSpans> {
  let pending: Buffer = Buffer.alloc(0);
  let headerRead = false;
  let finished = false;
  for await (const chunk of chunks) {
    if (finished) continue;
    const input: Buffer =
      pending.length === 0
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.concat([pending, chunk]);
    let at = 0;
    if (!headerRead) {
      if (input.length < HEADER_FIXED) {
        pending = input;
        continue;
      }
      if (!input.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
        throw new Error("not a binary COPY stream");
      }
      const extension = input.readUInt32BE(SIGNATURE.length + 4);
      if (input.length < HEADER_FIXED + extension) {
        pending = input;
        continue;
      }
      at = HEADER_FIXED + extension;
      headerRead = true;
    }
    const spans: number[] = [];
    let tuples = 0;
    for (;;) {
      if (input.length - at < 2) break;
      const fields = input.readInt16BE(at);
      if (fields === -1) {
        finished = true;
        at += 2;
        break;
      }
      const mark = spans.length;
      spans.push(fields);
      let cursor = at + 2;
      let complete = true;
      for (let field = 0; field < fields; field += 1) {
        if (input.length - cursor < 4) {
          complete = false;
          break;
        }
        const length = input.readInt32BE(cursor);
        cursor += 4;
        if (length > 0 && input.length - cursor < length) {
          complete = false;
          break;
        }
        spans.push(cursor, length);
        if (length > 0) cursor += length;
      }
      if (!complete) {
        spans.length = mark;
        break;
      }
      tuples += 1;
      at = cursor;
    }
    // Copy the unread tail: it must not pin the whole input chunk until the next one arrives.
    pending = at < input.length && !finished ? Buffer.from(input.subarray(at)) : Buffer.alloc(0);
    if (tuples > 0) yield { input, spans, tuples };
  }
  if (!finished) throw new Error("the binary COPY stream ended inside its data");
}

/**
 * The last field of every tuple of a binary COPY stream, a chunk per chunk of input. A NULL last
 * field contributes nothing. Throws on a stream that is not binary COPY or that ends inside a
 * tuple.
 */
export async function* copyBinaryLastFields(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<CopiedLines> {
  for await (const { input, spans, tuples } of copyBinaryTuples(chunks)) {
    const parts: Buffer[] = [];
    for (let at = 0; at < spans.length;) {
      const fields = spans[at]!;
      const start = spans[at + 1 + 2 * (fields - 1)]!;
      const length = spans[at + 2 + 2 * (fields - 1)]!;
      if (fields > 0 && length > 0) parts.push(input.subarray(start, start + length));
      at += 1 + 2 * fields;
    }
    yield { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts), rows: tuples };
  }
}

/**
 * How a column's binary field is read: a big-endian integer of its length; UTF-8 text; or
 * "interned" text, for columns with few distinct values (codes, names, months), where every
 * occurrence of the same bytes gives the same string instance, so a batch of millions of cells
 * allocates one string per distinct value instead of one per cell.
 */
export type CopyFieldKind = "int" | "text" | "interned";

/** Distinct values an interned column remembers; past it, new values are decoded each time. */
const INTERN_LIMIT = 65_536;

/**
 * One column's distinct values, keyed by their bytes read as Latin-1: a one-byte string V8 makes
 * and hashes natively and the scavenger frees at once, where UTF-8 decoding builds a string that
 * the batch keeps.
 */
class TextInterner {
  private readonly byBytes = new Map<string, string>();

  text(input: Buffer, start: number, end: number): string {
    const key = input.toString("latin1", start, end);
    let text = this.byBytes.get(key);
    if (text === undefined) {
      text = input.toString("utf8", start, end);
      if (this.byBytes.size < INTERN_LIMIT) this.byBytes.set(key, text);
    }
    return text;
  }
}

/** One batch being filled: each field of each row is handed over as the stream is walked. */
export interface BatchFill<B> {
  put(index: number, input: Buffer, start: number, size: number, row: number): void;
  /** The batch of the first `length` rows put. */
  finish(length: number): B;
}

/**
 * A binary COPY stream's tuples as batches of `batchRows` rows (the last one shorter; none for no
 * rows), each filled in place across input chunks by a fresh BatchFill. Every tuple must have
 * `fields` fields. The column decoders below and copy-binary-vectors.ts fill their own kinds.
 */
export async function* copyBinaryBatches<B>(
  chunks: AsyncIterable<Uint8Array>,
  fields: number,
  batchRows: number,
  fresh: () => BatchFill<B>,
): AsyncGenerator<B> {
  let fill = fresh();
  let row = 0;
  for await (const { input, spans } of copyBinaryTuples(chunks)) {
    for (let at = 0; at < spans.length;) {
      const count = spans[at]!;
      if (count !== fields) throw new Error(`expected ${fields} fields, got ${count}`);
      for (let index = 0; index < count; index += 1) {
        fill.put(index, input, spans[at + 1 + 2 * index]!, spans[at + 2 + 2 * index]!, row);
      }
      at += 1 + 2 * count;
      row += 1;
      if (row === batchRows) {
        yield fill.finish(row);
        fill = fresh();
        row = 0;
      }
    }
  }
  if (row > 0) yield fill.finish(row);
}

/**
 * A binary COPY stream as column batches of `batchRows` rows (the last one shorter; none for no
 * rows), filled in place across input chunks: integers of 2, 4 or 8 bytes as numbers, text as
 * strings (interned where asked), NULL as null. The select list must match `kinds` one to one.
 */
export function copyBinaryColumns(
  chunks: AsyncIterable<Uint8Array>,
  kinds: readonly CopyFieldKind[],
  batchRows: number,
): AsyncGenerator<{ length: number; columns: (string | number | null)[][] }> {
  const interners = kinds.map((kind) => (kind === "interned" ? new TextInterner() : null));
  const decode = (index: number, input: Buffer, start: number, size: number) => {
    const kind = kinds[index];
    if (kind === "interned") return interners[index]!.text(input, start, start + size);
    if (kind === "text") return input.toString("utf8", start, start + size);
    if (size === 2) return input.readInt16BE(start);
    if (size === 4) return input.readInt32BE(start);
    if (size === 8) return Number(input.readBigInt64BE(start));
    throw new Error(`an integer field of ${size} bytes`);
  };
  return copyBinaryBatches(chunks, kinds.length, batchRows, () => {
    const columns = kinds.map(() => new Array<string | number | null>(batchRows));
    return {
      put(index, input, start, size, row) {
        columns[index]![row] = size < 0 ? null : decode(index, input, start, size);
      },
      finish(length) {
        if (length < batchRows) for (const values of columns) values.length = length;
        return { length, columns };
      },
    };
  });
}
