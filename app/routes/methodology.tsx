// Methodology: docs/metrics.md (English) or docs/metrics.vi.md (Vietnamese) rendered on the server,
// with a table of contents. Every "?" and definition link on the other pages points at a heading
// here (app/lib/metrics/methodology-anchors.ts).
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { requirePermission } from "~/lib/auth/viewer.server";
import { vi } from "~/lib/i18n/catalog-vi";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { getMethodologyDoc, METHODOLOGY_FILES } from "~/lib/methodology/methodology-doc.server";
import { pageHeaders } from "~/lib/http/page-headers";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta_title ?? vi["app.name"] },
];

export const headers: HeadersFunction = pageHeaders;

// Complete as HTML (GET forms, links), like the overview: no scripts needed.
// The page cache may keep the finished page (ADR 010): it depends on the URL, the viewer, the
// language and the data version only.
export const handle = { hydrate: false, pageCache: true };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view_dashboard");
  const { lang } = await resolveLanguage(request);
  const doc = getMethodologyDoc(lang);
  return json(
    {
      lang,
      meta_title: createTranslator(lang)("methodology.metaTitle"),
      file: METHODOLOGY_FILES[lang],
      ...doc,
    },
    { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
  );
}

export default function MethodologyRoute() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview methodology">
        <h1 id={data.ids[0]}>{data.title}</h1>
        <nav className="methodology__toc" aria-labelledby="methodology-toc-heading">
          <h2 id="methodology-toc-heading">{t("methodology.toc")}</h2>
          <ol>
            {data.toc
              .filter((entry) => entry.depth === 2)
              .map((section) => {
                const index = data.toc.indexOf(section);
                const next = data.toc.findIndex(
                  (entry, position) => position > index && entry.depth === 2,
                );
                const children = data.toc
                  .slice(index + 1, next === -1 ? undefined : next)
                  .filter((entry) => entry.depth === 3);
                return (
                  <li key={section.id}>
                    <a href={`#${section.id}`}>{section.text}</a>
                    {children.length > 0 ? (
                      <ol>
                        {children.map((child) => (
                          <li key={child.id}>
                            <a href={`#${child.id}`}>{child.text}</a>
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                );
              })}
          </ol>
        </nav>
        {/* Rendered on the server from our own docs/ file, raw HTML escaped and links filtered. */}
        <div className="methodology__body" dangerouslySetInnerHTML={{ __html: data.html }} />
        <p className="methodology__source">{t("methodology.source", { file: data.file })}</p>
      </main>
      <SiteFooter />
    </>
  );
}
