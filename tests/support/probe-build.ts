// A Remix ServerBuild assembled in the test from the real entry.server.tsx and root module plus
// small probe routes, so tests of the HTTP layer (security headers, the page cache) run through
// the real Express app without `remix build`. The browser tests cover the built app.
import type { ServerBuild } from "@remix-run/node";
import * as entryServer from "~/entry.server";
import * as root from "~/root";
import remixConfig from "../../remix.config.js";

type RouteModule = ServerBuild["routes"][string]["module"];

export interface ProbeRoute {
  path: string;
  /** Loader, action, headers, handle, default component — or no component (resource route). */
  module: Record<string, unknown>;
}

/** The fingerprinted client entry every probe page links to; write it under publicDir/build. */
export const PROBE_ASSET = "/build/entry.client-TEST1234.js";

function assetRoute(id: string, extra: { parentId?: string; path: string }, module: object) {
  return {
    id,
    ...extra,
    module: `/build/${id.replace("/", "-")}-TEST1234.js`,
    hasLoader: "loader" in module,
    hasAction: "action" in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: id === "root",
  };
}

/**
 * The build: the real root (Layout, App, ErrorBoundary; its loader replaced when `rootLoader` is
 * given) and `routes` under it, keyed by route id ("routes/probe").
 */
export function probeBuild(
  routes: Record<string, ProbeRoute>,
  options: { rootLoader?: () => unknown } = {},
): ServerBuild {
  const rootModule = options.rootLoader ? { ...root, loader: options.rootLoader } : root;
  const serverRoutes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: rootModule as RouteModule },
  };
  const assetRoutes: Record<string, ReturnType<typeof assetRoute>> = {
    root: assetRoute("root", { path: "" }, rootModule),
  };
  for (const [id, route] of Object.entries(routes)) {
    serverRoutes[id] = {
      id,
      parentId: "root",
      path: route.path,
      module: route.module as unknown as RouteModule,
    };
    assetRoutes[id] = assetRoute(id, { parentId: "root", path: route.path }, route.module);
  }
  return {
    mode: "production",
    entry: { module: entryServer },
    routes: serverRoutes,
    assets: {
      entry: { module: PROBE_ASSET, imports: [] },
      routes: assetRoutes,
      url: "/build/manifest-TEST1234.js",
      version: "TEST1234",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    // What the compiler writes for remix.config.js: every flag, defaults off.
    future: {
      v3_fetcherPersist: false,
      v3_relativeSplatPath: false,
      v3_throwAbortReason: false,
      v3_lazyRouteDiscovery: false,
      v3_singleFetch: false,
      ...remixConfig.future,
    },
    isSpaMode: false,
  };
}
