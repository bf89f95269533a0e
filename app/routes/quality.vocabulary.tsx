// The import vocabulary (issue 11): labels the importer does not know yet, with counts; an admin
// maps one in place (re-deriving the rows counted in a bucket), and anyone who may import replays
// the rows held back for a label. Works without JavaScript: each mapping is its own small form.
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { recordAudit } from "~/lib/auth/audit.server";
import { clientAddress } from "~/lib/auth/client-address.server";
import { can } from "~/lib/auth/policy";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { listReplayableBatches, replayBatch } from "~/lib/etl/replay-batch.server";
import { MASK } from "~/lib/etl/read/pii";
import { VOCABULARY_KINDS, type VocabularyKind } from "~/lib/etl/vocabulary";
import { addMapping, MappingError } from "~/lib/etl/vocabulary-map.server";
import { withSession } from "~/lib/db/engine";
import { hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { parseVocabularyForm } from "~/lib/quality/vocabulary-form";
import { getVocabularyPage, type TargetOption } from "~/lib/quality/vocabulary-page.server";
import { titleMeta } from "~/lib/http/title-meta";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers();
  const from = errorHeaders ?? (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);
  for (const name of ["Cache-Control", "Vary"]) {
    const value = from.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export const handle = { hydrate: false };

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "import");
  const { lang } = await resolveLanguage(request);
  const { engine } = await getDatabase();
  const page = await getVocabularyPage(engine, getEnv().PROVINCE_CODE);
  const t = createTranslator(lang);
  return json(
    {
      title: `${t("vocab.title")} — ${t("app.name")}`,
      page,
      canMap: can(viewer, "map_vocabulary"),
    },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

type ActionResult =
  | { outcome: "error"; message_vi: string; message_en: string }
  | { outcome: "mapped"; alias: string; target: string; rows: number; already: boolean }
  | { outcome: "replayed"; batches: number; replayed: number; loaded: number; left: number };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "import");
  // A body that is not a form (none at all, or another type) is a bad form, not a 500.
  const form = parseVocabularyForm(await request.formData().catch(() => new FormData()));
  const reply = (result: ActionResult, status = 200) => json(result, { status, headers: NO_STORE });
  if (!form.success) {
    const detail = form.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return reply(
      {
        outcome: "error",
        message_vi: `Biểu mẫu chưa hợp lệ: ${detail}`,
        message_en: `The form is not valid: ${detail}`,
      },
      400,
    );
  }
  const { engine, db } = await getDatabase();
  const env = getEnv();
  if (form.data.intent === "map") {
    if (!can(viewer, "map_vocabulary")) throw new Response(null, { status: 403 });
    try {
      const summary = await addMapping(engine, {
        kind: form.data.kind as VocabularyKind,
        alias: form.data.alias,
        target: form.data.target,
        // The scope select is on the general form for every kind; only a header mapping reads it.
        scope: form.data.kind === "header" ? form.data.scope : undefined,
        provinceCode: env.PROVINCE_CODE,
        addedBy: viewer.username,
        actor: viewer,
        address: clientAddress(request),
      });
      return reply({
        outcome: "mapped",
        alias: summary.alias,
        target: summary.target,
        rows: summary.rows_rederived,
        already: summary.status === "already_mapped",
      });
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      return reply(
        { outcome: "error", message_vi: error.message_vi, message_en: error.message_en },
        400,
      );
    }
  }
  const batches = await withSession(engine, listReplayableBatches);
  const totals = { batches: batches.length, replayed: 0, loaded: 0, left: 0 };
  for (const batchId of batches) {
    const result = await replayBatch(engine, batchId);
    totals.replayed += result.replayed;
    totals.loaded += result.loaded;
    totals.left += result.still_rejected;
  }
  await recordAudit(db, {
    viewer,
    action: "import.replay",
    target: batches.length ? `batches:${batches.join(",")}` : null,
    details: totals,
    address: clientAddress(request),
  });
  return reply({ outcome: "replayed", ...totals });
}

