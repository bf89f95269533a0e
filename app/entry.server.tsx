// Streams the document. Bots (and crawlers such as link previews) get the whole page at once;
// browsers get the shell as soon as it is ready. Rendering is aborted after ABORT_DELAY. Every
// inline script carries the CSP nonce the HTTP layer put in this response's policy.
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { DatabaseBusyError } from "~/lib/db/busy.server";
import { NonceProvider } from "~/lib/security/nonce-context";
import { PAGE_CACHE_MARK } from "~/lib/server/page-cache.server";
import { createReactStreamRepair } from "~/lib/server/react-stream-repair.server";

const ABORT_DELAY = 5_000;

/**
 * A loader that gave up waiting for a busy database is expected while an import runs (the server
 * answers 503 with what runs, db-busy.server.ts): one line, not a stack per request.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof DatabaseBusyError) {
    console.warn(`busy: ${new URL(request.url).pathname}: ${error.message}`);
    return;
  }
  console.error(error);
};

/**
 * Whether the page cache may keep this document (ADR 010): a 200 whose deepest route says
 * `handle = { pageCache: true }`, i.e. renders from the URL, the viewer, the language and the
 * data version alone.
 */
function mayCachePage(status: number, context: EntryContext): boolean {
  const { matches, errors } = context.staticHandlerContext;
  const leaf = matches[matches.length - 1];
  if (status !== 200 || errors || !leaf) return false;
  const handle: unknown = context.routeModules[leaf.route.id]?.handle;
  return typeof handle === "object" && handle !== null && "pageCache" in handle
    ? handle.pageCache === true
    : false;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  if (mayCachePage(responseStatusCode, remixContext)) responseHeaders.set(PAGE_CACHE_MARK, "1");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const sendDocument = () => {
      shellRendered = true;
      // Not a bare PassThrough: React 18 can write NUL bytes inside multi-byte text (see there).
      const body = createReactStreamRepair();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        onAllReady: waitForAll ? sendDocument : undefined,
        onShellReady: waitForAll ? undefined : sendDocument,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell are rejected above and logged by Remix; log the rest here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
