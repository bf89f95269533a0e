// The document shell: language (<html lang>, remembered in a cookie), styles, and the error
// boundary every route falls back to.
import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { BadRequestPage, ErrorPage } from "~/components/error-page";
import { PageScripts } from "~/components/page-scripts";
import { SiteHeader } from "~/components/site-header";
import { RestoreGetFormsScript } from "~/components/restore-get-forms-script";
import { ZodJitlessScript } from "~/components/zod-jitless-script";
import { isDemoModeActive } from "~/lib/auth/demo-mode.server";
import { useDemoMode } from "~/lib/auth/use-viewer";
import { getOptionalViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vi } from "~/lib/i18n/catalog-vi";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { langOf, type Lang } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { isBadFilterResponseBody } from "~/lib/url-params/filter-issues";
import { useNonce } from "~/lib/security/nonce-context";
import appStyles from "~/styles/app.css";
import authStyles from "~/styles/auth.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: authStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: vi["app.name"] }];

// Error pages rendered here keep the Cache-Control of the response that was thrown (e.g. a 400's
// no-store); pages that render normally take theirs from their own route.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const cacheControl = errorHeaders?.get("Cache-Control");
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, setCookie } = await resolveLanguage(request);
  // The header shows who is signed in and hides links the role cannot use; the demo banner shows
  // on every page while demo mode is on.
  const [viewer, demoMode] = await Promise.all([
    getOptionalViewer(request),
    getDb().then((db) => isDemoModeActive(db, getEnv())),
  ]);
  return json(
    { lang, viewer, demoMode },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = langOf(useRouteLoaderData<typeof loader>("root"));
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <ZodJitlessScript nonce={nonce} />
      </head>
      <body>
        {children}
        <RestoreGetFormsScript nonce={nonce} />
        <PageScripts nonce={nonce} />
      </body>
    </html>
  );
}

function DemoBanner() {
  const { t } = useI18n();
  return useDemoMode() ? (
    <p className="demo-banner" role="status">
      {t("auth.demo.banner")}
    </p>
  ) : null;
}

export default function App() {
  return (
    <>
      <DemoBanner />
      <Outlet />
    </>
  );
}

function ErrorContent({ lang, signedIn }: { lang: Lang; signedIn: boolean }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 400 && isBadFilterResponseBody(error.data)) {
      return <BadRequestPage lang={lang} issues={error.data.issues} />;
    }
    return <ErrorPage status={error.status} lang={signedIn ? lang : undefined} />;
  }
  // Stack traces help the developer and must never reach a user in production.
  const detail =
    process.env.NODE_ENV === "development" && error instanceof Error ? error.stack : undefined;
  return <ErrorPage status={500} lang={signedIn ? lang : undefined} detail={detail} />;
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof loader>("root");
  const lang = langOf(root);
  // A signed-in viewer keeps the header and navigation (a 403 or 404 is a step off the path, not
  // a dead end); without the root's data nobody is known, so the page stays bare and bilingual.
  const signedIn = !!root?.viewer;
  return (
    <>
      {signedIn ? <SiteHeader provinceName={null} refreshedAt={null} lastBatchId={null} /> : null}
      <ErrorContent lang={lang} signedIn={signedIn} />
    </>
  );
}
