// Signed-in test identities for route tests: a real user (app.user, scrypt password), a real
// server-side session and the Cookie header a browser on http://localhost would send.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createApiToken as issueApiToken } from "~/lib/auth/api-token.server";
import type { Role, Viewer } from "~/lib/auth/policy";
import { LOCAL_COOKIE_NAME, SECURE_COOKIE_NAME } from "~/lib/auth/session-cookie.server";
import { createSession } from "~/lib/auth/session.server";
import { addUser } from "~/lib/auth/users.server";
import type { DB } from "~/lib/db/types";

export interface TestIdentity {
  viewer: Viewer;
  /** Cookie header value for requests to http://localhost/… */
  cookie: string;
  /** Cookie header value for requests to https://… or a non-local host (the __Host- cookie). */
  secureCookie: string;
  /** The raw session token. */
  token: string;
  password: string;
}

let counter = 0;

/** The province's first commune by code (a secretary needs one). */
async function firstCommune(db: Kysely<DB>, province = "68"): Promise<string> {
  const row = await db
    .selectFrom("ref.commune")
    .select("code")
    .where("province_code", "=", province)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  return row.code;
}

export async function createUserWithSession(
  db: Kysely<DB>,
  role: Role,
  options: { communes?: string[]; username?: string } = {},
): Promise<TestIdentity> {
  counter += 1;
  const username = options.username ?? `t-${role}-${counter}-${randomBytes(3).toString("hex")}`;
  const communes =
    role === "secretary"
      ? (options.communes ?? [await firstCommune(db)])
      : (options.communes ?? []);
  const password = randomBytes(12).toString("base64url");
  const user = await addUser(
    db,
    { username, role, communes, password },
    { viewer: null, via: "test" },
  );
  const session = await createSession(db, user.id);
  return {
    viewer: {
      user_id: user.id,
      username: user.username,
      role: user.role,
      communes: user.role === "secretary" ? user.communes : [],
      via: "session",
    },
    cookie: `${LOCAL_COOKIE_NAME}=${session.token}`,
    secureCookie: `${SECURE_COOKIE_NAME}=${session.token}`,
    token: session.token,
    password,
  };
}

/** A new API token of the user, for `Authorization: Bearer <token>` on /api/v1/*. */
export async function createApiToken(db: Kysely<DB>, username: string): Promise<string> {
  const created = await issueApiToken(db, { username }, { viewer: null, via: "test" });
  return created.token;
}

/** A GET (or `init`) request to http://localhost`path` carrying the identity's cookie. */
export function requestAs(
  identity: { cookie: string } | null,
  path: string,
  init: RequestInit = {},
) {
  const headers = new Headers(init.headers);
  if (identity) headers.set("Cookie", identity.cookie);
  return new Request(`http://localhost${path}`, { ...init, headers });
}
