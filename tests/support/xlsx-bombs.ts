// Hostile workbooks, crafted as an attacker would: a minimal valid XLSX package whose one big part
// is deflated as the same fully-flushed block over and over (so a gigabyte of XML costs a few MB
// on disk, built in seconds without ever holding it), optionally with a central directory that
// understates the part's size. Used by the zip-limit unit tests and the resource test suite.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Part {
  name: string;
  /** Small parts: their bytes. */
  data?: Buffer;
  /** Big parts: `head`, then `block` repeated `repeat` times, then `tail`. */
  head?: string;
  block?: string;
  repeat?: number;
  tail?: string;
  /** Write this as the part's inflated size in the central directory instead of the real one. */
  declaredSize?: number;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
const STRINGS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

const small = (name: string, text: string): Part => ({ name, data: Buffer.from(text) });

/** Deflates a part chunk by chunk, yielding raw deflate bytes; returns crc and inflated size. */
function* deflatePart(part: Part): Generator<Buffer, { crc: number; size: number }> {
  if (part.data) {
    yield deflateRawSync(part.data);
    return { crc: crc32(part.data), size: part.data.length };
  }
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const head = Buffer.from(part.head ?? "");
  const block = Buffer.from(part.block ?? "");
  const tail = Buffer.from(part.tail ?? "");
  let crc = crc32(head);
  yield deflateRawSync(head, flush);
  // A fully flushed block does not refer back, so its bytes can be repeated as they are.
  const deflatedBlock = deflateRawSync(block, flush);
  for (let i = 0; i < (part.repeat ?? 0); i++) {
    crc = crc32(block, crc);
    yield deflatedBlock;
  }
  crc = crc32(tail, crc);
  yield deflateRawSync(tail);
  return { crc, size: head.length + block.length * (part.repeat ?? 0) + tail.length };
}

/** Writes the parts as a zip: deflated, crc and sizes in data descriptors and the directory. */
export async function writeZip(path: string, parts: Part[]): Promise<void> {
  const out = createWriteStream(path);
  let offset = 0;
  const write = async (buffer: Buffer) => {
    offset += buffer.length;
    if (!out.write(buffer)) await once(out, "drain");
  };
  const central: Buffer[] = [];
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const headerOffset = offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    // UTF-8 names; sizes in a data descriptor after the data, as streaming writers do.
    local.writeUInt16LE(0x0808, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    await write(Buffer.concat([local, name]));
    const dataStart = offset;
    const chunks = deflatePart(part);
    let next = chunks.next();
    while (!next.done) {
      await write(next.value);
      next = chunks.next();
    }
    const { crc, size } = next.value;
    const compressed = offset - dataStart;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE((part.declaredSize ?? size) >>> 0, 12);
    await write(descriptor);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0808, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed, 20);
    entry.writeUInt32LE((part.declaredSize ?? size) >>> 0, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(headerOffset, 42);
    central.push(Buffer.concat([entry, name]));
  }
  const directoryOffset = offset;
  const directory = Buffer.concat(central);
  await write(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  await write(end);
  out.end();
  await once(out, "finish");
}

function workbook(sheet: Omit<Part, "name">, strings: Omit<Part, "name">): Part[] {
  return [
    small("[Content_Types].xml", CONTENT_TYPES),
    small("_rels/.rels", ROOT_RELS),
    small("xl/workbook.xml", WORKBOOK),
    small("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    // The sheet before the shared strings, as Excel writes it: exceljs spills it to a temp file.
    { name: "xl/worksheets/sheet1.xml", ...sheet },
    { name: "xl/sharedStrings.xml", ...strings },
  ];
}

const ONE_ROW = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`;
const ONE_STRING = { data: Buffer.from(`${STRINGS_HEAD}<si><t>a</t></si></sst>`) };

/** Text that compresses like prose pasted into a cell (a seeded mix of Vietnamese letters). */
function pastedText(length: number): string {
  const letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ ";
  let seed = 7;
  let text = "";
  while (text.length < length) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += letters[seed % letters.length];
  }
  return text;
}

export type BombKind = "shared_strings" | "sheet" | "sheet_understated" | "long_cell";

/**
 * - shared_strings: 100M shared strings (1.7 GB of XML) behind a one-cell sheet;
 * - sheet: a sheet of 1.15 GB of rows, before the shared strings;
 * - sheet_understated: the same sheet, its central-directory size claiming 2 KB;
 * - long_cell: a cell holding 300,000 characters (Excel itself stops at 32,767).
 */
export async function writeXlsxBomb(path: string, kind: BombKind): Promise<void> {
  // 64 KB of rows per block: 17,600 blocks ≈ 1.15 GB.
  const rows = `<row><c t="s"><v>0</v></c><c><v>1</v></c></row>`.repeat(1_400);
  const sheetBomb = { head: SHEET_HEAD, block: rows, repeat: 17_600, tail: SHEET_TAIL };
  switch (kind) {
    case "shared_strings":
      await writeZip(
        path,
        workbook(
          { data: Buffer.from(`${SHEET_HEAD}${ONE_ROW}${SHEET_TAIL}`) },
          {
            head: `${STRINGS_HEAD.replace("<sst ", '<sst count="100000000" uniqueCount="100000000" ')}`,
            block: "<si><t>a</t></si>".repeat(4_000),
            repeat: 25_000,
            tail: "</sst>",
          },
        ),
      );
      return;
    case "sheet":
      await writeZip(path, workbook(sheetBomb, ONE_STRING));
      return;
    case "sheet_understated":
      await writeZip(path, workbook({ ...sheetBomb, declaredSize: 2048 }, ONE_STRING));
      return;
    case "long_cell":
      await writeZip(
        path,
        workbook(
          { data: Buffer.from(`${SHEET_HEAD}${ONE_ROW}${SHEET_TAIL}`) },
          {
            data: Buffer.from(`${STRINGS_HEAD}<si><t>${pastedText(300_000)}</t></si></sst>`),
          },
        ),
      );
      return;
  }
}
