// An XLSX workbook's parts, found the way the Open Packaging Conventions say and not the way one
// writer happens to lay them out: the workbook is whatever `_rels/.rels` names, each sheet
// whatever the workbook's relationships name, and a relationship target may be relative
// (Excel, LibreOffice: `worksheets/sheet1.xml`), absolute (openpyxl, pandas:
// `/xl/worksheets/sheet1.xml`) or climb (`../`). Part names are matched case-insensitively
// (some writers differ in case between a relationship and the zip entry). Small parts (workbook,
// relationships, styles) are parsed whole; shared strings are kept in memory (bounded beforehand
// by zip-limits.server.ts); sheets are streamed by xlsx-source.server.ts.
import { open } from "node:fs/promises";
import path from "node:path";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { malformedXlsxError } from "./file-errors";
import type { ZipEntry } from "./zip-archive.server";
import { entryDataOffset, entryStream, readZipDirectory } from "./zip-archive.server";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  name: string;
  state: SheetState;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface XlsxPackage {
  path: string;
  sheets: XlsxSheet[];
  /** Cells count days from 1904-01-01 instead of 1900 (old Mac workbooks). */
  date1904: boolean;
  sharedStrings: string[];
  /** By cell style index (the `s` attribute): whether its number format shows a date or time. */
  dateStyles: boolean[];
  /** The inflated XML of one part, streamed; the caller destroys it. */
  openPart(part: string): Promise<NodeJS.ReadableStream & { destroy(): void }>;
  close(): Promise<void>;
}

const RELATIONSHIP = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};

