// Bounds on an XLSX before any XML reader sees it (ADR 012). The workbook reader keeps every
// shared string in memory (as every streaming XLSX reader must: cells refer to them by index), so
// a 4 MB workbook with 100M shared strings would take gigabytes of RSS, and a 3 MB sheet can
// inflate to over a gigabyte. This module reads the zip's central directory
// (entry count, declared sizes and ratios, refused before anything is inflated), then inflates
// each entry once into nothing, counting: inflated bytes per entry and in all, shared strings and
// their bytes, the longest text run (a cell). Memory stays flat (one inflate buffer), nothing is
// written to disk, and a file over a bound is refused with a bilingual reason instead of a 500.
//
// Interface (for readers of xlsx files, see xlsx-source.server.ts): one call before reading,
//   await assertXlsxWithinLimits(path);            // throws FileRejectedError (xlsx_* codes)
// and `XLSX_LIMITS` / the optional `limits` argument for tests and tools.
import { open, type FileHandle } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { createInflateRaw } from "node:zlib";
import { xlsxLimitError, type XlsxLimit } from "./file-errors";
import type { ZipEntry } from "./zip-archive.server";
import { entryDataOffset, readZipDirectory } from "./zip-archive.server";

export interface XlsxLimits {
  /** Zip entries (an ordinary workbook has 10–30). */
  maxEntries: number;
  /** Inflated bytes of any one entry: what the reader inflates of any one part. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries over ratioFloorBytes: office files stay far below. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Shared strings (`<si>`) and the inflated bytes of sharedStrings.xml: the reader keeps both. */
  maxSharedStrings: number;
  maxSharedStringBytes: number;
  /** The longest text between two tags (a cell's text; Excel's own limit is 32,767 chars). */
  maxTextRunBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Well above what offices send (the upload cap is 50 MB of zip; Excel's XML compresses 5–20×),
 * well below what hurts: the reader holds at most 128 MB of shared strings, and no
 * inflated entry passes 512 MB.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
  maxSharedStrings: 2_000_000,
  maxSharedStringBytes: 128 * MiB,
  maxTextRunBytes: 256 * 1024,
};

const ZIP64_MARK = 0xffffffff;

/** Files found within their limits: path, size and mtime → the limits checked against. */
const checked = new Map<string, XlsxLimits>();

class LimitExceeded extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly detail: Record<string, unknown>,
  ) {
    super(limit);
  }
}

/** The central directory's entries; null when this is not a zip we can read (the reader says so). */
async function readCentralDirectory(
  file: FileHandle,
  limits: XlsxLimits,
): Promise<ZipEntry[] | null> {
  const directory = await readZipDirectory(file, limits.maxEntries);
  if (!directory) return null;
  if (directory.zip64) throw new LimitExceeded("too_large", { zip64: true });
  const count = Math.max(directory.declaredCount, directory.entries.length);
  if (count > limits.maxEntries)
    throw new LimitExceeded("too_many_entries", { entries: count, max: limits.maxEntries });
  return directory.entries;
}

function checkDeclared(entries: ZipEntry[], limits: XlsxLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.compressedSize === ZIP64_MARK || entry.declaredSize === ZIP64_MARK)
      throw new LimitExceeded("too_large", { entry: entry.name, zip64: true });
    total += entry.declaredSize;
    // The ratio first: it is what tells a bomb from a merely large workbook.
    checkRatio(entry, entry.declaredSize, limits);
    const { limit, max } = entryLimit(entry, limits);
    if (entry.declaredSize > max)
      throw new LimitExceeded(limit, { entry: entry.name, bytes: entry.declaredSize, max });
  }
  if (total > limits.maxTotalBytes) throw new LimitExceeded("too_large", { bytes: total });
}

const isSharedStrings = (entry: ZipEntry) => /(^|\/)sharedStrings\.xml$/i.test(entry.name);

/** An entry's inflated-size bound: the reader keeps the shared strings in memory, so theirs is lower. */
function entryLimit(entry: ZipEntry, limits: XlsxLimits): { limit: XlsxLimit; max: number } {
  return isSharedStrings(entry)
    ? {
        limit: "too_many_strings",
        max: Math.min(limits.maxEntryBytes, limits.maxSharedStringBytes),
      }
    : { limit: "too_large", max: limits.maxEntryBytes };
}

