// The page cache (ADR 010): finished documents kept as gzip bytes, so a page asked for again by
// the same viewer at the same data version is answered without running Remix, React or gzip —
// a copy instead of ~15 ms of CPU, which is what lets a 2-core server hold 50 concurrent readers.
// What may be kept is decided elsewhere: the route opts in (handle.pageCache, marked by
// entry.server.tsx) and page-cache-key.server.ts names everything the page depends on. This
// module only stores, bounds and replays.
import { createHash } from "node:crypto";
import { constants as zlib, gunzipSync, gzipSync } from "node:zlib";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { VersionedCache } from "~/lib/cache/versioned-cache";
import { acceptsGzip } from "~/lib/http/accept-encoding";
import { contentSecurityPolicy } from "./content-security-policy.server";

/** Set by entry.server.tsx on a document its route lets the cache keep; never sent on. */
export const PAGE_CACHE_MARK = "X-Cns-Page-Cacheable";
/** "hit" or "miss" on every document the cache handled, for operators, benchmarks and tests. */
export const PAGE_CACHE_STATUS = "X-Page-Cache";

/** Headers of the rendered response that are not replayed (the cache sets its own). */
const NOT_REPLAYED = new Set([
  PAGE_CACHE_MARK.toLowerCase(),
  "content-length",
  "content-encoding",
  "content-security-policy",
  "set-cookie",
  "date",
  "connection",
  "transfer-encoding",
  "etag",
]);

export interface CachedPage {
  headers: readonly (readonly [string, string])[];
  gzip: Buffer;
  /** Weak: the same page is sent gzipped or not. */
  etag: string;
  /** The policy for these bytes: their inline scripts by hash, no nonce. */
  csp: string;
  storedAt: number;
  /** What the entry holds in memory, roughly: the body plus the key. */
  bytes: number;
}

/** Kept pages, by key, for the current data version. */
export type PageCache = VersionedCache<CachedPage>;

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The base64 SHA-256 of each inline script in a document, as CSP's 'sha256-…' sources expect:
 * the exact text between the tags (a script element's content is raw text, never entity-decoded).
 * Scripts with a src are covered by 'self' and left out.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes ?? "")) continue;
    hashes.add(
      createHash("sha256")
        .update(content ?? "", "utf8")
        .digest("base64"),
    );
  }
  return [...hashes];
}

/** The cache entry for a rendered document: its body read whole, compressed once, hashed. */
export async function toCachedPage(
  response: Response,
  key: string,
  now: number = Date.now(),
): Promise<CachedPage> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!NOT_REPLAYED.has(name.toLowerCase())) headers.push([name, value]);
  });
  // Compressed once per entry, so the best level costs nothing per request.
  const gzip = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION });
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return {
    headers,
    gzip,
    etag: `W/"${digest}"`,
    csp: contentSecurityPolicy({ scriptHashes: inlineScriptHashes(body.toString("utf8")) }),
    storedAt: now,
    bytes: gzip.length + key.length * 2 + 512,
  };
}

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * Sends a cached page: 304 when the browser already holds these bytes (If-None-Match), else the
 * gzip bytes as they are, or inflated for the rare client that does not accept gzip.
 */
export function sendCachedPage(
  req: ExpressRequest,
  res: ExpressResponse,
  page: CachedPage,
  status: "hit" | "miss",
): void {
  res.status(200);
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", page.csp);
  res.setHeader("ETag", page.etag);
  res.setHeader(PAGE_CACHE_STATUS, status);
  res.vary("Accept-Encoding");
  if (matchesEntityTag(req.get("If-None-Match"), page.etag)) {
    res.status(304);
    res.removeHeader("Content-Type");
    res.end();
    return;
  }
  const gzipped = acceptsGzip(req.get("Accept-Encoding") ?? null);
  const body = gzipped ? page.gzip : gunzipSync(page.gzip);
  if (gzipped) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.end(body);
}
