// Temporary fixture files for the reader tests: binary encodings and line endings are written
// byte for byte here rather than committed, where an editor or git could rewrite them.
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { FileRejectedError } from "~/lib/etl/read/file-errors";
import type { OpenedSource, SourceRow } from "~/lib/etl/read/types";

export const FIXTURES_DIR = new URL("../../fixtures/read/", import.meta.url).pathname;

export function createTempDir(): {
  path: (name: string) => string;
  write: (name: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "etl-read-"));
  return {
    path: (name) => join(dir, name),
    write: (name, content) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function collectRows(source: OpenedSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** The FileRejectedError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<FileRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileRejectedError);
  return error as FileRejectedError;
}

export function hex(s: string): Buffer {
  return Buffer.from(s, "hex");
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) {
    const b = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = b;
  }
  return le;
}

export const ASSISTANCE_HEADER_EN =
  "record_id,assisted_at,commune,team,volunteer_id,procedure,help_type,channel,outcome,gender,minutes";

function openFiles(): string[] {
  return readdirSync("/proc/self/fd").map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return "";
    }
  });
}

/**
 * Files matching `test` this process holds open (Linux). Closing is asynchronous, so this waits
 * up to two seconds for them to be closed before answering.
 */
export async function openFilesMatching(test: (target: string) => boolean): Promise<string[]> {
  let held = openFiles().filter(test);
  for (let wait = 0; held.length > 0 && wait < 2_000; wait += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    held = openFiles().filter(test);
  }
  return held;
}
