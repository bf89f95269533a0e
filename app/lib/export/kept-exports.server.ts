// Small downloads kept per data version (ADR 010): the API's commune × month file is asked for
// again and again with the same filters, and writing it costs ~50 ms of CPU (two thousand JSON
// rows plus gzip) while the data only changes with an import. A dataset that is bounded in size
// says so (`keep`): it is written once into memory, and every download with the same filters,
// format and viewer role is sent from there until the next import. Each is still audited.
import { Writable } from "node:stream";
import { constants as zlib, gzipSync } from "node:zlib";
import type { Kysely } from "kysely";
import type { Viewer } from "~/lib/auth/policy";
import { sharedRun } from "~/lib/cache/shared-run";
import { VersionedCache, type CacheEntry } from "~/lib/cache/versioned-cache";
import type { DB } from "~/lib/db/types";
import { getDataVersion } from "~/lib/cache/data-version-cache.server";
import type { ExportDataset, ExportFormat, ExportStamp } from "./dataset";

/** A file larger than this is written for each download and not kept. */
export const MAX_KEPT_FILE_BYTES = 8 * 1024 * 1024;
const KEPT_TOTAL_BYTES = 32 * 1024 * 1024;
const KEPT_TTL_MS = 5 * 60_000;
/** Text formats gzip well; XLSX and Parquet are compressed already, Arrow is left as it is. */
const GZIPPED_FORMATS: ReadonlySet<ExportFormat> = new Set(["csv", "json"]);

export interface KeptExport extends CacheEntry {
  body: Buffer;
  /** The body gzipped once, for text formats; null otherwise. */
  gzip: Buffer | null;
  /** The stamp the file was written with (its generated_at is when it was first written). */
  stamp: ExportStamp;
  rows: number;
}

/** Kept files of one database, and the files being written for it. */
interface KeptStore {
  cache: VersionedCache<KeptExport>;
  /** By generation and key: a request for a file that is being written waits for it. */
  writing: Map<string, Promise<KeptExport>>;
}

export interface KeptExportSlot {
  store: KeptStore;
  key: string;
  generation: string;
}

// Per database, like cachedForDataVersion: two databases can be at the same data version.
const storeByDatabase = new WeakMap<Kysely<DB>, KeptStore>();

function storeFor(db: Kysely<DB>): KeptStore {
  let store = storeByDatabase.get(db);
  if (!store) {
    store = {
      cache: new VersionedCache<KeptExport>({ maxBytes: KEPT_TOTAL_BYTES, ttlMs: KEPT_TTL_MS }),
      writing: new Map(),
    };
    storeByDatabase.set(db, store);
  }
  return store;
}

/**
 * Where a download of this dataset would be kept, or null when it must be written every time.
 * The key holds everything the file depends on besides the data version: the dataset and its
 * applied filters, the format, and the viewer's role and communes (small-cell suppression).
 */
export async function keptExportSlot(
  db: Kysely<DB>,
  dataset: ExportDataset,
  format: ExportFormat,
  viewer: Viewer,
): Promise<KeptExportSlot | null> {
  if (!dataset.keep) return null;
  const key = JSON.stringify([
    dataset.stamp.dataset,
    dataset.stamp.filters,
    dataset.file_base_name,
    format,
    viewer.role,
    viewer.communes,
  ]);
  return { store: storeFor(db), key, generation: await getDataVersion(db) };
}

/** Writes the whole file into memory (the dataset is bounded) and returns its bytes. */
async function writeToMemory(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error) => void) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      callback();
    },
  });
  await write(sink);
  return Buffer.concat(chunks);
}

/**
 * The kept file for this slot: from memory, from a write under way, or written now by
 * `write(out)` (which resolves to the number of rows written) — and kept when it is no larger
 * than MAX_KEPT_FILE_BYTES. The file is written to memory, not to the first client's socket, so a
 * slow connection never holds back the others waiting for it.
 */
export async function keptExport(
  slot: KeptExportSlot,
  format: ExportFormat,
  stamp: ExportStamp,
  write: (out: Writable) => Promise<number>,
): Promise<KeptExport> {
  const { cache, writing } = slot.store;
  const found = cache.get(slot.key, slot.generation);
  if (found) return found;
  return sharedRun(writing, `${slot.generation}\n${slot.key}`, async () => {
    let rows = 0;
    const body = await writeToMemory(async (out) => {
      rows = await write(out);
    });
    const gzip = GZIPPED_FORMATS.has(format)
      ? gzipSync(body, { level: zlib.Z_BEST_COMPRESSION })
      : null;
    const entry: KeptExport = {
      body,
      gzip,
      stamp,
      rows,
      storedAt: Date.now(),
      bytes: body.length + (gzip?.length ?? 0) + slot.key.length * 2,
    };
    if (body.length <= MAX_KEPT_FILE_BYTES) cache.set(slot.key, slot.generation, entry);
    return entry;
  });
}
