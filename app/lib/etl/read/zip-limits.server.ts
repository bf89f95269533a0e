// Bounds on an XLSX before any XML reader sees it (ADR 012). exceljs's streaming reader caches
// every shared string in memory and copies each sheet that precedes the shared strings to a temp
// file, so a 4 MB workbook with 100M shared strings took 2 GB of RSS, and a 3 MB one whose sheet
// inflates to 1.15 GB wrote all of it to /tmp. This module reads the zip's central directory
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

export interface XlsxLimits {
  /** Zip entries (an ordinary workbook has 10–30). */
  maxEntries: number;
  /** Inflated bytes of any one entry: also the largest temp file exceljs can write. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries over ratioFloorBytes: office files stay far below. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Shared strings (`<si>`) and the inflated bytes of sharedStrings.xml: exceljs keeps both. */
  maxSharedStrings: number;
  maxSharedStringBytes: number;
  /** The longest text between two tags (a cell's text; Excel's own limit is 32,767 chars). */
  maxTextRunBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Well above what offices send (the upload cap is 50 MB of zip; Excel's XML compresses 5–20×),
 * well below what hurts: exceljs holds at most 128 MB of shared strings, and no temp file or
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

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

class LimitExceeded extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly detail: Record<string, unknown>,
  ) {
    super(limit);
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The central directory's entries; null when this is not a zip we can read (left to exceljs). */
async function readCentralDirectory(
  file: FileHandle,
  limits: XlsxLimits,
): Promise<ZipEntry[] | null> {
  const { size } = await file.stat();
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 (over 65,535 entries or 4 GB): no office file of a size we accept needs it.
  if (count === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK)
    throw new LimitExceeded("too_large", { zip64: true });
  if (count > limits.maxEntries)
    throw new LimitExceeded("too_many_entries", { entries: count, max: limits.maxEntries });
  if (directoryOffset + directorySize > size) return null;
  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_SIGNATURE) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      declaredSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.length > limits.maxEntries)
    throw new LimitExceeded("too_many_entries", {
      entries: entries.length,
      max: limits.maxEntries,
    });
  return entries;
}

/** Refusals that need no inflating: what the directory itself declares. */
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

/** An entry's inflated-size bound: exceljs keeps the shared strings in memory, so theirs is lower. */
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

async function localDataOffset(file: FileHandle, entry: ZipEntry): Promise<number | null> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** Inflates one entry into nothing, counting; returns its inflated size. */
async function measureEntry(
  path: string,
  file: FileHandle,
  entry: ZipEntry,
  limits: XlsxLimits,
  budget: { total: number },
): Promise<void> {
  const start = await localDataOffset(file, entry);
  if (start === null || entry.compressedSize === 0) return;
  if (entry.method !== 0 && entry.method !== 8) return; // exceljs reports what it cannot read
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
    // A damaged stream is exceljs's to report (malformed_xlsx), not a limit.
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
  try {
    const entries = await readCentralDirectory(file, limits);
    if (!entries) return;
    checkDeclared(entries, limits);
    const budget = { total: 0 };
    for (const entry of entries) await measureEntry(path, file, entry, limits, budget);
  } catch (error) {
    if (error instanceof LimitExceeded) throw xlsxLimitError(error.limit, error.detail);
    throw error;
  } finally {
    await file.close();
  }
}
