// The parts of a zip archive an XLSX reader needs: the central directory (names, methods, sizes,
// where each entry's data starts) and one entry's bytes as an inflating stream. Shared by the
// bounds check run before any XML is parsed (zip-limits.server.ts) and the workbook reader
// (xlsx-package.server.ts), so both see the same entries.
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not something an XLSX writer produces. */
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** The count the end record declares (checked against a bound before the directory is read). */
  declaredCount: number;
  /** ZIP64 markers: over 65,535 entries or 4 GB, which no workbook of an accepted size needs. */
  zip64: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The central directory; null when the file has no end record or its directory lies outside the
 * file (not a zip we can read). `maxEntries` stops before reading a directory declared larger.
 */
export async function readZipDirectory(
  file: FileHandle,
  maxEntries = Number.POSITIVE_INFINITY,
): Promise<ZipDirectory | null> {
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
  const declaredCount = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (declaredCount === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK)
    return { entries: [], declaredCount, zip64: true };
  if (declaredCount > maxEntries) return { entries: [], declaredCount, zip64: false };
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
  return { entries, declaredCount, zip64: false };
}

/** Where the entry's data starts (after its local header), or null when the header is not there. */
export async function entryDataOffset(file: FileHandle, entry: ZipEntry): Promise<number | null> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/**
 * The entry's inflated bytes, streamed from `start` (entryDataOffset). The sizes come from the
 * central directory, so entries written with a data descriptor (streaming writers) read the same.
 * The caller destroys the stream when done; an unknown method is the caller's to refuse.
 */
export function entryStream(path: string, entry: ZipEntry, start: number): Readable {
  if (entry.compressedSize === 0) return Readable.from([]);
  const source = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  if (entry.method !== 8) return source;
  const inflate = createInflateRaw();
  source.on("error", (error) => inflate.destroy(error));
  inflate.on("close", () => source.destroy());
  return source.pipe(inflate);
}
