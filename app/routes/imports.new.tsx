// Upload a data file: a plain multipart form (works without JavaScript) → preview, a dry run of
// the same pipeline as `npm run etl` → commit, the real import, then the batch's page.
// Admins and analysts only (policy "import"); each commit is written to the audit log.
import { recordAudit } from "~/lib/auth/audit.server";
import { clientAddress } from "~/lib/auth/client-address.server";
import { requirePermission } from "~/lib/auth/viewer.server";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { labelField } from "~/lib/etl/fields";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { IMPORT_KINDS } from "~/lib/etl/fields";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import type { Translator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  MAX_SHEET_NAME_LENGTH,
  MAX_UPLOAD_MB,
  UPLOAD_ACCEPT,
  UPLOAD_MAX_AGE_HOURS,
  type ImportFormValues,
  type ImportOptions,
} from "~/lib/uploads/import-form";
import {
  BilingualMessage,
  DroppedColumns,
  ImportCountTiles,
  IssueList,
  RejectTable,
  UploadProblemNotice,
} from "~/lib/uploads/import-report-view";
import { submitImportForm } from "~/lib/uploads/import-upload.server";
import { uploadsDirOf } from "~/lib/uploads/upload-store.server";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers();
  const source =
    errorHeaders ?? (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);
  for (const name of ["Cache-Control", "Vary"]) {
    const value = source.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import");
  const { lang } = await resolveLanguage(request);
  const t = createTranslator(lang);
  return json(
    { title: `${t("imports.new.title")} — ${t("app.name")}` },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "import");
  const { lang } = await resolveLanguage(request);
  const env = getEnv();
  const { engine, db } = await getDatabase();
  const result = await submitImportForm(request, {
    engine,
    provinceCode: env.PROVINCE_CODE,
    uploadsDir: uploadsDirOf(env.DATA_DIR),
    username: viewer.username,
  });
  if (result.outcome === "committed") {
    for (const summary of [result.summary, ...result.more])
      await recordAudit(db, {
        viewer,
        action: "import.commit",
        target: summary.batch_id === null ? null : `batch:${summary.batch_id}`,
        details: {
          file: summary.file,
          sheet: summary.sheet,
          kind: summary.kind,
          status: summary.status,
          rows: summary.rows,
          inserted: summary.inserted,
          updated: summary.updated,
          rejected: summary.rejected,
        },
        address: clientAddress(request),
      });
  }
  // Several sheets: the batch list shows them all; one: its own page.
  if (result.outcome === "committed" && result.more.length > 0)
    return redirect(hrefWithLang("/imports", lang), 303);
  if (result.outcome === "committed" && result.summary.batch_id !== null) {
    return redirect(hrefWithLang(`/imports/${result.summary.batch_id}`, lang), 303);
  }
  // Busy is not the form's fault: 409, try again later (ADR 012).
  const refusedStatus =
    result.outcome === "refused" && result.problem.code === "import_busy" ? 409 : 400;
  return json(result, {
    status: result.outcome === "refused" ? refusedStatus : 200,
    headers: { "Cache-Control": "no-store" },
  });
}

const NO_VALUES: ImportFormValues = { kind: null, strict: false, derive_ids: false, sheet: "" };

