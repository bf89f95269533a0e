// The file's identity in the batch ledger: a file (kind + SHA-256) is loaded once.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 (lowercase hex) and size of a file, read as a stream. */
export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
