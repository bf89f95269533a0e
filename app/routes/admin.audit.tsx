// Admin: the audit log, newest first, a page at a time, optionally one kind of event. Plain GET
// form and links, so it works without JavaScript.
import { TableScroll } from "~/components/table-scroll";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditCommuneCodes, describeAuditDetails } from "~/components/admin/audit-details";
import { useReasonName } from "~/components/quality/reason-name";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { listAudit } from "~/lib/auth/audit.server";
// The action list comes from the client-safe module: a .server import is empty in the browser.
import { AUDIT_ACTION_VALUES, parseAuditQuery, type AuditAction } from "~/lib/auth/audit-query";
import type { Role } from "~/lib/auth/policy";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getCommuneNames } from "~/lib/reference/seed-reference.server";
import { buildHref } from "~/lib/http/href";
import { LANG_PARAM } from "~/lib/i18n/languages";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { badFilterResponse } from "~/lib/filters/filter-response.server";
import { noStoreHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";

const PAGE_SIZE = 50;

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "view_audit");
  const { lang } = await resolveLanguage(request);
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if (!parsed.ok) throw badFilterResponse(parsed.issues);
  const t = createTranslator(lang);
  const db = await getDb();
  const page = await listAudit(db, {
    page: parsed.query.page,
    pageSize: PAGE_SIZE,
    action: parsed.query.action,
  });
  const communeNames = await getCommuneNames(
    db,
    page.entries.flatMap((entry) => auditCommuneCodes(entry.details)),
  );
  return json(
    {
      title: `${t("admin.audit.title")} — ${t("app.name")}`,
      action: parsed.query.action,
      communeNames,
      ...page,
      entries: page.entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AdminAuditRoute() {
  const { entries, total, page, pages, action, communeNames } = useLoaderData<typeof loader>();
  const { lang, t, fmt } = useI18n();
  const reasonName = useReasonName();
  const detailContext = {
    t,
    fmt,
    reasonName,
    communeName: (code: string) => communeNames[code] ?? code,
  };
  const pageHref = (n: number) =>
    buildHref("/admin/audit", "", { page: String(n), action: action ?? null }, lang);
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview">
        <h1>{t("admin.audit.title")}</h1>
        <p>{t("admin.audit.intro")}</p>
        <Form method="get" className="filters">
          <input type="hidden" name={LANG_PARAM} value={lang} />
          <label>
            {t("admin.audit.filter.action")}{" "}
            <select name="action" defaultValue={action ?? ""}>
              <option value="">{t("admin.audit.filter.all")}</option>
              {AUDIT_ACTION_VALUES.map((value) => (
                <option key={value} value={value}>
                  {t(`admin.audit.action.${value}`)}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="submit">{t("admin.audit.filter.submit")}</button>
        </Form>
        {entries.length === 0 ? (
          <p className="notice">{t("admin.audit.empty")}</p>
        ) : (
          <TableScroll label={t("admin.audit.title")}>
            <table>
              <caption>
                {t("admin.audit.caption", {
                  total: fmt.integer(total),
                  page: fmt.integer(page),
                  pages: fmt.integer(pages),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.audit.col.at")}</th>
                  <th scope="col">{t("admin.audit.col.actor")}</th>
                  <th scope="col">{t("admin.audit.col.action")}</th>
                  <th scope="col">{t("admin.audit.col.target")}</th>
                  <th scope="col">{t("admin.audit.col.details")}</th>
                  <th scope="col">{t("admin.audit.col.address")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{fmt.dateTime(entry.at)}</td>
                    <td>
                      {entry.actor_username
                        ? entry.actor_role
                          ? `${entry.actor_username} (${t(`auth.role.${entry.actor_role as Role}`)})`
                          : entry.actor_username
                        : t("admin.audit.system")}
                    </td>
                    <th scope="row">
                      {(AUDIT_ACTION_VALUES as readonly string[]).includes(entry.action)
                        ? t(`admin.audit.action.${entry.action as AuditAction}`)
                        : entry.action}
                    </th>
                    <td>{entry.target ?? "—"}</td>
                    <td>{describeAuditDetails(entry.action, entry.details, detailContext)}</td>
                    <td>{entry.address ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <nav
          className="pager"
          aria-label={t("admin.audit.caption", {
            total: fmt.integer(total),
            page: fmt.integer(page),
            pages: fmt.integer(pages),
          })}
        >
          {page > 1 ? <Link to={pageHref(page - 1)}>{t("admin.audit.prev")}</Link> : null}{" "}
          {page < pages ? <Link to={pageHref(page + 1)}>{t("admin.audit.next")}</Link> : null}
        </nav>
      </main>
      <SiteFooter />
    </>
  );
}