export default function NewImportRoute() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const summary = result && result.outcome !== "refused" ? result.summary : null;
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview">
        {result?.outcome === "previewed" && summary ? (
          <ImportPreview
            summary={summary}
            options={result.options}
            uploadId={result.upload_id}
            otherSheets={result.other_sheets}
          />
        ) : result?.outcome === "committed" && summary ? (
          <ImportPreview summary={summary} options={null} uploadId={null} otherSheets={[]} />
        ) : (
          <>
            <h1>{t("imports.new.title")}</h1>
            <p>{t("imports.new.intro")}</p>
            {result?.outcome === "refused" ? (
              <UploadProblemNotice problem={result.problem} />
            ) : null}
            <UploadForm values={result?.outcome === "refused" ? result.values : NO_VALUES} />
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}

function UploadForm({ values }: { values: ImportFormValues }) {
  const { lang, t } = useI18n();
  const busy = useNavigation().state === "submitting";
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      action={hrefWithLang("/imports/new", lang)}
      className="filters"
    >
      <div className="field">
        <label htmlFor="upload-file">{t("imports.form.file")}</label>
        <input
          id="upload-file"
          type="file"
          name="file"
          accept={UPLOAD_ACCEPT}
          required
          aria-describedby="upload-file-hint"
        />
        <p id="upload-file-hint" className="field__hint">
          {t("imports.form.fileHint", { max: MAX_UPLOAD_MB })}
        </p>
      </div>
      <fieldset>
        <legend>{t("imports.form.kind")}</legend>
        {IMPORT_KINDS.map((kind) => (
          <div key={kind}>
            <input
              id={`upload-kind-${kind}`}
              type="radio"
              name="kind"
              value={kind}
              required
              defaultChecked={values.kind === kind}
              aria-describedby={`upload-kind-${kind}-hint`}
            />{" "}
            <label htmlFor={`upload-kind-${kind}`}>{t(`importKind.${kind}`)}</label>
            <p id={`upload-kind-${kind}-hint`} className="field__hint">
              {t(`importKind.${kind}.description`)}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("imports.form.options")}</legend>
        <div>
          <input id="upload-strict" type="checkbox" name="strict" defaultChecked={values.strict} />{" "}
          <label htmlFor="upload-strict">{t("imports.form.strict")}</label>
        </div>
        <div>
          <input
            id="upload-derive-ids"
            type="checkbox"
            name="derive_ids"
            defaultChecked={values.derive_ids}
          />{" "}
          <label htmlFor="upload-derive-ids">{t("imports.form.deriveIds")}</label>
        </div>
        <div className="field">
          <label htmlFor="upload-sheet">{t("imports.form.sheet")}</label>
          <input
            id="upload-sheet"
            type="text"
            name="sheet"
            defaultValue={values.sheet}
            maxLength={MAX_SHEET_NAME_LENGTH}
            aria-describedby="upload-sheet-hint"
          />
          <p id="upload-sheet-hint" className="field__hint">
            {t("imports.form.sheetHint")}
          </p>
        </div>
      </fieldset>
      <div className="filters__actions">
        <button type="submit" name="intent" value="preview" disabled={busy}>
          {busy ? t("imports.form.working") : t("imports.form.preview")}
        </button>
      </div>
    </Form>
  );
}

function describeOptions(options: ImportOptions, t: Translator): string {
  const parts = [
    options.strict ? t("imports.option.strict") : null,
    options.derive_ids ? t("imports.option.deriveIds") : null,
    options.sheet ? t("imports.option.sheet", { sheet: options.sheet }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : t("imports.option.none");
}

function ImportPreview({
  summary,
  options,
  uploadId,
  otherSheets,
}: {
  summary: ImportSummary;
  options: ImportOptions | null;
  uploadId: string | null;
  otherSheets: string[];
}) {
  const { lang, t, fmt } = useI18n();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("imports.preview.title", { file: summary.file })}</h1>
      {options ? (
        <p className="overview__period">
          {t("imports.preview.options", {
            kind: t(`importKind.${options.kind}`),
            options: describeOptions(options, t),
          })}
        </p>
      ) : null}
      {summary.sheet !== null ? (
        <p>{t("imports.preview.sheet", { sheet: summary.sheet })}</p>
      ) : null}
      {summary.columns.length ? (
        // Which header fed which field: a misread column is caught here, before the commit.
        <details>
          <summary>{t("imports.preview.columns", { count: summary.columns.length })}</summary>
          <ul>
            {summary.columns.map((c) => (
              <li key={`${c.header}:${c.field}`}>
                «{c.header}» → {labelField(summary.kind, c.field)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {otherSheets.length ? (
        <p>
          {t("imports.preview.otherSheets", {
            sheets: otherSheets.map((name) => `«${name}»`).join(", "),
          })}
        </p>
      ) : null}
      {summary.skipped.total_row || summary.skipped.signature_block ? (
        <p>
          {t("imports.preview.skipped", {
            totals: fmt.integer(summary.skipped.total_row ?? 0),
            signatures: fmt.integer(summary.skipped.signature_block ?? 0),
          })}
        </p>
      ) : null}
      {summary.status === "already_loaded" && summary.batch_id !== null ? (
        <p className="notice">
          {t("imports.preview.alreadyLoaded", { batch: summary.batch_id })}{" "}
          <Link to={hrefWithLang(`/imports/${summary.batch_id}`, lang)}>
            {t("imports.batch.title", { batch: summary.batch_id })}
          </Link>
        </p>
      ) : summary.error ? (
        <div className="notice" role="alert">
          <p>
            <strong>{t("imports.preview.cannotLoad")}</strong> <code>{summary.error.code}</code>
          </p>
          <BilingualMessage vi={summary.error.message_vi} en={summary.error.message_en} />
        </div>
      ) : (
        <p>{t("imports.preview.dryRun")}</p>
      )}
      {summary.status !== "already_loaded" ? (
        <>
          <ImportCountTiles counts={summary} planned={summary.status === "dry_run"} />
          <section aria-labelledby="warnings-heading">
            <h2 id="warnings-heading">{t("imports.warnings.heading")}</h2>
            {summary.warnings.length ? (
              <IssueList issues={summary.warnings} />
            ) : (
              <p>{t("imports.warnings.none")}</p>
            )}
          </section>
          {summary.dropped_columns.length ? (
            <DroppedColumns columns={summary.dropped_columns} />
          ) : null}
          <section aria-labelledby="rejects-heading">
            <h2 id="rejects-heading">{t("imports.rejects.heading")}</h2>
            {summary.sample_rejects.length ? (
              <RejectTable
                rows={summary.sample_rejects}
                caption={t("imports.rejects.sample", {
                  shown: fmt.integer(summary.sample_rejects.length),
                  total: fmt.integer(summary.rejected),
                })}
              />
            ) : (
              <p>{t("imports.rejects.none")}</p>
            )}
          </section>
        </>
      ) : null}
      {uploadId && options ? (
        <Form
          method="post"
          encType="multipart/form-data"
          action={hrefWithLang("/imports/new", lang)}
        >
          <p>{t("imports.preview.ready", { hours: UPLOAD_MAX_AGE_HOURS })}</p>
          <input type="hidden" name="upload_id" value={uploadId} />
          <input type="hidden" name="kind" value={options.kind} />
          {options.strict ? <input type="hidden" name="strict" value="on" /> : null}
          {options.derive_ids ? <input type="hidden" name="derive_ids" value="on" /> : null}
          {options.sheet ? <input type="hidden" name="sheet" value={options.sheet} /> : null}
          {otherSheets.length && !options.sheet ? (
            <p>
              <label>
                <input type="checkbox" name="all_sheets" />{" "}
                {t("imports.preview.allSheets", { count: otherSheets.length })}
              </label>
            </p>
          ) : null}
          <div className="filters__actions">
            <button type="submit" name="intent" value="commit" disabled={busy}>
              {busy ? t("imports.form.working") : t("imports.form.commit")}
            </button>
            <Link to={hrefWithLang("/imports/new", lang)}>{t("imports.preview.another")}</Link>
          </div>
        </Form>
      ) : (
        <p>
          <Link to={hrefWithLang("/imports/new", lang)}>{t("imports.preview.another")}</Link>
        </p>
      )}
    </>
  );
}
