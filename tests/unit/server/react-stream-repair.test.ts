// React 18's streaming renderer writes the unfilled tail of its 2 KB buffer when a multi-byte
// character would straddle the buffer's end (facebook/react#24985). These tests render a page
// whose Vietnamese text puts a multi-byte character on the 2 KB boundaries, show the raw stream
// carries NUL bytes, and show the repaired stream is exactly the string render.
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { PassThrough, type Transform } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  createReactStreamRepair,
  REACT_VIEW_SIZE,
  trimUnwrittenTail,
} from "~/lib/server/react-stream-repair.server";

/** Rows of 3-byte and 2-byte characters whose lengths shift every boundary's alignment. */
function vietnamesePage() {
  const rows = Array.from({ length: 400 }, (_, i) =>
    createElement("li", { key: i }, `Phường ${"ờ".repeat(1 + (i % 7))} Đức Trọng ${i}`),
  );
  return createElement("html", null, createElement("body", null, createElement("ul", null, rows)));
}

function renderThrough(sink: Transform | PassThrough): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    sink.on("error", reject);
    const { pipe } = renderToPipeableStream(vietnamesePage(), {
      onAllReady: () => pipe(sink),
      onShellError: reject,
    });
  });
}

describe("React stream repair", () => {
  it("the unrepaired stream really carries NUL bytes (the defect this guards against)", async () => {
    const raw = await renderThrough(new PassThrough());
    expect(raw.includes(0)).toBe(true);
  });

  it("the repaired stream has no NUL or U+FFFD and equals the string render", async () => {
    const repaired = await renderThrough(createReactStreamRepair());
    const text = repaired.toString("utf8");
    expect(repaired.includes(0)).toBe(false);
    expect(text).not.toContain("\uFFFD");
    // The stream adds the doctype for an <html> root; the rest must be the same bytes.
    expect(text === `<!DOCTYPE html>${renderToString(vietnamesePage())}`).toBe(true);
  });

  it("trims only a full buffer's trailing NULs, at most three", () => {
    const full = new Uint8Array(REACT_VIEW_SIZE).fill(0x61);
    full.fill(0, REACT_VIEW_SIZE - 2);
    expect(trimUnwrittenTail(full).length).toBe(REACT_VIEW_SIZE - 2);
    const short = new Uint8Array([0x61, 0, 0]);
    expect(trimUnwrittenTail(short)).toBe(short);
    const exact = new Uint8Array(REACT_VIEW_SIZE).fill(0x61);
    expect(trimUnwrittenTail(exact)).toBe(exact);
    const allZero = new Uint8Array(REACT_VIEW_SIZE);
    expect(trimUnwrittenTail(allZero).length).toBe(REACT_VIEW_SIZE - 3);
  });
});
