// The binary COPY readers of the record-level extract (ADR 019): whatever the chunk boundaries, the
// CSV's lines pass as sent, and columns decode to values or to Arrow-shaped buffers.
import { describe, expect, it } from "vitest";
import { copyBinaryColumns, copyBinaryLastFields, type CopyFieldKind } from "~/lib/db/copy-binary";
import { copyBinaryVectors, type Validity, type VectorBatch } from "~/lib/db/copy-binary-vectors";
import type { ColumnBatch } from "~/lib/export/dataset";
import { inlineParams, sqlLiteral } from "~/lib/db/sql-inline";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

function field(value: string | null): Buffer {
  if (value === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
  const bytes = Buffer.from(value, "utf8");
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function copyStream(tuples: (string | null)[][]): Buffer {
  const header = Buffer.concat([SIGNATURE, Buffer.alloc(4), Buffer.from([0, 0, 0, 2, 0xab, 0xcd])]);
  const body = tuples.map((tuple) => {
    const count = Buffer.alloc(2);
    count.writeInt16BE(tuple.length);
    return Buffer.concat([count, ...tuple.map(field)]);
  });
  return Buffer.concat([header, ...body, Buffer.from([0xff, 0xff])]);
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<{ text: string; rows: number }> {
  const parts: Buffer[] = [];
  let rows = 0;
  for await (const chunk of copyBinaryLastFields(chunks)) {
    parts.push(chunk.bytes);
    rows += chunk.rows;
  }
  return { text: Buffer.concat(parts).toString("utf8"), rows };
}

describe("copyBinaryLastFields", () => {
  const tuples = [
    ["R1", 'R1,"a ""b""",Đội\r\n'],
    ["R2", "R2,'=x,\r\n"],
    ["R3", null],
    ["", "last\r\n"],
  ];
  const stream = copyStream(tuples);

  it("gives the last fields in order, at every chunk size down to one byte", async () => {
    for (const size of [1, 2, 3, 5, 7, 19, 25, 64, stream.length]) {
      expect(await readAll(chunked(stream, size))).toEqual({
        text: 'R1,"a ""b""",Đội\r\nR2,\'=x,\r\nlast\r\n',
        rows: 4,
      });
    }
  });

  it("refuses what is not binary COPY, or stops inside a tuple", async () => {
    await expect(readAll(chunked(Buffer.from("R1,x\r\n".repeat(5)), 8))).rejects.toThrow(
      "not a binary COPY stream",
    );
    await expect(readAll(chunked(stream.subarray(0, stream.length - 4), 8))).rejects.toThrow(
      "ended inside its data",
    );
  });
});

describe("inlineParams", () => {
  it("escapes text, arrays, numbers and null, and leaves strings and comments alone", () => {
    expect(sqlLiteral("it's a \\ test")).toBe("E'it\\'s a \\\\ test'");
    expect(sqlLiteral(['a"b', "c\\d", "e'f"])).toBe(`E'{"a\\\\"b","c\\\\\\\\d","e\\'f"}'`);
    expect(sqlLiteral(null)).toBe("null");
    expect(sqlLiteral(20)).toBe("20");
    expect(() => sqlLiteral(1.5)).toThrow();
    const text =
      "select '$1', \"$2\", E'\\'$1' -- $1\n/* $2 */ from t where a = $1 and b = $2::int";
    expect(inlineParams(text, ["x'y", 7])).toBe(
      "select '$1', \"$2\", E'\\'$1' -- $1\n/* $2 */ from t where a = E'x\\'y' and b = 7::int",
    );
    expect(() => inlineParams("select $3", ["a"])).toThrow("no value for $3");
  });
});

describe("copyBinaryColumns", () => {
  const int = (bytes: number[]) => {
    const value = Buffer.from(bytes);
    const length = Buffer.alloc(4);
    length.writeInt32BE(value.length);
    return Buffer.concat([length, value]);
  };
  const header = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
  const streamOf = (tuples: Buffer[]) =>
    Buffer.concat([header, ...tuples, Buffer.from([0xff, 0xff])]);
  async function batchesOf(
    stream: Buffer,
    chunkSize: number,
    kinds: CopyFieldKind[],
    batchRows: number,
  ): Promise<ColumnBatch[]> {
    const batches: ColumnBatch[] = [];
    for await (const batch of copyBinaryColumns(chunked(stream, chunkSize), kinds, batchRows)) {
      batches.push(batch);
    }
    return batches;
  }

  it("decodes integers and text by column into batches of a fixed size across chunks", async () => {
    const tuple = (i: number) =>
      Buffer.concat([
        Buffer.from([0, 3]),
        field(i % 3 === 0 ? null : `Đ${i}`),
        int([0, i]),
        int([0, 0, 0, 0, 0, 0, 1, i]),
      ]);
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const stream = streamOf(rows.map(tuple));
    for (const chunkSize of [1, 5, 64, stream.length]) {
      const batches = await batchesOf(stream, chunkSize, ["text", "int", "int"], 3);
      expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
      for (const batch of batches) {
        expect(batch.columns.map((values) => values.length)).toEqual([
          batch.length,
          batch.length,
          batch.length,
        ]);
      }
      expect(batches.flatMap((batch) => batch.columns[0]!)).toEqual(
        rows.map((i) => (i % 3 === 0 ? null : `Đ${i}`)),
      );
      expect(batches.flatMap((batch) => batch.columns[1]!)).toEqual(rows);
      expect(batches.flatMap((batch) => batch.columns[2]!)).toEqual(rows.map((i) => 256 + i));
    }
    expect(await batchesOf(streamOf([]), 4, ["text", "int", "int"], 3)).toEqual([]);
  });

  it("decodes an interned column as plain decoding does, near-equal values apart", async () => {
    // Values that share a length and differ in one byte, or are prefixes of each other; that an
    // interned value is one string instance JavaScript cannot observe (bench:web's RSS shows it).
    const names = ["Lâm Đồng", "Lâm Đồnh", "Lâm", "", "Đà Lạt", "Lâm Đồng"];
    const values = Array.from({ length: 40 }, (_, i) => (i % 7 === 6 ? null : names[i % 7]!));
    const stream = streamOf(
      values.map((value) => Buffer.concat([Buffer.from([0, 2]), field(value), field(value)])),
    );
    const batches = await batchesOf(stream, 3, ["interned", "text"], 16);
    const interned = batches.flatMap((batch) => batch.columns[0]!);
    const plain = batches.flatMap((batch) => batch.columns[1]!);
    expect(interned).toEqual(values);
    expect(plain).toEqual(values);
  });
});

describe("copyBinaryVectors", () => {
  const header = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
  const int = (size: 2 | 4 | 8, value: number) => {
    const bytes = Buffer.alloc(4 + size);
    bytes.writeInt32BE(size);
    if (size === 2) bytes.writeInt16BE(value, 4);
    else if (size === 4) bytes.writeInt32BE(value, 4);
    else bytes.writeBigInt64BE(BigInt(value), 4);
    return bytes;
  };
  const names = ["Lâm Đồng", "Đà Lạt", null, "Bảo Lộc"];
  const rows = Array.from({ length: 11 }, (_, i) => i);
  const stream = Buffer.concat([
    header,
    ...rows.map((i) =>
      Buffer.concat([
        Buffer.from([0, 4]),
        field(i === 4 ? null : `R${i}`),
        field(names[i % names.length]!),
        int(2, i),
        int(8, 1_767_601_800_000 + i),
      ]),
    ),
    Buffer.from([0xff, 0xff]),
  ]);
  const columns = [
    { name: "id", kind: "utf8" },
    { name: "name", kind: "dictionary" },
    { name: "minutes", kind: "int32" },
    { name: "at", kind: "int64" },
  ] as const;
  const utf8 = (offsets: Int32Array, bytes: Uint8Array) =>
    Array.from({ length: offsets.length - 1 }, (_, i) =>
      Buffer.from(bytes.subarray(offsets[i]!, offsets[i + 1]!)).toString("utf8"),
    );
  const valid = (validity: Validity, row: number) =>
    validity.bitmap === null || (validity.bitmap[row >> 3]! & (1 << (row & 7))) !== 0;

  it("lays the rows out as Arrow buffers, in batches, at every chunk size", async () => {
    for (const size of [1, 3, 17, stream.length]) {
      const batches: VectorBatch[] = [];
      for await (const batch of copyBinaryVectors(chunked(stream, size), columns, 4)) {
        batches.push(batch);
      }
      expect(batches.map((batch) => batch.length)).toEqual([4, 4, 3]);
      const ids: (string | null)[] = [];
      const dictionary: string[] = [];
      const decoded: (string | null)[] = [];
      const minutes: number[] = [];
      const times: bigint[] = [];
      for (const { length, vectors } of batches) {
        const [id, name, minute, at] = vectors;
        if (id?.kind !== "utf8" || name?.kind !== "dictionary") throw new Error("kinds");
        if (minute?.kind !== "int32" || at?.kind !== "int64") throw new Error("kinds");
        const texts = utf8(id.offsets, id.bytes);
        dictionary.push(...utf8(name.added.offsets, name.added.bytes));
        for (let row = 0; row < length; row += 1) {
          ids.push(valid(id.validity, row) ? texts[row]! : null);
          decoded.push(valid(name.validity, row) ? dictionary[name.codes[row]!]! : null);
        }
        minutes.push(...minute.values);
        times.push(...at.values);
      }
      expect(ids).toEqual(rows.map((i) => (i === 4 ? null : `R${i}`)));
      expect(decoded).toEqual(rows.map((i) => names[i % names.length]));
      // Each value is sent once, in the batch it first appears in.
      expect(dictionary).toEqual(["Lâm Đồng", "Đà Lạt", "Bảo Lộc"]);
      expect(minutes).toEqual(rows);
      expect(times).toEqual(rows.map((i) => BigInt(1_767_601_800_000 + i)));
    }
  });
});
