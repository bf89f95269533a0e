// The upload page's two steps, over the same pipeline as `npm run etl`: preview stores the file
// and runs a dry run; commit runs the real import of a stored upload and deletes the file.
import type { SqlEngine } from "~/lib/db/engine";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { ImportBusyError, importFile } from "~/lib/etl/import-file.server";
import { tableSheets } from "~/lib/etl/import-sheets.server";
import { formatImportStart, runWebImport } from "./import-gate.server";
import {
  parseImportForm,
  readImportFormValues,
  type ImportFormValues,
  type ImportOptions,
  type UploadProblem,
} from "./import-form";
import {
  deleteStoredUpload,
  findStoredUpload,
  hasRoomToKeep,
  keepPreviewedUpload,
  receiveUploadForm,
  UploadProblemError,
  type StoredUpload,
} from "./upload-store.server";

/** A web batch's loaded_by: the signed-in user, marked as coming from the upload page. */
export function webLoadedBy(username: string): string {
  return `web:${username}`;
}

export interface ImportUploadContext {
  engine: SqlEngine;
  provinceCode: string;
  uploadsDir: string;
  /** The signed-in user who uploads (recorded as the batch's loaded_by). */
  username: string;
  now?: Date;
}

export type ImportUploadOutcome =
  | { outcome: "refused"; problem: UploadProblem; values: ImportFormValues }
  | {
      outcome: "previewed";
      summary: ImportSummary;
      options: ImportOptions;
      /** Set only when the dry run says the file can be committed; the upload is kept for it. */
      upload_id: string | null;
      /** A workbook's other sheets holding a table: each is loaded by choosing it (one batch each). */
      other_sheets: string[];
    }
  | {
      outcome: "committed";
      summary: ImportSummary;
      /** The workbook's other table sheets, when the commit asked for them: one batch each. */
      more: ImportSummary[];
    };

const NO_VALUES: ImportFormValues = { kind: null, strict: false, derive_ids: false, sheet: "" };

/** A dry run that would load something: the only kind of preview worth a commit button. */
export function isCommittable(summary: ImportSummary): boolean {
  return summary.status === "dry_run" && summary.error === null;
}

export async function submitImportForm(
  request: Request,
  context: ImportUploadContext,
): Promise<ImportUploadOutcome> {
  let received;
  try {
    received = await receiveUploadForm(request, {
      uploadsDir: context.uploadsDir,
      username: context.username,
      now: context.now,
    });
  } catch (error) {
    if (error instanceof UploadProblemError) {
      return { outcome: "refused", problem: error.problem, values: NO_VALUES };
    }
    throw error;
  }
  const { form, upload } = received;
  // Whatever happens from here, an upload that is not kept for a commit is deleted: a failed
  // request (a 500, a client gone) must not leave its file behind.
  let kept = false;
  try {
    const outcome = await handleSubmission(form, upload, context);
    kept = outcome.outcome === "previewed" && outcome.upload_id !== null;
    return outcome;
  } catch (error) {
    if (!(error instanceof ImportBusyError)) throw error;
    const since = formatImportStart(error.since);
    return {
      outcome: "refused",
      problem: { code: "import_busy", params: { since } },
      values: readImportFormValues(form),
    };
  } finally {
    if (upload && !kept) await deleteStoredUpload(context.uploadsDir, upload.id);
  }
}

async function handleSubmission(
  form: FormData,
  upload: StoredUpload | null,
  context: ImportUploadContext,
): Promise<ImportUploadOutcome> {
  const values = readImportFormValues(form);
  const parsed = parseImportForm(form);
  const refuse = (problem: UploadProblem): ImportUploadOutcome => ({
    outcome: "refused",
    problem,
    values,
  });

  if (!parsed.ok) return refuse(parsed.problem);
  if (parsed.intent === "commit") {
    // A commit names a stored upload (a file sent along with it is not what was previewed), and
    // only its uploader may commit it, with the options it was previewed with.
    const stored = await findStoredUpload(context.uploadsDir, parsed.upload_id);
    if (!stored || stored.uploaded_by !== context.username || !stored.options)
      return refuse({ code: "upload_not_found" });
    try {
      const sheets = stored.options.sheet ? null : await tableSheetsOf(stored.path, stored.options);
      const sheet = stored.options.sheet ?? sheets?.[0];
      const summary = await runImport(stored, stored.options, sheet, context, false);
      // One tab per month is how offices keep a year: the other tables load too when asked,
      // each as its own batch, as `etl import` does. Only after the previewed sheet loaded.
      const more: ImportSummary[] = [];
      if (parsed.all_sheets && summary.status === "loaded")
        for (const other of (sheets ?? []).slice(1))
          more.push(await runImport(stored, stored.options, other, context, false));
      return { outcome: "committed", summary, more };
    } finally {
      await deleteStoredUpload(context.uploadsDir, stored.id);
    }
  }

  if (!upload) return refuse({ code: "file_missing" });
  if (upload.bytes === 0) return refuse({ code: "file_empty" });
  if (!(await hasRoomToKeep(context.uploadsDir, upload))) return refuse({ code: "uploads_full" });
  // Without a chosen sheet, the first sheet holding a table (an instructions tab or an empty
  // "Sheet1" in front is passed over); the preview names it and the workbook's other tables.
  const sheets = await tableSheetsOf(upload.path, parsed.options);
  const sheet = parsed.options.sheet ?? sheets?.[0];
  const summary = await runImport(upload, parsed.options, sheet, context, true);
  const committable =
    isCommittable(summary) &&
    (await keepPreviewedUpload(context.uploadsDir, upload, parsed.options));
  return {
    outcome: "previewed",
    summary,
    options: parsed.options,
    upload_id: committable ? upload.id : null,
    other_sheets: (sheets ?? []).filter((name) => name !== summary.sheet),
  };
}

function tableSheetsOf(path: string, options: ImportOptions): Promise<string[] | null> {
  return tableSheets({
    path,
    kind: options.kind,
    provinceCode: "",
    loadedBy: "",
    deriveIds: options.derive_ids,
  });
}

/** The import behind the web gate, never waiting for another importer's lock. */
function runImport(
  upload: StoredUpload,
  options: ImportOptions,
  sheet: string | undefined,
  context: ImportUploadContext,
  dryRun: boolean,
): Promise<ImportSummary> {
  return runWebImport(() =>
    importFile(context.engine, {
      path: upload.path,
      kind: options.kind,
      provinceCode: context.provinceCode,
      loadedBy: webLoadedBy(context.username),
      fileName: upload.file_name,
      dryRun,
      strict: options.strict,
      deriveIds: options.derive_ids,
      sheet,
      now: context.now,
      tryLock: true,
    }),
  );
}
