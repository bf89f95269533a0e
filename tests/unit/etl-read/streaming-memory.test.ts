// The reader streams: reading a 200,000-row file must not keep its rows (or its text) in memory.
// Heap is measured after forced garbage collections, so only what the reader retains counts.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "~/lib/etl/read/open-source.server";
import { ASSISTANCE_HEADER_EN, createTempDir } from "./fixture-files";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 200_000;
const tmp = createTempDir();
let path = "";
let bytes = 0;

beforeAll(async () => {
  path = tmp.path("assistance-200k.csv");
  const out = createWriteStream(path);
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${ASSISTANCE_HEADER_EN},ethnicity,birth_year,Ghi chú\n`);
  for (let i = 0; i < ROWS; i++) {
    await write(
      `HS-${i},01/07/2025 08:30,Phường Lâm Viên - Đà Lạt,Đội ${i % 7},TNV-${i % 50},1.001193,guidance,online,completed,female,${(i % 60) + 1},K'Ho,1958,"ghi chú dòng ${i}"\n`,
    );
  }
  out.end();
  await once(out, "finish");
});
afterAll(() => tmp.remove());

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("openSource streaming", () => {
  it("reads 200,000 rows with a heap that does not grow with the file", async () => {
    const source = await openSource(path, { kind: "assistance" });
    const before = heapAfterGc();
    const samples: number[] = [];
    let count = 0;
    let lastLine = 0;
    for await (const row of source.rows) {
      count++;
      lastLine = row.line;
      if (count % 50_000 === 0) samples.push(heapAfterGc() - before);
    }
    expect(count).toBe(ROWS);
    expect(lastLine).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(25 * 1024 * 1024);
    // The file is over 25 MB and its rows as objects several times that; a streamed read keeps
    // a few chunks and one row.
    expect(Math.max(...samples)).toBeLessThan(8 * 1024 * 1024);
  });

  it("yields the first row long before the file is read to its end", async () => {
    const source = await openSource(path, { kind: "assistance" });
    const iterator = source.rows[Symbol.asyncIterator]();
    const before = heapAfterGc();
    const first = await iterator.next();
    const held = heapAfterGc() - before;
    await iterator.return?.();
    expect(first.value).toMatchObject({ line: 2, values: { record_id: "HS-0" } });
    expect(held).toBeLessThan(4 * 1024 * 1024);
  });
});
