// Who is asking: the session cookie (pages and API) or a bearer token (only on /api/v1/*) turned
// into a Viewer, the input of every check in ./policy. Anonymous requests are sent to the login
// page (pages) or refused with 401 JSON (API paths, `?_data=` fetches, resource routes).
import { json, redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import { getDb } from "~/lib/db.server";
import type { DB } from "~/lib/db/types";
import { getEnv } from "~/lib/env.server";
import { verifyApiToken } from "./api-token.server";
import { recordAudit } from "./audit.server";
import { clientAddress } from "./client-address.server";
import { isDemoModeActive } from "./demo-mode.server";
import { can, type Permission, type Role, type Viewer } from "./policy";
import { countTokenFailure, tokenFailuresExhausted } from "./rate-limit.server";
import { readSessionToken } from "./session-cookie.server";
import { resolveSession } from "./session.server";

const NO_STORE = { "Cache-Control": "no-store" };

/** Paths where `Authorization: Bearer` is honoured. */
export function isTokenPath(pathname: string): boolean {
  return pathname.startsWith("/api/v1/");
}

/** Whether an anonymous request gets a 401 JSON answer rather than a redirect to /login. */
export function isApiRequest(request: Request): boolean {
  const url = new URL(request.url);
  return url.pathname.startsWith("/api/") || url.searchParams.has("_data");
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

interface ViewerUser {
  id: number;
  username: string;
  role: string;
  demo: boolean;
  communes: readonly string[];
}

async function toViewer(
  db: Kysely<DB>,
  user: ViewerUser,
  via: "session" | "token",
): Promise<Viewer | null> {
  // Demo identities exist only while demo mode is on (a real user turns it off).
  if (user.demo && !(await isDemoModeActive(db, getEnv()))) return null;
  return {
    user_id: user.id,
    username: user.username,
    role: user.role as Role,
    communes: user.role === "secretary" ? [...user.communes] : [],
    via: user.demo ? "demo" : via,
  };
}

async function viewerForUser(
  db: Kysely<DB>,
  userId: number,
  via: "session" | "token",
): Promise<Viewer | null> {
  const user = await db
    .selectFrom("app.user as u")
    .leftJoin("app.user_commune as c", "c.user_id", "u.id")
    .select(["u.id", "u.username", "u.role", "u.demo", "u.disabled_at", "c.commune_code"])
    .where("u.id", "=", userId)
    .orderBy("c.commune_code")
    .execute();
  const first = user[0];
  if (!first || first.disabled_at) return null;
  return toViewer(db, { ...first, communes: user.flatMap((r) => r.commune_code ?? []) }, via);
}

/** Resolves the viewer without throwing; null for anonymous. */
export async function resolveViewer(db: Kysely<DB>, request: Request): Promise<Viewer | null> {
  const url = new URL(request.url);
  const bearer = bearerToken(request);
  if (bearer !== null && isTokenPath(url.pathname)) {
    // A presented token decides alone: a bad token is not rescued by a cookie. An address that
    // used up its token failures is refused without a lookup.
    const address = clientAddress(request);
    const exhausted = await tokenFailuresExhausted(db, address);
    const userId = exhausted ? null : await verifyApiToken(db, bearer);
    if (userId === null) await noteTokenFailure(db, address, url.pathname);
    return userId === null ? null : viewerForUser(db, userId, "token");
  }
  // The session query already refused disabled users and brought the user's role and communes.
  const session = await resolveSession(db, readSessionToken(request));
  return session ? toViewer(db, { ...session, id: session.user_id }, "session") : null;
}

/**
 * Counts a failed or refused bearer token. The audit log gets each failure while the address is
 * within its limit (at most 20 a window), one row when the limit is reached, and one summary of
 * the refusals when the window ends: a flood of bad tokens cannot flood the log (ADR 012).
 */
async function noteTokenFailure(
  db: Kysely<DB>,
  address: string | null,
  path: string,
): Promise<void> {
  const state = await countTokenFailure(db, address);
  if (state?.ended_burst) {
    await recordAudit(db, {
      viewer: null,
      action: "login.rate_limited",
      target: path,
      details: {
        scope: state.scope,
        refused: state.ended_burst.refused,
        window_started_at: state.ended_burst.window_started_at.toISOString(),
      },
      address,
    });
  }
  if (state && !state.allowed && !state.burst_started) return;
  await recordAudit(db, {
    viewer: null,
    action: "token.failure",
    target: path,
    details: { reason: state && !state.allowed ? "rate_limited" : "invalid_token" },
    address,
  });
}

/**
 * The signed-in viewer or null, for the root loader (header, nav) and the login page. Each loader
 * resolves it again: Remix hands every loader its own copy of the Request (with `_data` and
 * `index` stripped), so nothing per request can be shared through it; the session query is one
 * indexed read.
 */
export async function getOptionalViewer(request: Request): Promise<Viewer | null> {
  return resolveViewer(await getDb(), request);
}

/** 401 for API and data requests made without valid credentials. */
export function unauthorized(): Response {
  return json(
    {
      error: "unauthorized",
      message_vi: "Cần đăng nhập (phiên đăng nhập hoặc mã API hợp lệ).",
      message_en: "Sign-in required (a valid session or API token).",
    },
    {
      status: 401,
      headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="cau-noi-so"' },
    },
  );
}

/** 403 for a signed-in viewer asking for what their role or communes do not allow. */
export function forbidden(): Response {
  return json(
    {
      error: "forbidden",
      message_vi: "Tài khoản của bạn không có quyền xem nội dung này.",
      message_en: "Your account is not allowed to see this.",
    },
    { status: 403, headers: NO_STORE },
  );
}

/** Where to come back to after signing in: this page's path and query, without `_data`. */
function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  url.searchParams.delete("_data");
  const next = `${url.pathname}${url.search}`;
  const target = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
  return redirect(target, { headers: NO_STORE });
}

/**
 * The viewer of a request that must be signed in. Anonymous (no, unknown, tampered, expired or
 * revoked credentials; a disabled user) → throws a redirect to /login?next=…, or a 401 JSON
 * Response for API paths, `?_data=` requests and when `options.api` is set (resource routes).
 */
export async function requireViewer(
  request: Request,
  options: { api?: boolean } = {},
): Promise<Viewer> {
  const viewer = await getOptionalViewer(request);
  if (viewer) return viewer;
  throw options.api || isApiRequest(request) ? unauthorized() : loginRedirect(request);
}

/** requireViewer, then a 403 unless the viewer's role has `permission`. */
export async function requirePermission(
  request: Request,
  permission: Permission,
  options: { api?: boolean } = {},
): Promise<Viewer> {
  const viewer = await requireViewer(request, options);
  if (!can(viewer, permission)) throw forbidden();
  return viewer;
}
