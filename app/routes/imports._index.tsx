// The batch ledger: the most recent imports (web uploads, the CLI and the sample) with their
// counts, each linking to its page. Admins and analysts only (policy "import").
import { requirePermission } from "~/lib/auth/viewer.server";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getDb } from "~/lib/db.server";
import { listBatches } from "~/lib/etl/batches.server";
import { vi } from "~/lib/i18n/catalog-vi";
import { hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { pageHeaders } from "~/lib/http/page-headers";

const RECENT_BATCHES = 100;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? vi["app.name"] },
];

export const headers: HeadersFunction = pageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import");
  const { lang } = await resolveLanguage(request);
  const t = createTranslator(lang);
  const batches = await listBatches(await getDb(), RECENT_BATCHES);
  return json(
    {
      title: `${t("imports.list.title")} — ${t("app.name")}`,
      batches: batches.map((batch) => ({
        ...batch,
        started_at: batch.started_at.toISOString(),
        finished_at: batch.finished_at ? batch.finished_at.toISOString() : null,
      })),
    },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

export default function ImportsRoute() {
  const { batches } = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview">
        <h1>{t("imports.list.title")}</h1>
        <p>
          <Link to={hrefWithLang("/imports/new", lang)}>{t("imports.list.new")}</Link>
        </p>
        {batches.length === 0 ? (
          <p className="notice">{t("imports.list.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t("imports.list.caption", { count: fmt.integer(batches.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("imports.col.batch")}
                  </th>
                  <th scope="col">{t("imports.col.kind")}</th>
                  <th scope="col">{t("imports.col.file")}</th>
                  <th scope="col">{t("imports.col.status")}</th>
                  <th scope="col">{t("imports.col.loadedBy")}</th>
                  <th scope="col" className="num">
                    {t("imports.col.rows")}
                  </th>
                  <th scope="col" className="num">
                    {t("imports.col.inserted")}
                  </th>
                  <th scope="col" className="num">
                    {t("imports.col.updated")}
                  </th>
                  <th scope="col" className="num">
                    {t("imports.col.unchanged")}
                  </th>
                  <th scope="col" className="num">
                    {t("imports.col.rejected")}
                  </th>
                  <th scope="col">{t("imports.col.startedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.batch_id}>
                    <td className="num">
                      <Link to={hrefWithLang(`/imports/${batch.batch_id}`, lang)}>
                        #{batch.batch_id}
                      </Link>
                    </td>
                    <td>{t(`importKind.${batch.kind}`)}</td>
                    <th scope="row">{batch.file_name}</th>
                    <td>{t(`batchStatus.${batch.status}`)}</td>
                    <td>{batch.loaded_by}</td>
                    <td className="num">{fmt.integer(batch.rows_read)}</td>
                    <td className="num">{fmt.integer(batch.rows_inserted)}</td>
                    <td className="num">{fmt.integer(batch.rows_updated)}</td>
                    <td className="num">{fmt.integer(batch.rows_unchanged)}</td>
                    <td className="num">{fmt.integer(batch.rows_rejected)}</td>
                    <td>{fmt.dateTime(batch.started_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
