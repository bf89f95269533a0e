// Uploaded files between preview and commit: each one streamed to
// DATA_DIR/uploads/<random id>/<sanitized name>, beside a small manifest with the name the user
// knows, who uploaded it and the options it was previewed with. The id is the only thing a later
// request may name, and only as an id, never as a path; a commit re-uses the previewed options and
// only the uploader may commit (ADR 012). The form is parsed with busboy, bounded in parts, fields
// and bytes, and reads any file name a browser sends (`;`, `=`, quotes, Vietnamese).
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { z } from "zod";
import {
  FILE_FIELD,
  ImportOptionsSchema,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  UPLOAD_ID_PATTERN,
  UPLOAD_MAX_AGE_HOURS,
  type ImportOptions,
  type UploadProblem,
} from "./import-form";
import { displayFileName, sanitizeFileName } from "./upload-file-name";

const UPLOAD_MAX_AGE_MS = UPLOAD_MAX_AGE_HOURS * 60 * 60 * 1000;
const MANIFEST = ".upload.json";
// Text fields are a kind, two checkboxes, a sheet name, an intent and an id: a few bytes each.
const MAX_TEXT_FIELD_BYTES = 4 * 1024;
/** The form has six text fields and one file; a few more parts are tolerated, 50,000 are not. */
const MAX_PARTS = 16;
/** Previews kept for a commit: per user (the oldest goes first) and in all (then refused). */
export const MAX_KEPT_PREVIEWS_PER_USER = 3;
export const MAX_KEPT_PREVIEWS = 40;
export const MAX_KEPT_PREVIEW_BYTES = 1024 * 1024 * 1024;

export interface StoredUpload {
  id: string;
  /** Absolute path of the stored file. */
  path: string;
  /** The name the user's browser sent, for the batch ledger. */
  file_name: string;
  bytes: number;
  /** Who uploaded it; only they may commit it. */
  uploaded_by: string;
  /** The options it was previewed with: a commit runs with these, not with the form's. */
  options: ImportOptions | null;
  saved_at: string;
}

const ManifestSchema = z.object({
  file_name: z.string().min(1),
  stored_name: z.string().min(1),
  bytes: z.number().int().min(0),
  saved_at: z.string(),
  uploaded_by: z.string().min(1),
  options: z
    .object({
      kind: ImportOptionsSchema.shape.kind,
      strict: z.boolean(),
      derive_ids: z.boolean(),
      sheet: z.string().nullable(),
    })
    .nullable()
    .default(null),
});
type Manifest = z.infer<typeof ManifestSchema>;

/** A submission was refused before anything was run (the page shows it as a 400). */
export class UploadProblemError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`upload refused: ${problem.code}`);
    this.name = "UploadProblemError";
  }
}

export function uploadsDirOf(dataDir: string): string {
  return path.resolve(dataDir, "uploads");
}

export interface ReceivedForm {
  form: FormData;
  /** The file field, stored on disk; null when the submission carried no file. */
  upload: StoredUpload | null;
}

export interface ReceiveOptions {
  uploadsDir: string;
  /** The signed-in user: recorded in the manifest, the only one who may commit it. */
  username: string;
  maxBytes?: number;
  now?: Date;
}

/**
 * Reads a multipart submission, streaming its file (the first non-empty `file` part) to a new
 * upload directory, and deletes leftover uploads older than a day. Throws UploadProblemError when
 * the request is not a readable multipart form, has too many parts or fields, or the file is too
 * large; nothing is left on disk then.
 */
