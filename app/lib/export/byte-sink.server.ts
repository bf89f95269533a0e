// Writing to the response stream with back-pressure: a writer awaits `writeChunk` so it never runs
// ahead of the client by more than the stream's buffer, and stops (instead of hanging) when the
// client goes away and the stream is destroyed.
import type { Writable } from "node:stream";
import type { ExportRow } from "./dataset";

export class StreamClosedError extends Error {
  constructor() {
    super("the download stream was closed before the file was complete");
    this.name = "StreamClosedError";
  }
}

/**
 * How long a download may stall (its reader taking nothing) before it is given up. A client that
 * vanished without the server noticing (no abort reaches the loader) would otherwise keep the
 * writer, and whatever it holds, waiting forever.
 */
export const DRAIN_TIMEOUT_MS = 60_000;

/** Resolves when `out` can take more data; rejects if it is closed, fails or stalls first. */
export function waitForDrain(out: Writable, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new StreamClosedError());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      out.destroy();
      reject(new StreamClosedError());
    }, timeoutMs);
    timer.unref();
    const cleanup = () => {
      clearTimeout(timer);
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new StreamClosedError());
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    out.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", onError);
  });
}

export async function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new StreamClosedError();
  if (!out.write(chunk)) await waitForDrain(out);
}

/** Text writers gather small pieces into chunks of about this many characters. */
export const TEXT_CHUNK_CHARS = 1 << 16;

/** Rows of either an array or a stream, one at a time. */
export async function* eachRow(
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
): AsyncGenerator<ExportRow> {
  yield* rows;
}
