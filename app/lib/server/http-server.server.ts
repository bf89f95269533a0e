// The HTTP server around the Remix build: security headers and the CSRF check, compression,
// long-cached fingerprinted assets, and a graceful shutdown that drains requests before the
// database closes.
import { existsSync, watch } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import { stampClientAddress } from "~/lib/auth/client-address.server";
import { getEnv } from "~/lib/env.server";
import { boundedBodies } from "./body-limits.server";
import { csrfProtection } from "./csrf.server";
import { withBoundedWait } from "~/lib/db/busy.server";
import { outageErrorHandler, outageGate, replaceFailedResponse } from "./db-outage.server";
import { allowedHostsOf, hostAllowList, LOOPBACK_HOSTS } from "./host-allow-list.server";
import { getLoadContext } from "./load-context.server";
import { pageCacheKey } from "./page-cache-key.server";
import { VersionedCache } from "~/lib/cache/versioned-cache";
import type { CachedPage } from "./page-cache.server";
import { createRemixHandler } from "./remix-handler.server";
import { securityHeaders } from "./security-headers.server";

export const BUILD_PATH = path.resolve("build/index.js");

export function buildExists(): boolean {
  return existsSync(BUILD_PATH) && existsSync(path.resolve("public/build"));
}

async function importBuild(): Promise<ServerBuild> {
  // The query string defeats the ESM cache when the dev server rebuilds.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

export interface StartOptions {
  port: number;
  host: string;
  dev: boolean;
  /** Serve this build instead of build/index.js (tests of the server's start and stop). */
  build?: ServerBuild | undefined;
}

export interface HttpAppOptions {
  /** The Remix build, or a function giving the current one (the dev server swaps it). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  /** Served as static files; its build/ folder holds the fingerprinted assets. */
  publicDir?: string;
  /** TRUST_PROXY: believe X-Forwarded-* from the reverse proxy in front of us. */
  trustProxy: boolean;
  /** REMIX_DEV_ORIGIN under `remix dev`; the CSP then allows its live-reload socket. */
  devOrigin?: string | undefined;
  /** Keep finished pages (ADR 010) within this many bytes; absent or 0: render every page. */
  pageCacheBytes?: number;
  /** Host names answered (ADR 012); absent: loopback names only. */
  allowedHosts?: readonly string[];
  /** How long a request waits for a busy database session before its 503 (DB_WAIT_SECONDS). */
  dbWaitMs?: number;
}

const DEFAULT_DB_WAIT_MS = 8_000;

/** Cached pages are not served after this, whatever else holds: a bound on "now" in a page. */
export const PAGE_CACHE_TTL_MS = 5 * 60_000;

/**
 * The Express app: security headers (with the per-request CSP nonce) on everything, the CSRF
 * check before anything can change state, then static files and Remix. Separate from listening
 * so tests can serve it with any build.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const publicDir = options.publicDir ?? "public";
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", 1);
  app.use(securityHeaders({ devOrigin: options.devOrigin }));
  app.use(
    hostAllowList({
      allowed: options.allowedHosts ?? LOOPBACK_HOSTS,
      trustProxy: options.trustProxy,
    }),
  );
  app.use(csrfProtection({ trustProxy: options.trustProxy }));
  app.use(boundedBodies());
  app.use(stampClientAddress);
  app.use(compression());
  // Remix fingerprints everything under /build/, so it can be cached for a year.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }),
  );
  // Other public files (favicon…) all have an extension and none is under /api/; pages and the
  // API skip the file-system lookup that express.static would make on every request.
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false });
  const mayBePublicFile = (urlPath: string) =>
    /\.[^/]+$/.test(urlPath) && !urlPath.startsWith("/api/");
  app.use((req, res, next) => (mayBePublicFile(req.path) ? publicFiles(req, res, next) : next()));
  const pageCache = options.pageCacheBytes
    ? {
        cache: new VersionedCache<CachedPage>({
          maxBytes: options.pageCacheBytes,
          ttlMs: PAGE_CACHE_TTL_MS,
        }),
        keyFor: pageCacheKey,
      }
    : undefined;
  const dbWaitMs = options.dbWaitMs ?? DEFAULT_DB_WAIT_MS;
  app.use((_req, _res, next) => withBoundedWait(dbWaitMs, next));
  app.use(outageGate());
  app.all(
    "*",
    createRemixHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext,
      pageCache,
      replaceResponse: replaceFailedResponse,
    }),
  );
  app.use(outageErrorHandler());
  return app;
}

export async function startHttpServer(options: StartOptions): Promise<Server> {
  const env = getEnv();
  let build = options.build ?? (await importBuild());
  const app = createHttpApp({
    build: options.dev ? async () => build : build,
    mode: options.dev ? "development" : "production",
    trustProxy: env.TRUST_PROXY,
    devOrigin: options.dev && env.NODE_ENV === "development" ? env.REMIX_DEV_ORIGIN : undefined,
    // In development every change must show at once, so nothing is kept.
    pageCacheBytes: options.dev ? 0 : env.PAGE_CACHE_MB * 1024 * 1024,
    allowedHosts: allowedHostsOf(env),
    dbWaitMs: env.DB_WAIT_SECONDS * 1000,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once("error", reject);
  });

  if (options.dev) {
    await broadcastDevReady(build);
    watch(path.dirname(BUILD_PATH), { persistent: false }, async (_event, file) => {
      if (file !== "index.js") return;
      build = await importBuild();
      await broadcastDevReady(build);
    });
  }
  return server;
}

/** Stops accepting connections and waits (at most timeoutMs) for open requests to finish. */
export function closeHttpServer(server: Server, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