export async function receiveUploadForm(
  request: Request,
  { uploadsDir, username, maxBytes = MAX_UPLOAD_BYTES, now = new Date() }: ReceiveOptions,
): Promise<ReceivedForm> {
  const id = randomUUID();
  const dir = path.join(uploadsDir, id);
  const type = request.headers.get("Content-Type") ?? "";
  if (!request.body || !/^multipart\/form-data\s*;/i.test(type))
    throw new UploadProblemError({ code: "form_unreadable" });
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      // Browsers send a file name's UTF-8 bytes as they are.
      defParamCharset: "utf8",
      limits: {
        parts: MAX_PARTS,
        fields: MAX_PARTS,
        files: 1,
        fieldSize: MAX_TEXT_FIELD_BYTES,
        fileSize: maxBytes,
        headerPairs: 16,
      },
    });
  } catch {
    throw new UploadProblemError({ code: "form_unreadable" });
  }
  const form = new FormData();
  let saved: { file_name: string; stored_name: string } | null = null;
  const writes: Promise<void>[] = [];
  const problem = new Promise<never>((_, reject) => {
    const refuse = (p: UploadProblem) => reject(new UploadProblemError(p));
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) refuse({ code: "option_invalid" });
      else form.append(name, value);
    });
    parser.on("file", (name, stream, info) => {
      // A browser sends an empty file part when no file was chosen; extra files are not wanted.
      if (name !== FILE_FIELD || !info.filename || saved) {
        stream.resume();
        return;
      }
      // The HTML standard has browsers write `"`, CR and LF in a file name as %22, %0D and %0A.
      const sent = info.filename.replace(/%(22|0d|0a)/gi, (escape) => decodeURIComponent(escape));
      saved = { file_name: displayFileName(sent), stored_name: sanitizeFileName(sent) };
      const target = path.join(dir, saved.stored_name);
      // Until the pipeline below takes it (after mkdir), a torn-down parser's error has no taker.
      stream.on("error", () => undefined);
      stream.on("limit", () => refuse({ code: "file_too_large", params: { max: MAX_UPLOAD_MB } }));
      // The file holds whatever personal columns the office put in it: readable by the server's
      // user only (0700 folder, 0600 file), and deleted after commit, refusal or expiry.
      const write = mkdir(dir, { recursive: true, mode: 0o700 }).then(() =>
        pipeline(stream, createWriteStream(target, { mode: 0o600 })),
      );
      // Awaited below on success; on a refusal the parser is torn down and this fails quietly.
      write.catch(() => undefined);
      writes.push(write);
    });
    for (const event of ["partsLimit", "filesLimit", "fieldsLimit"])
      parser.on(event, () => refuse({ code: "form_unreadable" }));
    parser.on("error", () => refuse({ code: "form_unreadable" }));
  });
  problem.catch(() => undefined);
  const body = Readable.fromWeb(request.body as WebReadableStream);
  try {
    await Promise.race([pipeline(body, parser), problem]);
    await Promise.race([Promise.all(writes), problem]);
  } catch (error) {
    // Stop reading: the rest of the body is not wanted. Busboy reports the cut-off as an error,
    // which its listener above absorbs.
    body.unpipe(parser);
    body.destroy();
    parser.destroy();
    await rm(dir, { recursive: true, force: true });
    if (error instanceof UploadProblemError) throw error;
    // A client that went away or sent a broken stream: nothing is kept.
    throw new UploadProblemError({ code: "form_unreadable" });
  }
  const received = saved as { file_name: string; stored_name: string } | null;
  if (!received) return { form, upload: null };
  const filePath = path.join(dir, received.stored_name);
  const { size } = await stat(filePath);
  const manifest: Manifest = {
    ...received,
    bytes: size,
    saved_at: now.toISOString(),
    uploaded_by: username,
    options: null,
  };
  await writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest), { mode: 0o600 });
  await deleteStaleUploads(uploadsDir, now, id);
  return {
    form,
    upload: {
      id,
      path: filePath,
      file_name: received.file_name,
      bytes: size,
      uploaded_by: username,
      options: null,
      saved_at: manifest.saved_at,
    },
  };
}

/**
 * Which kept previews would make way for this one (the uploader's oldest beyond
 * MAX_KEPT_PREVIEWS_PER_USER), and whether it then fits under MAX_KEPT_PREVIEWS and
 * MAX_KEPT_PREVIEW_BYTES for all users together.
 */
