// CSV records streamed off disk: bytes → text (UTF-8 or UTF-16, checked as it goes) → csv-parse.
// Line numbers are counted here, because csv-parse's own count (info.lines) follows the record's
// end and counts a quoted CRLF twice: a record spans one line plus the line breaks inside its
// quoted values.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { Delimiter } from "./detect-delimiter";
import { detectDelimiter, firstLine } from "./detect-delimiter";
import type { TextEncoding } from "./detect-encoding";
import { decoderLabel, detectEncoding, guessLegacyEncoding } from "./detect-encoding";
import type { CsvDefect } from "./file-errors";
import {
  binaryFileError,
  invalidUtf16Error,
  legacyEncodingError,
  malformedCsvError,
} from "./file-errors";
import type { SourceRecord } from "./types";

// A record this large is an unclosed quote swallowing the file, not data.
const MAX_RECORD_CHARS = 8 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

export interface CsvRecordSource {
  encoding: TextEncoding;
  delimiter: Delimiter;
  records(): AsyncGenerator<SourceRecord>;
}

/**
 * Checks the encoding on the file's first bytes and finds the delimiter on its header line.
 * `complete` says whether `head` is the whole file. Throws FileRejectedError.
 */
export function prepareCsvSource(
  path: string,
  head: Uint8Array,
  complete: boolean,
): CsvRecordSource {
  const detected = detectEncoding(head, { complete });
  if (!detected.ok) {
    if (detected.problem === "legacy") throw legacyEncodingError(detected.legacy);
    throw detected.problem === "binary" ? binaryFileError() : invalidUtf16Error();
  }
  const { encoding } = detected;
  const headText = new TextDecoder(decoderLabel(encoding)).decode(head, { stream: !complete });
  const delimiter = detectDelimiter(firstLine(headText));
  return { encoding, delimiter, records: () => readCsvRecords(path, encoding, delimiter) };
}

function decodeChunks(encoding: TextEncoding) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
    const decoder = new TextDecoder(decoderLabel(encoding), { fatal: true });
    const decode = (chunk?: Buffer) => {
      let text: string;
      try {
        text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        if (encoding === "utf-16le" || encoding === "utf-16be") throw invalidUtf16Error();
        throw legacyEncodingError(chunk ? guessLegacyEncoding(chunk) : null);
      }
      if (text.includes("\u0000")) throw binaryFileError();
      return text;
    };
    for await (const chunk of chunks) yield decode(chunk);
    yield decode();
  };
}

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes("\n") || cell.includes("\r")) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

function csvDefect(error: CsvError): CsvDefect {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "quote_not_closed";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "invalid_closing_quote";
    case "CSV_MAX_RECORD_SIZE":
      return "record_too_large";
    default:
      return "other";
  }
}

/** Every record of the file, blank lines included (as one empty cell), with the line it starts on. */
export async function* readCsvRecords(
  path: string,
  encoding: TextEncoding,
  delimiter: Delimiter,
): AsyncGenerator<SourceRecord> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // Errors surface through the parser's iterator below; the callback only keeps them handled.
  pipeline(
    createReadStream(path, { highWaterMark: CHUNK_BYTES }),
    decodeChunks(encoding),
    parser,
    () => {},
  );
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield { line: nextLine, cells: record };
      nextLine += 1 + countLineBreaks(record);
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw malformedCsvError(csvDefect(error), nextLine, error.message);
    throw error;
  } finally {
    parser.destroy();
  }
}
