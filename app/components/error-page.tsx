// What the root error boundary shows. A refused URL (400) lists each bad parameter in the
// reader's language; a signed-in reader gets the rest in their language too (under the site
// header, from root.tsx); before anyone is known (no session, a failed root loader) it is
// explained in both languages. Never internals.
import { Link } from "@remix-run/react";
import { hrefWithLang } from "~/lib/http/href";
import { LANGUAGES, type Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import type { FilterIssue } from "~/lib/url-params/filter-issues";

export function BadRequestPage({ lang, issues }: { lang: Lang; issues: FilterIssue[] }) {
  const t = createTranslator(lang);
  return (
    <main id="main" className="error-page">
      <p className="error-page__app">{t("app.name")}</p>
      <h1>{t("error.badRequest.title")}</h1>
      <p>{t("error.badRequest.intro")}</p>
      <ul className="error-page__issues">
        {issues.map((issue) => (
          <li key={`${issue.param}:${issue.message_key}`}>
            <code>
              {issue.param}
              {issue.value !== null ? `=${issue.value}` : ""}
            </code>{" "}
            {t(issue.message_key, issue.params)}
          </li>
        ))}
      </ul>
      <p>
        <Link to={hrefWithLang("/", lang)}>{t("error.home")}</Link>
      </p>
    </main>
  );
}

export interface ErrorPageProps {
  status: number | null;
  /** The reader's language when known (a signed-in viewer): the page then speaks only it. */
  lang?: Lang;
  /** Only set in development: the error's stack, for the developer. */
  detail?: string;
}

export function ErrorPage({ status, lang: known, detail }: ErrorPageProps) {
  const languages = known ? [known] : LANGUAGES;
  return (
    <main id="main" className="error-page">
      {known ? null : <p className="error-page__app">{createTranslator("vi")("app.name")}</p>}
      {languages.map((lang, index) => {
        const t = createTranslator(lang);
        const Heading = index === 0 ? "h1" : "h2";
        return (
          <section key={lang} lang={lang}>
            <Heading>
              {status === 404
                ? t("error.notFound")
                : status === 403
                  ? t("error.forbidden.title")
                  : t("error.title")}
            </Heading>
            {status === 403 ? (
              <p>{t("error.forbidden.body")}</p>
            ) : status !== 404 ? (
              <p>{t("error.body")}</p>
            ) : null}
            {status !== null ? (
              <p className="error-page__status">{t("error.status", { status })}</p>
            ) : null}
            <p>
              <Link to={hrefWithLang("/", lang)}>{t("error.home")}</Link>
            </p>
          </section>
        );
      })}
      {detail ? <pre className="error-page__detail">{detail}</pre> : null}
    </main>
  );
}
