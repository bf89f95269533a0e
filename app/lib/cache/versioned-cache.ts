// A bounded in-memory cache for things computed from the data: the page cache (ADR 010) and kept
// downloads use it. Bounded by bytes, not entries, because a page and a file differ in size by
// orders of magnitude.
export interface VersionedCacheOptions {
  maxBytes: number;
  /** Entries older than this are not served: a bound on anything they show about "now". */
  ttlMs: number;
  now?: () => number;
}

/** What an entry must say about itself: its size in memory and when it was stored. */
export interface CacheEntry {
  bytes: number;
  storedAt: number;
}

/**
 * Least recently used out first, within a byte budget; emptied when the generation (the data
 * version) changes, since nothing kept under an older one can be served again.
 */
export class VersionedCache<T extends CacheEntry> {
  readonly maxBytes: number;
  readonly ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, T>();
  #bytes = 0;
  #generation: string | null = null;

  constructor(options: VersionedCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string, generation: string): T | undefined {
    if (generation !== this.#generation) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#now() - entry.storedAt > this.ttlMs) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    // Re-inserting moves the key to the end: Map order is the recency order.
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, generation: string, entry: T): void {
    // Entries of an older data version can never be served again: drop them all at once.
    if (generation !== this.#generation) {
      this.clear();
      this.#generation = generation;
    }
    if (entry.bytes > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.bytes;
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.bytes;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
