// The binary COPY reader of the record-level CSV extract (ADR 019): whatever the chunk boundaries,
// it yields each tuple's last field as sent and counts the tuples.
import { describe, expect, it } from "vitest";
import { copyBinaryColumns, copyBinaryLastFields, type CopyFieldKind } from "~/lib/db/copy-binary";
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
