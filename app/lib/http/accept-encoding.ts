// Content negotiation for responses we send already gzipped (kept pages, kept downloads): one
// reading of Accept-Encoding for both, so they agree on who gets the compressed bytes.

/**
 * Whether an Accept-Encoding header accepts gzip: its own entry decides when there is one, else
 * `*`; a q of 0 refuses (RFC 9110 §12.5.3). No header: the client gets the bytes uncompressed.
 */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    quality.set(name.trim(), q === undefined ? 1 : Number(q.slice(2)));
  }
  const q = quality.get("gzip") ?? quality.get("*");
  return q !== undefined && q > 0;
}
