// What a cached page depends on, named in its key (ADR 010). A page opts in only when its HTML is
// a function of these alone: the URL (path and query), the language, who is asking (user, role,
// communes — everything authorization and small-cell suppression look at), whether demo mode is
// on (the banner), and the data version (every import and revert changes it). Anything else a
// request could carry is left to the uncached path.
import { isDemoModeActive } from "~/lib/auth/demo-mode.server";
import { resolveViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { getDataVersion } from "~/lib/cache/data-version-cache.server";

export interface PageCacheKey {
  key: string;
  /** The data version: a new one retires every page kept under the old. */
  generation: string;
}

/**
 * The key for a document request, or null when it must not come from (or go to) the cache: not a
 * plain GET of a page, a `?_data=` fetch, anonymous (the route answers with a redirect), or a
 * `?lang=` that changes the remembered language (that answer carries a Set-Cookie).
 */
export async function pageCacheKey(request: Request): Promise<PageCacheKey | null> {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  // /healthz must answer from its own check alone, also while the database is down.
  if (
    url.searchParams.has("_data") ||
    url.pathname.startsWith("/api/") ||
    url.pathname === "/healthz"
  )
    return null;
  const { lang, setCookie } = await resolveLanguage(request);
  if (setCookie) return null;
  const db = await getDb();
  const [viewer, version, demo] = await Promise.all([
    resolveViewer(db, request),
    getDataVersion(db),
    isDemoModeActive(db, getEnv()),
  ]);
  if (!viewer) return null;
  const who = [viewer.user_id, viewer.username, viewer.role, viewer.via, viewer.communes];
  return {
    key: JSON.stringify([url.pathname, url.search, lang, demo, who]),
    generation: version,
  };
}
