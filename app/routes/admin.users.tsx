// Admin: the users, their roles and communes (read-only; changes go through `npm run users`).
import { TableScroll } from "~/components/table-scroll";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { useLoaderData } from "@remix-run/react";
import { listUsers } from "~/lib/auth/users.server";
import { requirePermission } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getCommuneNames } from "~/lib/reference/seed-reference.server";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import { noStoreHeaders } from "~/lib/http/page-headers";
import { titleMeta } from "~/lib/http/title-meta";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction<typeof loader> = titleMeta;

export const headers: HeadersFunction = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage_users");
  const { lang } = await resolveLanguage(request);
  const t = createTranslator(lang);
  const db = await getDb();
  const users = await listUsers(db);
  const communeNames = await getCommuneNames(
    db,
    users.flatMap((user) => user.communes),
  );
  return json(
    {
      title: `${t("admin.users.title")} — ${t("app.name")}`,
      users: users.map((user) => ({
        id: user.id,
        username: user.username,
        role: user.role,
        communes: user.communes.map((code) => communeNames[code] ?? code),
        demo: user.demo,
        disabled_at: user.disabled_at?.toISOString() ?? null,
        created_at: user.created_at.toISOString(),
        last_seen_at: user.last_seen_at ? new Date(user.last_seen_at).toISOString() : null,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AdminUsersRoute() {
  const { users } = useLoaderData<typeof loader>();
  const { t, fmt } = useI18n();
  return (
    <>
      <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} />
      <main id="main" className="overview">
        <h1>{t("admin.users.title")}</h1>
        <p>{t("admin.users.intro")}</p>
        {users.length === 0 ? (
          <p className="notice">{t("admin.users.empty")}</p>
        ) : (
          <TableScroll label={t("admin.users.title")}>
            <DataTable
              caption={t("admin.users.caption", { count: fmt.integer(users.length) })}
              rows={users}
              rowKey={(user) => String(user.id)}
              columns={[
                {
                  header: t("admin.users.col.username"),
                  rowHeader: true,
                  cell: (user) => (
                    <>
                      {user.username}
                      {user.demo ? ` (${t("admin.users.demo")})` : null}
                    </>
                  ),
                },
                { header: t("admin.users.col.role"), cell: (user) => t(`auth.role.${user.role}`) },
                {
                  header: t("admin.users.col.communes"),
                  cell: (user) =>
                    user.role === "secretary"
                      ? user.communes.join(", ")
                      : t("admin.users.allCommunes"),
                },
                {
                  header: t("admin.users.col.status"),
                  cell: (user) =>
                    user.disabled_at
                      ? t("admin.users.disabled", { time: fmt.dateTime(user.disabled_at) })
                      : t("admin.users.active"),
                },
                {
                  header: t("admin.users.col.created"),
                  cell: (user) => fmt.dateTime(user.created_at),
                },
                {
                  header: t("admin.users.col.lastSeen"),
                  cell: (user) => (user.last_seen_at ? fmt.dateTime(user.last_seen_at) : "—"),
                },
              ]}
            />
          </TableScroll>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
