// The HTTP server around the Remix build: compression, long-cached fingerprinted assets,
// and a graceful shutdown that drains requests before the database closes.
import { existsSync, watch } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

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
}

export async function startHttpServer(options: StartOptions): Promise<Server> {
  let build = await importBuild();
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  // Remix fingerprints everything under /build/, so it can be cached for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    options.dev
      ? (req, res, next) => createRequestHandler({ build, mode: "development" })(req, res, next)
      : createRequestHandler({ build, mode: "production" }),
  );

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
