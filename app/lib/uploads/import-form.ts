// The upload form's fields and what can be wrong with them, shared by the action that validates
// them and the page that redisplays them. Free of server code: the page imports it.
import { z } from "zod";
import { IMPORT_KINDS } from "~/lib/etl/fields";

export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const UPLOAD_ACCEPT = ".csv,.xlsx,.txt";
/** Excel's own limit on a sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Previewed uploads nobody committed are deleted after this long. */
export const UPLOAD_MAX_AGE_HOURS = 24;
/** Upload ids are made by the server (a UUID); anything else is refused before touching a path. */
export const UPLOAD_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export const FILE_FIELD = "file";

export const UPLOAD_PROBLEM_CODES = [
  "form_unreadable",
  "file_missing",
  "file_empty",
  "file_too_large",
  "intent_invalid",
  "kind_invalid",
  "option_invalid",
  "sheet_invalid",
  "upload_id_invalid",
  "upload_not_found",
  "uploads_full",
  "import_busy",
] as const;
export type UploadProblemCode = (typeof UPLOAD_PROBLEM_CODES)[number];

/** Why a submission was refused (HTTP 400); the page explains it in both languages. */
export interface UploadProblem {
  code: UploadProblemCode;
  params?: Record<string, string | number>;
}

export const ImportIntentSchema = z.enum(["preview", "commit"]);
export type ImportIntent = z.infer<typeof ImportIntentSchema>;

// A checked box is sent as "on"; an unchecked one is not sent at all.
const CheckboxSchema = z
  .literal("on")
  .nullable()
  .transform((value) => value === "on");

export const ImportOptionsSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  strict: CheckboxSchema,
  derive_ids: CheckboxSchema,
  sheet: z
    .string()
    .nullable()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(MAX_SHEET_NAME_LENGTH))
    .transform((value) => (value === "" ? null : value)),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

export const UploadIdSchema = z.string().regex(UPLOAD_ID_PATTERN);

/** What the form held, as plain strings, to fill it in again after a refusal. */
export interface ImportFormValues {
  kind: string | null;
  strict: boolean;
  derive_ids: boolean;
  sheet: string;
}

export type ParsedImportForm =
  | { ok: true; intent: "preview"; options: ImportOptions }
  | {
      ok: true;
      intent: "commit";
      options: ImportOptions;
      upload_id: string;
      /** Also load the workbook's other sheets holding a table, one batch each (as the CLI does). */
      all_sheets: boolean;
    }
  | { ok: false; problem: UploadProblem };

const PROBLEM_BY_FIELD: Record<keyof ImportOptions, UploadProblemCode> = {
  kind: "kind_invalid",
  strict: "option_invalid",
  derive_ids: "option_invalid",
  sheet: "sheet_invalid",
};

function textOf(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}

export function readImportFormValues(form: FormData): ImportFormValues {
  return {
    kind: textOf(form, "kind"),
    strict: textOf(form, "strict") === "on",
    derive_ids: textOf(form, "derive_ids") === "on",
    sheet: (textOf(form, "sheet") ?? "").slice(0, MAX_SHEET_NAME_LENGTH),
  };
}

/** Validates the text fields of a submission (the file itself is checked where it is stored). */
export function parseImportForm(form: FormData): ParsedImportForm {
  const intent = ImportIntentSchema.safeParse(textOf(form, "intent"));
  if (!intent.success) return { ok: false, problem: { code: "intent_invalid" } };
  const options = ImportOptionsSchema.safeParse({
    kind: form.get("kind"),
    strict: form.get("strict"),
    derive_ids: form.get("derive_ids"),
    sheet: form.get("sheet"),
  });
  if (!options.success) {
    const field = options.error.issues[0]?.path[0] as keyof ImportOptions | undefined;
    const code = (field && PROBLEM_BY_FIELD[field]) ?? "option_invalid";
    return {
      ok: false,
      problem:
        code === "sheet_invalid" ? { code, params: { max: MAX_SHEET_NAME_LENGTH } } : { code },
    };
  }
  if (intent.data === "preview") return { ok: true, intent: "preview", options: options.data };
  const uploadId = UploadIdSchema.safeParse(form.get("upload_id"));
  if (!uploadId.success) return { ok: false, problem: { code: "upload_id_invalid" } };
  return {
    ok: true,
    intent: "commit",
    options: options.data,
    upload_id: uploadId.data,
    all_sheets: textOf(form, "all_sheets") === "on",
  };
}
