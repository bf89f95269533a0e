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

/**
 * The last field of every tuple of a binary COPY stream, a chunk per chunk of input (tuples cut
 * by a chunk boundary wait for the next). A NULL last field contributes nothing. Throws on a
 * stream that is not binary COPY or that ends inside a tuple.
 */
export async function* copyBinaryLastFields(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<CopiedLines> {
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
    const parts: Buffer[] = [];
    let rows = 0;
    for (;;) {
      if (input.length - at < 2) break;
      const fields = input.readInt16BE(at);
      if (fields === -1) {
        finished = true;
        at += 2;
        break;
      }
      let cursor = at + 2;
      let last: Buffer | null = null;
      let complete = true;
      for (let field = 0; field < fields; field += 1) {
        if (input.length - cursor < 4) {
          complete = false;
          break;
        }
        const length = input.readInt32BE(cursor);
        cursor += 4;
        if (length === -1) {
          last = null;
          continue;
        }
        if (input.length - cursor < length) {
          complete = false;
          break;
        }
        last = input.subarray(cursor, cursor + length);
        cursor += length;
      }
      if (!complete) break;
      if (last) parts.push(last);
      rows += 1;
      at = cursor;
    }
    // Copy the unread tail: it must not pin the whole input chunk until the next one arrives.
    pending = at < input.length && !finished ? Buffer.from(input.subarray(at)) : Buffer.alloc(0);
    if (rows > 0) yield { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts), rows };
  }
  if (!finished) throw new Error("the binary COPY stream ended inside its data");
}
