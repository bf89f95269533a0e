// A CSV file as COPY-sized pieces of text that each end on a record boundary, header skipped: the
// baseline's raw bulk load. Quotes are tracked so a line break inside a quoted value never splits
// a record; nothing else is parsed, so the baseline costs what moving the bytes costs.
import { createReadStream } from "node:fs";

/** The header line (BOM and line break removed). */
export async function readHeaderLine(path: string): Promise<string> {
  let text = "";
  for await (const piece of createReadStream(path, { encoding: "utf8", highWaterMark: 4096 })) {
    text += piece as string;
    const end = text.indexOf("\n");
    if (end >= 0)
      return text
        .slice(0, end)
        .replace(/^\uFEFF/, "")
        .replace(/\r$/, "");
  }
  return text.replace(/^\uFEFF/, "");
}

export async function* readCsvChunks(path: string, chunkChars: number): AsyncGenerator<string> {
  let pending = "";
  let headerSkipped = false;
  let scanned = 0;
  let inQuotes = false;
  // Index of the last line break outside quotes in `pending`, or -1.
  let lastBreak = -1;

  const scan = () => {
    let i = scanned;
    let quote = pending.indexOf('"', i);
    let lineBreak = pending.indexOf("\n", i);
    for (;;) {
      if (inQuotes) {
        if (quote < 0) break;
        inQuotes = false;
        i = quote + 1;
        quote = pending.indexOf('"', i);
        if (lineBreak >= 0 && lineBreak < i) lineBreak = pending.indexOf("\n", i);
      } else if (lineBreak >= 0 && (quote < 0 || lineBreak < quote)) {
        lastBreak = lineBreak;
        i = lineBreak + 1;
        lineBreak = pending.indexOf("\n", i);
      } else if (quote >= 0) {
        inQuotes = true;
        i = quote + 1;
        quote = pending.indexOf('"', i);
      } else {
        break;
      }
    }
    scanned = pending.length;
  };

  for await (const piece of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 })) {
    pending += piece as string;
    if (!headerSkipped) {
      // Our header row has no quoted names, so its first line break ends it.
      const end = pending.indexOf("\n");
      if (end < 0) continue;
      pending = pending.slice(end + 1);
      headerSkipped = true;
    }
    if (pending.length < chunkChars) continue;
    scan();
    if (lastBreak < 0) continue;
    const chunk = pending.slice(0, lastBreak + 1);
    pending = pending.slice(lastBreak + 1);
    scanned = pending.length;
    lastBreak = -1;
    yield chunk;
  }
  if (headerSkipped && pending.length > 0) yield pending;
}
