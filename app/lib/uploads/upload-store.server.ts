// Uploaded files between preview and commit: each one streamed to
// DATA_DIR/uploads/<random id>/<sanitized name>, beside a small manifest with the name the user
// knows. The id is the only thing a later request may name, and only as an id, never as a path.
import { randomUUID } from "node:crypto";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { z } from "zod";
import {
  FILE_FIELD,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  UPLOAD_ID_PATTERN,
  UPLOAD_MAX_AGE_HOURS,
  type UploadProblem,
} from "./import-form";
import { displayFileName, sanitizeFileName } from "./upload-file-name";

const UPLOAD_MAX_AGE_MS = UPLOAD_MAX_AGE_HOURS * 60 * 60 * 1000;
const MANIFEST = ".upload.json";
// Text fields are a kind, two checkboxes, a sheet name and an id: a few bytes each.
const MAX_TEXT_FIELD_BYTES = 4 * 1024;

export interface StoredUpload {
  id: string;
  /** Absolute path of the stored file. */
  path: string;
  /** The name the user's browser sent, for the batch ledger. */
  file_name: string;
  bytes: number;
}

const ManifestSchema = z.object({
  file_name: z.string().min(1),
  stored_name: z.string().min(1),
  bytes: z.number().int().min(0),
  saved_at: z.string(),
});

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
  maxBytes?: number;
  now?: Date;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

/**
 * Reads a multipart submission, streaming its file (the first non-empty `file` part) to a new
 * upload directory, and deletes leftover uploads older than a day. Throws UploadProblemError when
 * the request is not a readable multipart form or the file is too large; nothing is left on disk
 * then.
 */
export async function receiveUploadForm(
  request: Request,
  { uploadsDir, maxBytes = MAX_UPLOAD_BYTES, now = new Date() }: ReceiveOptions,
): Promise<ReceivedForm> {
  const id = randomUUID();
  const dir = path.join(uploadsDir, id);
  // Filled in by the handler below while the request streams in.
  const received: { file_name?: string; stored_name?: string } = {};
  const saveFile = unstable_createFileUploadHandler({
    directory: dir,
    file: ({ filename }) => sanitizeFileName(filename ?? ""),
    avoidFileConflicts: false,
    maxPartSize: maxBytes,
  });
  const readText = unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_FIELD_BYTES });
  const handler: UploadHandler = async (part) => {
    if (part.filename === undefined) return readText(part);
    // A browser sends an empty file part when no file was chosen; extra files are not wanted.
    if (part.name !== FILE_FIELD || part.filename === "" || received.stored_name) {
      await drain(part.data);
      return undefined;
    }
    received.file_name = displayFileName(part.filename);
    received.stored_name = sanitizeFileName(part.filename);
    return saveFile(part);
  };

  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw toUploadProblem(error);
  }
  const { file_name, stored_name } = received;
  if (!file_name || !stored_name) return { form, upload: null };
  const filePath = path.join(dir, stored_name);
  const { size } = await stat(filePath);
  const manifest = { file_name, stored_name, bytes: size, saved_at: now.toISOString() };
  await writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest));
  await deleteStaleUploads(uploadsDir, now, id);
  return { form, upload: { id, path: filePath, file_name, bytes: size } };
}

function toUploadProblem(error: unknown): unknown {
  if (error instanceof MaxPartSizeExceededError) {
    return new UploadProblemError(
      error.field === FILE_FIELD
        ? { code: "file_too_large", params: { max: MAX_UPLOAD_MB } }
        : { code: "option_invalid" },
    );
  }
  // Thrown by the multipart parser for a request that is not (well-formed) multipart/form-data.
  if (
    error instanceof Error &&
    (error.message === "Could not parse content as FormData." ||
      error.message.startsWith("malformed "))
  ) {
    return new UploadProblemError({ code: "form_unreadable" });
  }
  return error;
}

/** The upload with this id, or null when the id is malformed, unknown or expired. */
export async function findStoredUpload(
  uploadsDir: string,
  id: string,
): Promise<StoredUpload | null> {
  if (!UPLOAD_ID_PATTERN.test(id)) return null;
  const dir = path.join(uploadsDir, id);
  let manifest: z.infer<typeof ManifestSchema>;
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")),
    );
    if (!parsed.success) return null;
    manifest = parsed.data;
  } catch {
    return null;
  }
  if (sanitizeFileName(manifest.stored_name) !== manifest.stored_name) return null;
  const filePath = path.join(dir, manifest.stored_name);
  const exists = await stat(filePath).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!exists) return null;
  return { id, path: filePath, file_name: manifest.file_name, bytes: manifest.bytes };
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
