// The sign-in page: a username/password form and, in demo mode, one POST form per role. Works
// without JavaScript. After signing in, the browser goes back to `next` (a path on this site).
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { LanguageSwitch } from "~/components/language-switch";
import { isDemoModeActive, DEMO_ROLES } from "~/lib/auth/demo-mode.server";
import { readLoginForm, signInAsDemo, signInWithPassword } from "~/lib/auth/login.server";
import { safeNextPath } from "~/lib/auth/safe-next";
import { getOptionalViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vi } from "~/lib/i18n/catalog-vi";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { createTranslator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";

const NO_STORE = { "Cache-Control": "no-store" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? vi["auth.login.metaTitle"] },
];

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(NO_STORE);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  if (loaderHeaders.get("Vary")) headers.set("Vary", loaderHeaders.get("Vary")!);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang } = await resolveLanguage(request);
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await getOptionalViewer(request)) throw redirect(next, { headers: NO_STORE });
  const demo = await isDemoModeActive(await getDb(), getEnv());
  return json(
    {
      title: createTranslator(lang)("auth.login.metaTitle"),
      next,
      demoRoles: demo ? [...DEMO_ROLES] : [],
    },
    { headers: { ...NO_STORE, Vary: "Cookie" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readLoginForm(request);
  if (!form) {
    const failure = { status: 400, error: "auth.login.unreadable", username: "" } as const;
    return json(failure, { status: 400, headers: NO_STORE });
  }
  const db = await getDb();
  const outcome =
    form.get("intent") === "demo"
      ? await signInAsDemo(db, request, form, getEnv())
      : await signInWithPassword(db, request, form);
  if (outcome.ok) return outcome.response;
  const { failure } = outcome;
  return json(failure, {
    status: failure.status,
    headers: {
      ...NO_STORE,
      ...(failure.retry_after_seconds
        ? { "Retry-After": String(failure.retry_after_seconds) }
        : {}),
    },
  });
}

export default function LoginRoute() {
  const { next, demoRoles } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <header className="site-header">
        <div className="site-header__brand">
          <span className="site-header__name">{t("app.name")}</span>
          <span className="site-header__tagline">{t("app.tagline")}</span>
        </div>
        <div className="site-header__meta">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="login">
        <h1>{t("auth.login.title")}</h1>
        <p>{t("auth.login.intro")}</p>
        {failure ? (
          <p className="notice notice--error" role="alert">
            {t(failure.error, {
              minutes: String(Math.ceil((failure.retry_after_seconds ?? 60) / 60)),
            })}
          </p>
        ) : null}
        <Form method="post" className="login__form">
          <input type="hidden" name="next" value={next} />
          <label>
            {t("auth.login.username")}
            <input
              name="username"
              autoComplete="username"
              required
              maxLength={128}
              defaultValue={failure?.username ?? ""}
            />
          </label>
          <label>
            {t("auth.login.password")}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" name="intent" value="password">
            {t("auth.login.submit")}
          </button>
        </Form>
        {demoRoles.length > 0 ? (
          <section className="login__demo" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{t("auth.demo.heading")}</h2>
            <p>{t("auth.demo.intro")}</p>
            <ul>
              {demoRoles.map((role) => (
                <li key={role}>
                  <Form method="post">
                    <input type="hidden" name="next" value={next} />
                    <input type="hidden" name="role" value={role} />
                    <button type="submit" name="intent" value="demo">
                      {t("auth.demo.signIn", { role: t(`auth.role.${role}`) })}
                    </button>{" "}
                    {role === "secretary" ? t("auth.demo.secretaryNote") : null}
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </>
  );
}