function checkRatio(entry: ZipEntry, inflated: number, limits: XlsxLimits): void {
  if (inflated < limits.ratioFloorBytes) return;
  const ratio = inflated / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxRatio)
    throw new LimitExceeded("compression_ratio", {
      entry: entry.name,
      ratio: Math.round(ratio),
      max: limits.maxRatio,
    });
}

/** Counts shared strings, their bytes and the longest text run across chunk boundaries. */
class XmlTally {
  sharedStrings = 0;
  private textRun = 0;
  private tail = "";

  constructor(
    private readonly entry: string,
    private readonly limits: XlsxLimits,
    private readonly countStrings: boolean,
  ) {}

  push(chunk: Buffer): void {
    // The bytes since the last "<": a tag, or the text of a cell; indexOf keeps this fast.
    for (let at = 0; ;) {
      const next = chunk.indexOf(0x3c /* < */, at);
      this.textRun += (next < 0 ? chunk.length : next) - at;
      if (this.textRun > this.limits.maxTextRunBytes)
        throw new LimitExceeded("cell_too_long", {
          entry: this.entry,
          max: this.limits.maxTextRunBytes,
        });
      if (next < 0) break;
      this.textRun = 0;
      at = next + 1;
    }
    if (!this.countStrings) return;
    // "<si>" or "<si " opens a shared string; the tail carries a tag split between chunks.
    const text = this.tail + chunk.toString("latin1");
    const matches = text.match(/<si[\s>]/g);
    this.sharedStrings += matches?.length ?? 0;
    this.tail = text.slice(-3);
    if (this.sharedStrings > this.limits.maxSharedStrings)
      throw new LimitExceeded("too_many_strings", {
        strings: this.sharedStrings,
        max: this.limits.maxSharedStrings,
      });
  }
}

/** Inflates one entry into nothing, counting; returns its inflated size. */
async function measureEntry(
  path: string,
  file: FileHandle,
  entry: ZipEntry,
  limits: XlsxLimits,
  budget: { total: number },
): Promise<void> {
  const start = await entryDataOffset(file, entry);
  if (start === null || entry.compressedSize === 0) return;
  if (entry.method !== 0 && entry.method !== 8) return; // the reader reports what it cannot read
  const isXml = /\.(xml|rels)$/i.test(entry.name);
  const tally = new XmlTally(entry.name, limits, isSharedStrings(entry));
  const { limit, max } = entryLimit(entry, limits);
  const source = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const inflate = entry.method === 8 ? createInflateRaw() : null;
  const stream = inflate ? source.pipe(inflate) : source;
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      budget.total += chunk.length;
      if (inflated > max)
        throw new LimitExceeded(limit, { entry: entry.name, bytes: inflated, max });
      if (budget.total > limits.maxTotalBytes)
        throw new LimitExceeded("too_large", { bytes: budget.total, max: limits.maxTotalBytes });
      // The directory may understate what an entry inflates to; the ratio holds for what is real.
      checkRatio(entry, inflated, limits);
      if (isXml) tally.push(chunk);
    }
  } catch (error) {
    if (error instanceof LimitExceeded) throw error;
    // A damaged stream is the reader's to report (malformed_xlsx), not a limit.
  } finally {
    source.destroy();
    inflate?.destroy();
  }
}

/**
 * Throws FileRejectedError (xlsx_too_large, xlsx_compression_ratio, xlsx_too_many_entries,
 * xlsx_too_many_strings, xlsx_cell_too_long) when the workbook at `path` passes a bound; resolves
 * when it is within them or is not a zip this check can read (the reader reports that).
 */
export async function assertXlsxWithinLimits(
  path: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<void> {
  const file = await open(path, "r");
  // A workbook is opened several times per import (its sheets listed, each table sheet probed,
  // then read): the same unchanged file within the same limits is checked once.
  const { size, mtimeMs } = await file.stat();
  const key = `${path}\0${size}\0${mtimeMs}`;
  if (checked.get(key) === limits) {
    await file.close();
    return;
  }
  try {
    const entries = await readCentralDirectory(file, limits);
    if (!entries) return;
    checkDeclared(entries, limits);
    const budget = { total: 0 };
    for (const entry of entries) await measureEntry(path, file, entry, limits, budget);
    if (checked.size >= 64) checked.clear();
    checked.set(key, limits);
  } catch (error) {
    if (error instanceof LimitExceeded) throw xlsxLimitError(error.limit, error.detail);
    throw error;
  } finally {
    await file.close();
  }
}
