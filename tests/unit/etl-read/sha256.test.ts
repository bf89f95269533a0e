import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { sha256File } from "~/lib/etl/read/sha256.server";
import { createTempDir } from "./fixture-files";

const tmp = createTempDir();
afterAll(() => tmp.remove());

describe("sha256File", () => {
  it("matches the FIPS 180-2 test vector for 'abc'", async () => {
    expect(await sha256File(tmp.write("abc.txt", "abc"))).toEqual({
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      bytes: 3,
    });
  });

  it("hashes a file of many chunks as one buffer would be hashed", async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) % 251;
    const expected = createHash("sha256").update(content).digest("hex");
    expect(await sha256File(tmp.write("big.bin", content))).toEqual({
      sha256: expected,
      bytes: content.length,
    });
  });

  it("hashes an empty file", async () => {
    expect(await sha256File(tmp.write("empty", ""))).toEqual({
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      bytes: 0,
    });
  });
});
