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
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { BadRequestPage, ErrorPage } from "~/components/error-page";
import { vi } from "~/lib/i18n/catalog-vi";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { langOf } from "~/lib/i18n/languages";
import { isBadFilterResponseBody } from "~/lib/metrics/filter-issues";
import appStyles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
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
  return json({ lang }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = langOf(useRouteLoaderData<typeof loader>("root"));
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = langOf(useRouteLoaderData<typeof loader>("root"));
  if (isRouteErrorResponse(error)) {
    if (error.status === 400 && isBadFilterResponseBody(error.data)) {
      return <BadRequestPage lang={lang} issues={error.data.issues} />;
    }
    return <ErrorPage status={error.status} />;
  }
  // Stack traces help the developer and must never reach a user in production.
  const detail =
    process.env.NODE_ENV === "development" && error instanceof Error ? error.stack : undefined;
  return <ErrorPage status={500} detail={detail} />;
}