function TargetInput({ kind, options }: { kind: string; options: TargetOption[] | undefined }) {
  const { lang, t } = useI18n();
  if (!options)
    return (
      <input
        name="target"
        required
        size={10}
        aria-label={t("vocab.map.codeHint", { example: kind === "procedure" ? "1.001193" : "" })}
        placeholder={kind === "procedure" ? "1.001193" : ""}
      />
    );
  return (
    <select name="target" required aria-label={t("vocab.col.map")} defaultValue="">
      <option value="" disabled>
        {t("vocab.map.choose")}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {lang === "en" ? o.label_en : o.label_vi}
        </option>
      ))}
    </select>
  );
}

const SHOWN_BATCHES = 3;

/** One table of labels: field, label, rows, (the batches holding them back), a map form. */
function LabelSection(props: {
  id: string;
  heading: string;
  empty: string;
  labels: { kind: string; label: string; rows: number; batches: number | number[] }[];
  kindLabel: (kind: string) => string;
  mapCell: (kind: string, label: string) => ReactNode;
}) {
  const { lang, t, fmt } = useI18n();
  const headingId = `${props.id}-heading`;
  const listsBatches = props.labels.some((l) => Array.isArray(l.batches));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.labels.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("vocab.col.field")}</th>
                <th scope="col">{t("vocab.col.label")}</th>
                <th scope="col" className="num">
                  {t("vocab.col.rows")}
                </th>
                {listsBatches ? <th scope="col">{t("vocab.col.batches")}</th> : null}
                <th scope="col">{t("vocab.col.map")}</th>
              </tr>
            </thead>
            <tbody>
              {props.labels.map((l, i) => (
                // A label can be held back for two reasons (unknown, ambiguous): one row each.
                <tr key={`${l.kind}:${l.label}:${i}`}>
                  <td>{props.kindLabel(l.kind)}</td>
                  <th scope="row">{l.label}</th>
                  <td className="num">{fmt.integer(l.rows)}</td>
                  {Array.isArray(l.batches) ? (
                    <td>
                      {/* The first few batches; the rest as a count, so a row stays one line on a phone. */}
                      {l.batches.slice(0, SHOWN_BATCHES).map((batch, i) => (
                        <span key={batch}>
                          {i > 0 ? ", " : ""}
                          <Link to={hrefWithLang(`/imports/${batch}`, lang)}>{batch}</Link>
                        </span>
                      ))}
                      {l.batches.length > SHOWN_BATCHES
                        ? ` … (+${fmt.integer(l.batches.length - SHOWN_BATCHES)})`
                        : null}
                    </td>
                  ) : null}
                  <td>{props.mapCell(l.kind, l.label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function VocabularyRoute() {
  const { page, canMap } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { lang, t, fmt } = useI18n();
  const self = hrefWithLang("/quality/vocabulary", lang);
  // A label stored masked (it looked like personal data) stands for many values: never mapped.
  const mapCell = (kind: string, label: string) =>
    canMap && !label.includes(MASK) ? (
      <Form method="post" action={self} className="inline-form">
        <input type="hidden" name="intent" value="map" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="alias" value={label} />
        <TargetInput kind={kind} options={page.targets[kind]} />{" "}
        <button type="submit">{t("vocab.map.submit")}</button>
      </Form>
    ) : (
      <span>—</span>
    );
  const kindLabel = (kind: string) =>
    (VOCABULARY_KINDS as readonly string[]).includes(kind)
      ? t(`vocab.kind.${kind as VocabularyKind}`)
      : kind;
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview quality">
        <p>
          <Link to={hrefWithLang("/quality", lang)}>{t("vocab.back")}</Link>
        </p>
        <h1>{t("vocab.title")}</h1>
        <p>{t("vocab.intro")}</p>
        {result ? (
          <div
            className={result.outcome === "error" ? "notice notice--error" : "notice"}
            role="status"
          >
            <p>
              {result.outcome === "error"
                ? lang === "en"
                  ? result.message_en
                  : result.message_vi
                : result.outcome === "mapped"
                  ? result.already
                    ? t("vocab.map.already", { alias: result.alias, target: result.target })
                    : t("vocab.map.done", {
                        alias: result.alias,
                        target: result.target,
                        rows: fmt.integer(result.rows),
                      })
                  : t("vocab.replay.done", {
                      replayed: fmt.integer(result.replayed),
                      batches: fmt.integer(result.batches),
                      loaded: fmt.integer(result.loaded),
                      left: fmt.integer(result.left),
                    })}
            </p>
          </div>
        ) : null}
        {!canMap ? <p>{t("vocab.map.adminOnly")}</p> : null}

        <LabelSection
          id="bucketed"
          heading={t("vocab.bucketed.heading")}
          empty={t("vocab.bucketed.empty")}
          labels={page.bucketed}
          kindLabel={kindLabel}
          mapCell={mapCell}
        />
        <LabelSection
          id="quarantined"
          heading={t("vocab.quarantined.heading")}
          empty={t("vocab.quarantined.empty")}
          labels={page.quarantined}
          kindLabel={kindLabel}
          mapCell={mapCell}
        />

        <section aria-labelledby="replay-heading">
          <h2 id="replay-heading">{t("vocab.replay.heading")}</h2>
          {page.replayable_batches === 0 ? (
            <p>{t("vocab.replay.none")}</p>
          ) : (
            <Form method="post" action={self}>
              <p>{t("vocab.replay.intro", { batches: fmt.integer(page.replayable_batches) })}</p>
              <input type="hidden" name="intent" value="replay" />
              <button type="submit">{t("vocab.replay.submit")}</button>
            </Form>
          )}
        </section>

        <section aria-labelledby="entries-heading">
          <h2 id="entries-heading">{t("vocab.entries.heading")}</h2>
          {page.entries.length === 0 ? (
            <p>{t("vocab.entries.empty", { seed: fmt.integer(page.seed_count) })}</p>
          ) : (
            <>
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-labelledby="entries-heading"
              >
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("vocab.col.field")}</th>
                      <th scope="col">{t("vocab.col.label")}</th>
                      <th scope="col">{t("vocab.col.target")}</th>
                      <th scope="col">{t("vocab.col.addedBy")}</th>
                      <th scope="col">{t("vocab.col.addedAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.entries.map((e) => (
                      <tr key={`${e.kind}:${e.scope}:${e.alias}`}>
                        <td>
                          {kindLabel(e.kind)}
                          {e.scope ? ` (${e.scope})` : ""}
                        </td>
                        <th scope="row">{e.alias}</th>
                        <td>{e.target}</td>
                        <td>{e.added_by ?? "—"}</td>
                        <td>{fmt.dateTime(e.added_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>{t("vocab.entries.seedCount", { seed: fmt.integer(page.seed_count) })}</p>
            </>
          )}
        </section>

        {canMap ? (
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t("vocab.add.heading")}</h2>
            <Form method="post" action={self} className="filters">
              <input type="hidden" name="intent" value="map" />
              <div className="filters__form">
                <div className="field">
                  <label htmlFor="vocab-kind">{t("vocab.add.kind")}</label>
                  <select id="vocab-kind" name="kind" defaultValue="header">
                    {VOCABULARY_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`vocab.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="vocab-scope">{t("vocab.add.scope")}</label>
                  <select id="vocab-scope" name="scope" defaultValue="assistance">
                    {Object.keys(page.header_fields).map((k) => (
                      <option key={k} value={k}>
                        {t(`importKind.${k as "assistance"}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="vocab-alias">{t("vocab.add.alias")}</label>
                  <input id="vocab-alias" name="alias" required maxLength={200} />
                </div>
                <div className="field">
                  <label htmlFor="vocab-target">{t("vocab.add.target")}</label>
                  <input id="vocab-target" name="target" required maxLength={60} />
                </div>
                <div className="filters__actions">
                  <button type="submit">{t("vocab.map.submit")}</button>
                </div>
              </div>
            </Form>
          </section>
        ) : null}
      </main>
      <SiteFooter />
    </>
  );
}
