// The batch ledger: the most recent imports (web uploads, the CLI and the sample) with their
// counts, each linking to its page. Admins and analysts only (policy "import").
import { TableScroll } from "~/components/table-scroll";
import { requirePermission } from "~/lib/auth/viewer.server";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { useBatchColumns } from "~/components/quality/batch-columns";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { getDb } from "~/lib/db.server";
import { listBatches } from "~/lib/etl/batches.server";
import { hrefWithLang } from "~/lib/http/href";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { pageHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

const RECENT_BATCHES = 100;

export const meta: MetaFunction<typeof loader> = titleMeta;

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
  const columns = useBatchColumns();
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
          <TableScroll label={t("imports.list.title")}>
            <DataTable
              caption={t("imports.list.caption", { count: fmt.integer(batches.length) })}
              rows={batches}
              rowKey={(batch) => String(batch.batch_id)}
              columns={columns}
            />
          </TableScroll>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
