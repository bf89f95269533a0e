// An uploaded file's name as the browser sent it: kept (NFC) for the batch ledger, and made safe
// for use as a file name on the server's disk.

const MAX_NAME_LENGTH = 120;
const FALLBACK_NAME = "upload";

/** The name users know the file by: its last path segment, NFC, without control characters. */
export function displayFileName(sent: string): string {
  const base = sent.normalize("NFC").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean === "" ? FALLBACK_NAME : clean.slice(0, 255);
}

/**
 * A name that is safe on any file system and cannot leave its directory: letters (Vietnamese
 * included), digits, space, dot, dash, underscore and parentheses; no leading dot; the extension
 * kept when the name must be shortened, since the reader falls back on it.
 */
export function sanitizeFileName(sent: string): string {
  const cleaned = displayFileName(sent)
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, "_")
    .replace(/\s+/g, " ")
    .replace(/^[. ]+/, "")
    .replace(/[. ]+$/, "");
  if (cleaned === "" || /^_+$/.test(cleaned)) return FALLBACK_NAME;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}
