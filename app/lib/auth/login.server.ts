// The login form's work, kept out of the route module: password sign-in (rate-limited, audited,
// timing-equal for unknown users) and demo sign-in, both ending in a brand-new session.
import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import type { Env } from "~/lib/env.server";
import { recordAudit } from "./audit.server";
import { clientAddress } from "./client-address.server";
import { ensureDemoUser, isDemoModeActive } from "./demo-mode.server";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { ROLES, type Role, type Viewer } from "./policy";
import { countLoginAttempt, settleLoginSuccess, type BudgetState } from "./rate-limit.server";
import { safeNextPath } from "./safe-next";
import { readSessionToken, serializeSessionCookie } from "./session-cookie.server";
import { createSession, pruneSessions, revokeSession } from "./session.server";
import { findUser, type UserRecord } from "./users.server";

export type LoginErrorKey =
  | "auth.login.failed"
  | "auth.login.missing"
  | "auth.login.unreadable"
  | "auth.login.rateLimited"
  | "auth.login.demoRefused";

/** What the form shows after a refused sign-in. */
export interface LoginFailure {
  status: 400 | 401 | 403 | 429;
  error: LoginErrorKey;
  username: string;
  retry_after_seconds?: number;
}

/**
 * The submitted form, or null when the body is not a form at all (JSON, plain text, empty,
 * malformed multipart): a 400 for the client, never a 500.
 */
export async function readLoginForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("Content-Type")?.toLowerCase() ?? "";
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  )
    return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export type LoginOutcome = { ok: true; response: Response } | { ok: false; failure: LoginFailure };

function viewerOf(user: UserRecord): Viewer {
  return {
    user_id: user.id,
    username: user.username,
    role: user.role,
    communes: user.role === "secretary" ? user.communes : [],
    via: user.demo ? "demo" : "session",
  };
}

/**
 * Opens a new session for the user and redirects to `next`. Whatever session the browser carried
 * before is revoked and never reused: the new token is fresh randomness (session fixation).
 */
async function startSession(
  db: Kysely<DB>,
  request: Request,
  user: UserRecord,
  next: string,
): Promise<Response> {
  const address = clientAddress(request);
  await revokeSession(db, readSessionToken(request));
  const session = await createSession(db, user.id, {
    ip: address,
    userAgent: request.headers.get("User-Agent"),
  });
  await recordAudit(db, {
    viewer: viewerOf(user),
    action: "login.success",
    target: user.username,
    details: { via: user.demo ? "demo" : "password" },
    address,
  });
  await pruneSessions(db);
  return redirect(next, {
    headers: {
      "Set-Cookie": serializeSessionCookie(request, session.token, session.expires_at),
      "Cache-Control": "no-store",
    },
  });
}

/** A window that ended with refused attempts gets one summary row when the next one opens. */
export async function auditEndedBursts(
  db: Kysely<DB>,
  states: BudgetState[],
  target: string | null,
  address: string | null,
): Promise<void> {
  for (const state of states) {
    if (!state.ended_burst) continue;
    await recordAudit(db, {
      viewer: null,
      action: "login.rate_limited",
      target,
      details: {
        scope: state.scope,
        refused: state.ended_burst.refused,
        window_started_at: state.ended_burst.window_started_at.toISOString(),
      },
      address,
    });
  }
}

export async function signInWithPassword(
  db: Kysely<DB>,
  request: Request,
  form: FormData,
): Promise<LoginOutcome> {
  const username = String(form.get("username") ?? "")
    .trim()
    .slice(0, 128);
  const password = String(form.get("password") ?? "");
  const next = safeNextPath(form.get("next"));
  const address = clientAddress(request);
  if (!username || !password)
    return { ok: false, failure: { status: 400, error: "auth.login.missing", username } };

  // Counted before the check, in one statement per key: parallel guesses cannot outrun it.
  const budget = await countLoginAttempt(db, { username, address });
  await auditEndedBursts(db, budget.states, username, address);
  if (budget.limited) {
    const limit = budget.limited;
    // One audit row when a burst starts; the rest of it is counted and summarised later.
    if (limit.burst_started) {
      await recordAudit(db, {
        viewer: null,
        action: "login.failure",
        target: username,
        details: { reason: "rate_limited", scope: limit.scope },
        address,
      });
    }
    return {
      ok: false,
      failure: {
        status: 429,
        error: "auth.login.rateLimited",
        username,
        retry_after_seconds: limit.retry_after_seconds,
      },
    };
  }

  const user = await findUser(db, username);
  // Demo identities have no usable password; disabled users cannot sign in. Both, and unknown
  // names, cost one scrypt like a real check.
  const usable = user && !user.disabled_at && !user.demo ? user : null;
  const ok = usable
    ? await verifyPassword(password, usable.password_hash)
    : await verifyAgainstDummy(password);
  if (!ok || !usable) {
    await recordAudit(db, {
      viewer: null,
      action: "login.failure",
      target: username,
      details: {
        reason: !user
          ? "unknown_user"
          : user.disabled_at
            ? "disabled"
            : user.demo
              ? "demo_user"
              : "wrong_password",
      },
      address,
    });
    return { ok: false, failure: { status: 401, error: "auth.login.failed", username } };
  }
  await settleLoginSuccess(db, { username, address });
  return { ok: true, response: await startSession(db, request, usable, next) };
}

export async function signInAsDemo(
  db: Kysely<DB>,
  request: Request,
  form: FormData,
  env: Pick<Env, "DEMO_MODE" | "HOST" | "PROVINCE_CODE">,
): Promise<LoginOutcome> {
  const role = String(form.get("role") ?? "");
  if (!(await isDemoModeActive(db, env)) || !(ROLES as readonly string[]).includes(role))
    return { ok: false, failure: { status: 403, error: "auth.login.demoRefused", username: "" } };
  const user = await ensureDemoUser(db, role as Role, env.PROVINCE_CODE);
  return {
    ok: true,
    response: await startSession(db, request, user, safeNextPath(form.get("next"))),
  };
}
