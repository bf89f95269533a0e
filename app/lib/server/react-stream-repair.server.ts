// React 18.3's streaming renderer (react-dom/server, Node build) encodes text into a 2,048-byte
// buffer. When a multi-byte character does not fit in the buffer's last bytes it writes the WHOLE
// buffer, including the 1–3 bytes it never filled (facebook/react#24985; fixed upstream in #26228,
// never released for 18). Vietnamese text is multi-byte throughout, so a page can carry NUL bytes
// wherever a boundary falls ("Phư\0\0ờng"). React writes each buffer as its own chunk and every
// other chunk it writes is exactly filled, so a chunk of exactly one buffer that ends in NULs ends
// in the unwritten tail: dropping those bytes restores the text.
import { Transform, type TransformCallback } from "node:stream";

/** react-dom/server's VIEW_SIZE in 18.x. */
export const REACT_VIEW_SIZE = 2048;
/** The most bytes encodeInto can leave unwritten: a 4-byte character with 3 bytes left. */
const MAX_UNWRITTEN_TAIL = 3;

/** The chunk without the unwritten tail of React's buffer, or the chunk itself. */
export function trimUnwrittenTail(chunk: Uint8Array): Uint8Array {
  if (chunk.length !== REACT_VIEW_SIZE || chunk[chunk.length - 1] !== 0) return chunk;
  let end = chunk.length;
  while (end > chunk.length - MAX_UNWRITTEN_TAIL && chunk[end - 1] === 0) end -= 1;
  return chunk.subarray(0, end);
}

/** A pass-through for React's pipe() that drops the unwritten tail of each full buffer. */
export function createReactStreamRepair(): Transform {
  return new Transform({
    transform(chunk: Buffer | Uint8Array, _encoding: BufferEncoding, done: TransformCallback) {
      done(null, trimUnwrittenTail(chunk));
    },
  });
}
