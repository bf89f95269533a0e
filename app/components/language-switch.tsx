// Links to the same page in each language, keeping every other URL parameter.
import { Link, useLocation } from "@remix-run/react";
import { buildHref } from "~/lib/http/href";
import { LANGUAGES } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const location = useLocation();
  return (
    <nav className="language-switch" aria-label={t("lang.switch.label")}>
      <ul>
        {LANGUAGES.map((option) => (
          <li key={option}>
            <Link
              to={buildHref(location.pathname, location.search, {}, option)}
              lang={option}
              hrefLang={option}
              aria-current={option === lang ? "true" : undefined}
            >
              {t(option === "vi" ? "lang.name.vi" : "lang.name.en")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
