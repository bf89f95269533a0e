// The page cache's store (ADR 010): byte budget with least-recently-used eviction, the age limit,
// retiring a data version, the CSP hashes of inline scripts, and entity-tag matching.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { VersionedCache } from "~/lib/cache/versioned-cache";
import {
  inlineScriptHashes,
  matchesEntityTag,
  PAGE_CACHE_MARK,
  toCachedPage,
  type CachedPage,
} from "~/lib/server/page-cache.server";

function page(bytes: number, storedAt = 0): CachedPage {
  return { headers: [], gzip: Buffer.alloc(0), etag: 'W/"x"', csp: "", storedAt, bytes };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("VersionedCache (the page cache's store)", () => {
  it("evicts the least recently used pages when over its byte budget", () => {
    const cache = new VersionedCache<CachedPage>({ maxBytes: 300, ttlMs: 60_000, now: () => 0 });
    cache.set("a", "v1", page(100));
    cache.set("b", "v1", page(100));
    cache.set("c", "v1", page(100));
    expect(cache.get("a", "v1")).toBeDefined(); // a is now the most recent
    cache.set("d", "v1", page(100));
    expect(cache.get("b", "v1")).toBeUndefined();
    expect(cache.get("a", "v1")).toBeDefined();
    expect(cache.get("c", "v1")).toBeDefined();
    expect(cache.get("d", "v1")).toBeDefined();
    expect(cache.bytes).toBe(300);
    expect(cache.size).toBe(3);
  });

  it("replaces a key without counting it twice, and refuses a page larger than the budget", () => {
    const cache = new VersionedCache<CachedPage>({ maxBytes: 300, ttlMs: 60_000, now: () => 0 });
    cache.set("a", "v1", page(100));
    cache.set("a", "v1", page(150));
    expect(cache.bytes).toBe(150);
    cache.set("huge", "v1", page(301));
    expect(cache.get("huge", "v1")).toBeUndefined();
    expect(cache.get("a", "v1")).toBeDefined();
  });

  it("does not serve a page past its age limit", () => {
    let now = 1_000;
    const cache = new VersionedCache<CachedPage>({ maxBytes: 1_000, ttlMs: 500, now: () => now });
    cache.set("a", "v1", page(100, now));
    now += 500;
    expect(cache.get("a", "v1")).toBeDefined();
    now += 1;
    expect(cache.get("a", "v1")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("drops every page of an older data version when a newer one is stored", () => {
    const cache = new VersionedCache<CachedPage>({ maxBytes: 1_000, ttlMs: 60_000, now: () => 0 });
    cache.set("a", "v1", page(100));
    cache.set("b", "v1", page(100));
    expect(cache.get("a", "v2")).toBeUndefined();
    cache.set("c", "v2", page(100));
    expect(cache.size).toBe(1);
    expect(cache.get("c", "v2")).toBeDefined();
    expect(cache.get("a", "v1")).toBeUndefined();
  });
});

describe("inlineScriptHashes", () => {
  it("hashes the exact text of each inline script and skips scripts with a src", () => {
    const a = 'window.__remixContext = {"a":"</p>"};';
    const b = '\n  addEventListener("pageshow", f);\n';
    const html = `<html><head><script nonce="n1">${a}</script>
      <script type="module" src="/build/entry.js"></script></head>
      <body><script>${b}</script><SCRIPT nonce="n1">${a}</SCRIPT></body></html>`;
    expect(inlineScriptHashes(html).sort()).toEqual([sha256(a), sha256(b)].sort());
  });

  it("hashes UTF-8, as browsers do", () => {
    const text = 'document.title = "Cầu Nối Số";';
    expect(inlineScriptHashes(`<script>${text}</script>`)).toEqual([sha256(text)]);
  });
});

describe("matchesEntityTag", () => {
  it("compares weakly, accepts lists and *, and refuses anything else", () => {
    expect(matchesEntityTag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEntityTag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEntityTag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEntityTag("*", 'W/"abc"')).toBe(true);
    expect(matchesEntityTag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesEntityTag(undefined, 'W/"abc"')).toBe(false);
    expect(matchesEntityTag("", 'W/"abc"')).toBe(false);
  });
});

describe("toCachedPage", () => {
  it("keeps the body gzipped, the route's headers but not cookies or the mark, and a stable tag", async () => {
    const html = "<!DOCTYPE html><p>Xã Lạc Dương</p><script>go()</script>";
    const render = () =>
      new Response(html, {
        headers: {
          "Content-Type": "text/html; charset=utf-8",
          "Cache-Control": "private, no-cache",
          [PAGE_CACHE_MARK]: "1",
          "Content-Security-Policy": "script-src 'nonce-abc'",
        },
      });
    const one = await toCachedPage(render(), "key", 42);
    const two = await toCachedPage(render(), "key", 43);
    expect(gunzipSync(one.gzip).toString("utf8")).toBe(html);
    expect(one.etag).toBe(two.etag);
    expect(one.storedAt).toBe(42);
    const names = one.headers.map(([name]) => name.toLowerCase()).sort();
    expect(names).toEqual(["cache-control", "content-type"]);
    expect(one.csp).toContain(`'sha256-${sha256("go()")}'`);
    expect(one.csp).not.toContain("nonce");
    expect(one.bytes).toBeGreaterThan(one.gzip.length);
  });
});