/** A tag's or attribute's name without its namespace prefix (`x:row` → `row`). */
export const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** A push parser for one part: write its chunks in order, then end(); both throw on bad XML. */
export function xmlFeeder(handlers: XmlHandlers): {
  write(chunk: Buffer | string): void;
  end(): void;
} {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  const { open: onOpen, close: onClose, text: onText } = handlers;
  if (onOpen)
    parser.on("opentag", (tag: SaxesTagPlain) =>
      onOpen(localName(tag.name), tag.attributes as Record<string, string>),
    );
  if (onClose) parser.on("closetag", (tag: SaxesTagPlain) => onClose(localName(tag.name)));
  if (onText) {
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  // Chunks split multi-byte characters; the decoder carries the partial bytes over.
  const decoder = new TextDecoder("utf-8");
  const check = () => {
    if (failure) throw failure;
  };
  return {
    write(chunk) {
      parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      check();
    },
    end() {
      parser.write(decoder.decode());
      parser.close();
      check();
    },
  };
}

/** Parses a whole (small) part with the handlers. */
async function parsePart(stream: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const feeder = xmlFeeder(handlers);
  for await (const chunk of stream) feeder.write(chunk);
  feeder.end();
}

/** The relationships file of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsPartOf = (part: string) =>
  path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

/** A relationship target as a zip part name, from the directory of the part that names it. */
export function resolveTarget(fromPart: string, target: string): string {
  const decoded = decodeURIComponent(target.replace(/\\/g, "/"));
  const joined = decoded.startsWith("/")
    ? decoded
    : path.posix.join("/", path.posix.dirname(fromPart), decoded);
  return path.posix.normalize(joined).replace(/^\/+/, "");
}

interface Relationship {
  id: string;
  type: string;
  part: string;
}

// Number formats 14–22 are Excel's built-in dates and times; 27–36 and 50–58 are the East Asian
// built-in dates; 45–47 are times.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a custom format code shows a date or time: d, m, y, h or s outside quotes and []. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Opens a workbook's package. Throws FileRejectedError (malformed_xlsx) when its parts are not there. */
export async function openXlsxPackage(filePath: string): Promise<XlsxPackage> {
  const file = await open(filePath, "r");
  try {
    const directory = await readZipDirectory(file);
    if (!directory || directory.zip64) throw malformedXlsxError("no readable zip directory");
    const entries = new Map<string, ZipEntry>();
    for (const entry of directory.entries) entries.set(entry.name.toLowerCase(), entry);

    const openPart = async (part: string) => {
      const entry = entries.get(part.toLowerCase());
      if (!entry) throw malformedXlsxError(`missing part ${part}`);
      if (entry.method !== 0 && entry.method !== 8)
        throw malformedXlsxError(`${part}: compression method ${entry.method}`);
      const start = await entryDataOffset(file, entry);
      if (start === null) throw malformedXlsxError(`${part}: no local header`);
      return entryStream(filePath, entry, start);
    };
    const hasPart = (part: string) => entries.has(part.toLowerCase());
    const readRelationships = async (ofPart: string): Promise<Relationship[]> => {
      const relsPart = ofPart === "" ? "_rels/.rels" : relsPartOf(ofPart);
      if (!hasPart(relsPart)) return [];
      const found: Relationship[] = [];
      await withPart(openPart(relsPart), (stream) =>
        parsePart(stream, {
          open(name, a) {
            if (name !== "Relationship" || !a.Target || a.TargetMode === "External") return;
            found.push({
              id: a.Id ?? "",
              type: a.Type ?? "",
              part: resolveTarget(ofPart, a.Target),
            });
          },
        }),
      );
      return found;
    };

    const rootRels = await readRelationships("");
    const workbookPart =
      rootRels.find((r) => RELATIONSHIP.officeDocument.test(r.type))?.part ?? "xl/workbook.xml";
    if (!hasPart(workbookPart)) throw malformedXlsxError(`missing workbook ${workbookPart}`);
    const workbookRels = await readRelationships(workbookPart);
    const byId = new Map(workbookRels.map((r) => [r.id, r]));

    const sheets: XlsxSheet[] = [];
    let date1904 = false;
    await withPart(openPart(workbookPart), (stream) =>
      parsePart(stream, {
        open(name, a) {
          if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
          if (name !== "sheet") return;
          const idKey = Object.keys(a).find((k) => k !== "sheetId" && localName(k) === "id");
          const rel = idKey ? byId.get(a[idKey]!) : undefined;
          // Chart sheets and dialog sheets hold no cells.
          if (!rel || !RELATIONSHIP.worksheet.test(rel.type)) return;
          const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
          sheets.push({ name: (a.name ?? "").normalize("NFC"), state, part: rel.part });
        },
      }),
    );

    const stringsPart = workbookRels.find((r) => RELATIONSHIP.sharedStrings.test(r.type))?.part;
    const sharedStrings =
      stringsPart && hasPart(stringsPart) ? await readSharedStrings(openPart(stringsPart)) : [];
    const stylesPart = workbookRels.find((r) => RELATIONSHIP.styles.test(r.type))?.part;
    const dateStyles =
      stylesPart && hasPart(stylesPart) ? await readDateStyles(openPart(stylesPart)) : [];

    let closed = false;
    return {
      path: filePath,
      sheets,
      date1904,
      sharedStrings,
      dateStyles,
      openPart,
      async close() {
        if (closed) return;
        closed = true;
        await file.close();
      },
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function withPart<T>(
  opening: Promise<NodeJS.ReadableStream & { destroy(): void }>,
  read: (stream: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  const stream = await opening;
  try {
    return await read(stream as unknown as AsyncIterable<Buffer>);
  } finally {
    stream.destroy();
  }
}

/** Each `<si>`'s text: its `<t>`, or its rich-text runs joined; phonetic runs (`<rPh>`) left out. */
function readSharedStrings(
  opening: Promise<NodeJS.ReadableStream & { destroy(): void }>,
): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  return withPart(opening, async (stream) => {
    await parsePart(stream, {
      open(name) {
        if (name === "si") current = [];
        else if (name === "rPh") phonetic++;
        else if (name === "t") inText = phonetic === 0;
      },
      close(name) {
        if (name === "si") {
          strings.push(current ? current.join("") : "");
          current = null;
        } else if (name === "rPh") phonetic--;
        else if (name === "t") inText = false;
      },
      text(text) {
        if (inText && current) current.push(text);
      },
    });
    return strings;
  });
}

/** For each cell style (`cellXfs/xf`, in order): whether its number format is a date or time. */
function readDateStyles(
  opening: Promise<NodeJS.ReadableStream & { destroy(): void }>,
): Promise<boolean[]> {
  const customDates = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  return withPart(opening, async (stream) => {
    await parsePart(stream, {
      open(name, a) {
        if (name === "numFmt" && a.numFmtId !== undefined)
          customDates.set(Number(a.numFmtId), isDateFormatCode(a.formatCode ?? ""));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          styles.push(customDates.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    });
    return styles;
  });
}
