// Which text encoding a CSV uses, from its first bytes. Accepted: UTF-8 with or without a BOM,
// UTF-16 with a BOM. Anything else is refused, naming the probable legacy encoding.
import type { LegacyEncoding } from "./legacy-vietnamese";
import { guessLegacyEncoding } from "./legacy-vietnamese";

export type { LegacyEncoding } from "./legacy-vietnamese";
export { guessLegacyEncoding } from "./legacy-vietnamese";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export type EncodingDetection =
  | { ok: true; encoding: TextEncoding; bomLength: number }
  | { ok: false; problem: "legacy"; legacy: LegacyEncoding | null }
  | { ok: false; problem: "binary" }
  | { ok: false; problem: "invalid_utf16" };

/** The WHATWG label TextDecoder takes for an accepted encoding. */
export function decoderLabel(encoding: TextEncoding): "utf-8" | "utf-16le" | "utf-16be" {
  return encoding === "utf-8-bom" ? "utf-8" : encoding;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when `bytes` decode without error; a sequence cut at the end is fine unless `complete`. */
export function isValidText(bytes: Uint8Array, label: string, complete: boolean): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * `head` is the start of the file (or all of it, when `complete`). A NUL byte in 8-bit text
 * means a binary file or UTF-16 without a BOM.
 */
export function detectEncoding(
  head: Uint8Array,
  options: { complete: boolean },
): EncodingDetection {
  const { complete } = options;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const encoding = head[0] === 0xff ? "utf-16le" : "utf-16be";
    const body = head.subarray(2);
    if (!isValidText(body, encoding, complete)) return { ok: false, problem: "invalid_utf16" };
    if (new TextDecoder(encoding).decode(body).includes("\u0000"))
      return { ok: false, problem: "binary" };
    return { ok: true, encoding, bomLength: 2 };
  }
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]);
  const body = bom ? head.subarray(3) : head;
  if (body.includes(0)) return { ok: false, problem: "binary" };
  if (!isValidText(body, "utf-8", complete)) {
    return { ok: false, problem: "legacy", legacy: guessLegacyEncoding(body) };
  }
  return bom
    ? { ok: true, encoding: "utf-8-bom", bomLength: 3 }
    : { ok: true, encoding: "utf-8", bomLength: 0 };
}
