// Page data that only changes when the data does: kept per database and reused until the next
// import or revert. The version is read from the batch ledger on every request (one tiny query),
// so a cached result is never served after the data it was computed from has changed. Bounded
// (least recently used out first), so memory does not grow with the number of pages visited.
import { sql, type Kysely } from "kysely";
import { sharedRun } from "~/lib/cache/shared-run";
import { vietnamDate } from "~/lib/calendar/month-status";
import type { DB } from "~/lib/db/types";

const MAX_ENTRIES = 256;

interface Entry {
  version: string;
  value: unknown;
}

const caches = new WeakMap<Kysely<DB>, Map<string, Entry>>();
// Computations under way, by version and key: a reader who asks while one runs waits for it. After
// an import every reader misses at once; fifty copies of a commune page's queries (~0.5 s each on
// 2 million records) exhausted the connection pool in bench:web.
const pending = new WeakMap<Kysely<DB>, Map<string, Promise<unknown>>>();

/**
 * What the data looks like now: the newest batch, how many are loaded, the latest revert and the
 * latest mart refresh. Any import (any kind, population profiles too), revert, replay of
 * quarantined rows or vocabulary mapping that re-derives rows changes it. So does the date in
 * Vietnam: which months are complete depends on it (ADR 020), so a page kept yesterday is stale.
 */
export async function getDataVersion(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{
    last: string | null;
    loaded: string;
    reverted: string | null;
    refreshed: string | null;
  }>`
    select max(batch_id)::text as last,
           count(*) filter (where status = 'loaded')::text as loaded,
           max(reverted_at)::text as reverted,
           (select max(refreshed_at)::text from mart.refresh_state) as refreshed
    from core.import_batch`.execute(db);
  const row = rows[0];
  const day = vietnamDate(new Date());
  return `${row?.last ?? "-"}/${row?.loaded ?? "0"}/${row?.reverted ?? "-"}/${row?.refreshed ?? "-"}/${day}`;
}

/**
 * `compute()`'s result for `key` at the data's current version: from the cache when it was
 * computed at this version, else computed now (and kept). Only for results that depend on the
 * data and the key alone — never on who is asking.
 */
export async function cachedForDataVersion<T>(
  db: Kysely<DB>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const version = await getDataVersion(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Re-inserting moves the key to the end: Map order is the recency order.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  let running = pending.get(db);
  if (!running) {
    running = new Map();
    pending.set(db, running);
  }
  return sharedRun(running as Map<string, Promise<T>>, `${version}\n${key}`, async () => {
    const value = await compute();
    cache.delete(key);
    cache.set(key, { version, value });
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return value;
  });
}
