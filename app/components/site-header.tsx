// The banner on every page: app name, province, data freshness and the language switch. On a
// phone the links and the rest fold into a <details> menu, so the first screen shows figures and
// the menu opens without JavaScript; on wider screens CSS keeps its content always shown.
import { Form, NavLink } from "@remix-run/react";
import { homePathOf } from "~/lib/auth/policy";
import { useCanOpen, useOptionalViewer } from "~/lib/auth/use-viewer";
import { hrefWithLang } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import { LanguageSwitch } from "./language-switch";

export interface SiteHeaderProps {
  provinceName: string | null;
  refreshedAt: string | null;
  lastBatchId: number | null;
}

export function SiteHeader({ provinceName, refreshedAt, lastBatchId }: SiteHeaderProps) {
  const { lang, t, fmt } = useI18n();
  // Links the role cannot use are hidden (the server refuses them anyway); a secretary's own
  // commune comes first.
  const viewer = useOptionalViewer();
  const canOpen = useCanOpen();
  const home = viewer ? homePathOf(viewer) : null;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="site-header__brand">
        <NavLink to={hrefWithLang("/", lang)} className="site-header__name" end>
          {t("app.name")}
        </NavLink>
        <span className="site-header__tagline">{t("app.tagline")}</span>
      </div>
      <details className="site-menu">
        <summary className="site-menu__toggle">{t("nav.menu")}</summary>
        <nav className="site-header__nav" aria-label={t("nav.main")}>
          {home ? <NavLink to={hrefWithLang(home, lang)}>{t("nav.home")}</NavLink> : null}
          <NavLink to={hrefWithLang("/", lang)} end>
            {t("nav.overview")}
          </NavLink>
          <NavLink to={hrefWithLang("/communes", lang)}>{t("nav.communes")}</NavLink>
          <NavLink to={hrefWithLang("/compare", lang)}>{t("nav.compare")}</NavLink>
          <NavLink to={hrefWithLang("/report", lang)}>{t("nav.report")}</NavLink>
          {canOpen("/quality") ? (
            <NavLink to={hrefWithLang("/quality", lang)}>{t("nav.quality")}</NavLink>
          ) : null}
          <NavLink to={hrefWithLang("/methodology", lang)}>{t("nav.methodology")}</NavLink>
          {canOpen("/imports") ? (
            <NavLink to={hrefWithLang("/imports", lang)}>{t("nav.imports")}</NavLink>
          ) : null}
          {canOpen("/admin/users") ? (
            <NavLink to={hrefWithLang("/admin/users", lang)}>{t("admin.nav.users")}</NavLink>
          ) : null}
          {canOpen("/admin/audit") ? (
            <NavLink to={hrefWithLang("/admin/audit", lang)}>{t("admin.nav.audit")}</NavLink>
          ) : null}
        </nav>
        <div className="site-header__meta">
          {provinceName ? <span className="site-header__province">{provinceName}</span> : null}
          {refreshedAt ? (
            <span className="site-header__as-of">
              {t("header.asOf", { time: fmt.dateTime(refreshedAt) })}
              {lastBatchId !== null ? ` · ${t("header.lastBatch", { batch: lastBatchId })}` : null}
            </span>
          ) : null}
          <LanguageSwitch />
          {viewer ? (
            <Form method="post" action="/logout" className="site-header__user">
              <span>
                {t("auth.user.signedInAs", {
                  username: viewer.username,
                  role: t(`auth.role.${viewer.role}`),
                })}
              </span>{" "}
              <button type="submit">{t("auth.logout.submit")}</button>
            </Form>
          ) : null}
        </div>
      </details>
    </header>
  );
}