async function planKeep(
  uploadsDir: string,
  upload: StoredUpload,
): Promise<{ evict: StoredUpload[]; fits: boolean }> {
  const kept = (await listKeptUploads(uploadsDir)).filter((u) => u.id !== upload.id);
  const mine = kept
    .filter((u) => u.uploaded_by === upload.uploaded_by)
    .sort((a, b) => a.saved_at.localeCompare(b.saved_at));
  const evict = mine.slice(0, Math.max(0, mine.length - (MAX_KEPT_PREVIEWS_PER_USER - 1)));
  const remaining = kept.filter((u) => !evict.includes(u));
  const bytes = remaining.reduce((total, u) => total + u.bytes, upload.bytes);
  return {
    evict,
    fits: remaining.length + 1 <= MAX_KEPT_PREVIEWS && bytes <= MAX_KEPT_PREVIEW_BYTES,
  };
}

/** Whether a preview of this upload could be kept for a commit (asked before the dry run). */
export async function hasRoomToKeep(uploadsDir: string, upload: StoredUpload): Promise<boolean> {
  return (await planKeep(uploadsDir, upload)).fits;
}

/**
 * Keeps a previewed upload for its commit, bound to the options it was previewed with; the
 * uploader's oldest kept previews make way. False when the quota leaves no room (not kept).
 */
export async function keepPreviewedUpload(
  uploadsDir: string,
  upload: StoredUpload,
  options: ImportOptions,
): Promise<boolean> {
  const { evict, fits } = await planKeep(uploadsDir, upload);
  if (!fits) return false;
  for (const old of evict) await deleteStoredUpload(uploadsDir, old.id);
  const manifest = await readManifest(path.join(uploadsDir, upload.id));
  if (!manifest) return false;
  await writeFile(
    path.join(uploadsDir, upload.id, MANIFEST),
    JSON.stringify({ ...manifest, options } satisfies Manifest),
  );
  return true;
}

/** Previews kept for a commit (uploads with their options recorded). */
async function listKeptUploads(uploadsDir: string): Promise<StoredUpload[]> {
  const entries = await readdir(uploadsDir, { withFileTypes: true }).catch(() => []);
  const kept: StoredUpload[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !UPLOAD_ID_PATTERN.test(entry.name)) continue;
    const upload = await findStoredUpload(uploadsDir, entry.name);
    if (upload?.options) kept.push(upload);
  }
  return kept;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The upload with this id, or null when the id is malformed, unknown or expired. */
export async function findStoredUpload(
  uploadsDir: string,
  id: string,
): Promise<StoredUpload | null> {
  if (!UPLOAD_ID_PATTERN.test(id)) return null;
  const dir = path.join(uploadsDir, id);
  const manifest = await readManifest(dir);
  if (!manifest || sanitizeFileName(manifest.stored_name) !== manifest.stored_name) return null;
  const filePath = path.join(dir, manifest.stored_name);
  const exists = await stat(filePath).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) return null;
  return {
    id,
    path: filePath,
    file_name: manifest.file_name,
    bytes: manifest.bytes,
    uploaded_by: manifest.uploaded_by,
    options: manifest.options,
    saved_at: manifest.saved_at,
  };
}

export async function deleteStoredUpload(uploadsDir: string, id: string): Promise<void> {
  if (!UPLOAD_ID_PATTERN.test(id)) return;
  await rm(path.join(uploadsDir, id), { recursive: true, force: true });
}

/** Deletes upload directories last changed more than a day before `now`; returns their ids. */
export async function deleteStaleUploads(
  uploadsDir: string,
  now: Date,
  keepId?: string,
): Promise<string[]> {
  const entries = await readdir(uploadsDir, { withFileTypes: true }).catch(() => []);
  const deleted: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !UPLOAD_ID_PATTERN.test(entry.name) || entry.name === keepId)
      continue;
    const dir = path.join(uploadsDir, entry.name);
    const changed = await stat(dir).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (changed !== null && now.getTime() - changed > UPLOAD_MAX_AGE_MS) {
      await rm(dir, { recursive: true, force: true });
      deleted.push(entry.name);
    }
  }
  return deleted;
}
