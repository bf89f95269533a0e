// Server-side sessions in PostgreSQL (app.session; ADR 007). The cookie holds a random token; the
// row's id is its SHA-256, so the table alone cannot be replayed. Each login creates a new token
// (no session fixation); a session ends after 30 minutes idle, 8 hours at most, or on revocation.
// Time comparisons use the database's now() so tests can age a session by editing its row.
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import { hashSecretToken, isWellFormedToken, newSecretToken } from "./secret-token.server";

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 8 * 60 * 60;
/** last_seen_at is written at most this often per session (fewer writes under load). */
const TOUCH_INTERVAL_SECONDS = 60;

export interface NewSession {
  /** The raw token for the cookie: never stored, shown to the browser once. */
  token: string;
  id: string;
  expires_at: Date;
}

export interface SessionClient {
  ip?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  client: SessionClient = {},
): Promise<NewSession> {
  const token = newSecretToken();
  const id = hashSecretToken(token);
  const row = await db
    .insertInto("app.session")
    .values({
      id,
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(secs => ${ABSOLUTE_TIMEOUT_SECONDS})`,
      ip: client.ip ?? null,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
    })
    .returning("expires_at")
    .executeTakeFirstOrThrow();
  return { token, id, expires_at: row.expires_at };
}

export interface ActiveSession {
  id: string;
  user_id: number;
  expires_at: Date;
  /** The session's user, read in the same query (every request needs them). */
  username: string;
  role: string;
  demo: boolean;
  /** The communes a secretary is bound to, in code order (empty for other roles). */
  communes: string[];
}

/**
 * The live session a cookie token names, or null (unknown, malformed, revoked, idle too long,
 * past its absolute expiry, or its user disabled). A live session's last_seen_at is refreshed.
 */
export async function resolveSession(
  db: Kysely<DB>,
  token: string | null,
): Promise<ActiveSession | null> {
  if (!token || !isWellFormedToken(token)) return null;
  // Read first and write only when the touch is due: an UPDATE on every request (even one that
  // keeps the old value) commits and flushes WAL, which cost ~7 ms per page and serialised
  // concurrent requests on the WAL flush (bench:web). The user comes in the same query: this
  // runs on every request, so each round trip saved counts.
  const row = await db
    .selectFrom("app.session as s")
    .innerJoin("app.user as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.user_id",
      "s.expires_at",
      "u.username",
      "u.role",
      "u.demo",
      sql<string | null>`(select string_agg(c.commune_code, ',' order by c.commune_code)
        from app.user_commune c where c.user_id = u.id)`.as("communes"),
      sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS})`.as(
        "touch_due",
      ),
    ])
    .where("s.id", "=", hashSecretToken(token))
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", sql<Date>`now()`)
    .where("s.last_seen_at", ">", sql<Date>`now() - make_interval(secs => ${IDLE_TIMEOUT_SECONDS})`)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.touch_due) {
    await db
      .updateTable("app.session")
      .set({ last_seen_at: sql`now()` })
      .where("id", "=", row.id)
      .execute();
  }
  return {
    id: row.id,
    user_id: row.user_id,
    expires_at: row.expires_at,
    username: row.username,
    role: row.role,
    demo: row.demo,
    communes: row.communes ? row.communes.split(",") : [],
  };
}

/** Revokes the session a cookie token names (logout, or the old session at a new login). */
export async function revokeSession(db: Kysely<DB>, token: string | null): Promise<boolean> {
  if (!token || !isWellFormedToken(token)) return false;
  const result = await db
    .updateTable("app.session")
    .set({ revoked_at: sql`now()` })
    .where("id", "=", hashSecretToken(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes sessions that ended more than a day ago (called on login; keeps the table small). */
export async function pruneSessions(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom("app.session")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<", sql<Date>`now() - interval '1 day'`),
        eb("revoked_at", "<", sql<Date>`now() - interval '1 day'`),
      ]),
    )
    .execute();
}
