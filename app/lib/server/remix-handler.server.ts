// Express → Remix, like @remix-run/express's handler, with one difference that matters for large
// downloads: the response body is written with back-pressure. The stock adapter writes every
// chunk as soon as it is read and never waits for the socket, so a multi-million-row extract
// piled up in the server's memory (bench:web: +270 MB of RSS for a 363 MB CSV) whenever the
// client, or gzip, was slower than the database. Here each write that fills the socket's buffer
// waits for 'drain', so the writers upstream wait too and memory stays flat.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixRequestHandler,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { requestBodyStream } from "./body-limits.server";
import type { PageCacheKey } from "./page-cache-key.server";
import {
  PAGE_CACHE_MARK,
  sendCachedPage,
  toCachedPage,
  type CachedPage,
  type PageCache,
} from "./page-cache.server";

export interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** Finished pages kept per viewer and data version (ADR 010); absent: every page is rendered. */
  pageCache?: {
    cache: PageCache;
    keyFor: (request: Request) => Promise<PageCacheKey | null>;
  };
  /** May replace a rendered answer, e.g. a 500 caused by a database outage (db-outage). */
  replaceResponse?: (request: Request, response: Response, startedAt: number) => Response;
}

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** The Fetch Request for an Express request; aborted when the client goes before the answer. */
export function toRemixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // Like req.protocol, a proxy's X-Forwarded-Host counts only with TRUST_PROXY.
  const forwarded = req.app.get("trust proxy") ? req.get("X-Forwarded-Host") : undefined;
  const host = forwarded ?? req.get("host") ?? "localhost";
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  // `finish`: the whole answer was handed to the socket; `close` before that: the client left.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(requestBodyStream(req));
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * One waiter at a time for the response's next 'drain' (or 'close'). compression() hands
 * res.on("drain", …) to its gzip stream but forwards neither off() nor once()'s self-removal, so
 * a listener per wait stayed on that stream for the whole response: thousands of them on a large
 * extract (Node's MaxListeners warning in bench:web), each called again on every drain. One
 * listener per response, waking whoever waits now, does not grow.
 */
function drainWaiter(res: ExpressResponse): () => Promise<void> {
  let wake: (() => void) | null = null;
  const onDrainOrClose = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  res.on("drain", onDrainOrClose);
  res.once("close", onDrainOrClose);
  return () =>
    res.destroyed ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));
}

/** Writes a Fetch Response to Express, waiting for the socket whenever its buffer is full. */
export async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name !== PAGE_CACHE_MARK.toLowerCase()) res.append(name, value);
  }
  if (!response.body) {
    res.end();
    return;
  }
  // compression() adds flush(): it pushes what gzip holds out to the client, so a stream that
  // pauses (an extract waiting for the database) still reaches the client as it goes. One flush
  // per turn of the event loop, not per chunk: React writes a page as dozens of small chunks in
  // one go, and a flush after each cost a sync flush of gzip and a syscall apiece (~2.5 ms of a
  // page's CPU in bench:web) and made the compressed page larger.
  const flushable = res as ExpressResponse & { flush?: () => void };
  let flushPending: NodeJS.Immediate | null = null;
  const flushSoon = () => {
    if (!flushable.flush || flushPending) return;
    flushPending = setImmediate(() => {
      flushPending = null;
      if (!res.destroyed && !res.writableEnded) flushable.flush!();
    });
  };
  const drained = drainWaiter(res);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      const accepted = res.write(value);
      flushSoon();
      if (!accepted) await drained();
    }
    res.end();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  } finally {
    if (flushPending) clearImmediate(flushPending);
  }
}

export function createRemixHandler(options: RemixHandlerOptions) {
  const render = createRemixRequestHandler(options.build, options.mode);
  const replace = options.replaceResponse;
  const handle: typeof render = replace
    ? async (request, context) => {
        const startedAt = Date.now();
        return replace(request, await render(request, context), startedAt);
      }
    : render;
  const pageCache = options.pageCache;
  // Pages being rendered for the cache, by key and generation. Requests for a page that is already
  // being rendered wait for that render instead of starting their own: right after an import
  // every reader misses at once, and fifty identical renders would queue behind each other.
  const rendering = new Map<string, Promise<CachedPage | null>>();

  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = toRemixRequest(req, res);
      const cacheKey = pageCache ? await pageCache.keyFor(request) : null;
      if (!pageCache || !cacheKey) {
        await sendResponse(res, await handle(request, options.getLoadContext(req, res)));
        return;
      }
      const hit = pageCache.cache.get(cacheKey.key, cacheKey.generation);
      if (hit) {
        sendCachedPage(req, res, hit, "hit");
        return;
      }
      const renderKey = `${cacheKey.generation}\n${cacheKey.key}`;
      const pending = rendering.get(renderKey);
      const shared = pending ? await pending : null;
      if (shared) {
        sendCachedPage(req, res, shared, "hit");
        return;
      }
      // This request renders. Until it knows whether the page can be kept, others wait for it.
      let settle: (page: CachedPage | null) => void = () => undefined;
      if (!pending) rendering.set(renderKey, new Promise((resolve) => (settle = resolve)));
      try {
        const response = await handle(request, options.getLoadContext(req, res));
        const cacheable =
          response.headers.has(PAGE_CACHE_MARK) && !response.headers.has("Set-Cookie");
        if (!cacheable) {
          settle(null);
          await sendResponse(res, response);
          return;
        }
        const page = await toCachedPage(response, cacheKey.key);
        pageCache.cache.set(cacheKey.key, cacheKey.generation, page);
        settle(page);
        sendCachedPage(req, res, page, "miss");
      } finally {
        settle(null);
        if (!pending) rendering.delete(renderKey);
      }
    } catch (error) {
      next(error);
    }
  };
}
