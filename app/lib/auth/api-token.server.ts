// API tokens for `Authorization: Bearer` on /api/v1/* (issue 5). A token acts with its user's role
// and communes; it is shown once at creation and stored only as its SHA-256. Revoked tokens, and
// tokens of disabled users, are refused.
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import { recordAudit } from "./audit.server";
import { hashSecretToken, isWellFormedToken, newSecretToken } from "./secret-token.server";
import { findUser, UserError, type ChangeContext } from "./users.server";

/** Tokens carry a recognisable prefix so a leaked one is easy to spot in logs and scanners. */
export const API_TOKEN_PREFIX = "cns_";

export interface CreatedApiToken {
  id: number;
  /** The token itself: returned here once, never stored. */
  token: string;
  username: string;
  label: string | null;
}

export async function createApiToken(
  db: Kysely<DB>,
  { username, label = null }: { username: string; label?: string | null },
  context: ChangeContext,
): Promise<CreatedApiToken> {
  const token = newSecretToken(API_TOKEN_PREFIX);
  return db.transaction().execute(async (trx) => {
    const user = await findUser(trx, username);
    if (!user || user.disabled_at)
      throw new UserError(
        "user_unknown",
        `Không có người dùng đang hoạt động "${username}".`,
        `There is no active user "${username}".`,
      );
    const { id } = await trx
      .insertInto("app.api_token")
      .values({ user_id: user.id, token_hash: hashSecretToken(token), label })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      viewer: context.viewer,
      action: "token.create",
      target: user.username,
      details: { token_id: id, label, via: context.via },
      address: context.address,
    });
    return { id, token, username: user.username, label };
  });
}

/**
 * Revokes one token (by numeric id) or every live token of a user (by username); returns the
 * number revoked. A value that is all digits is an id.
 */
export async function revokeApiTokens(
  db: Kysely<DB>,
  usernameOrId: string,
  context: ChangeContext,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .updateTable("app.api_token")
      .set({ revoked_at: sql`now()` })
      .where("revoked_at", "is", null);
    if (/^\d+$/.test(usernameOrId)) {
      query = query.where("id", "=", Number(usernameOrId));
    } else {
      const user = await findUser(trx, usernameOrId);
      if (!user)
        throw new UserError(
          "user_unknown",
          `Không có người dùng "${usernameOrId}".`,
          `There is no user "${usernameOrId}".`,
        );
      query = query.where("user_id", "=", user.id);
    }
    const revoked = await query.returning("id").execute();
    if (revoked.length === 0) return 0;
    await recordAudit(trx, {
      viewer: context.viewer,
      action: "token.revoke",
      target: usernameOrId,
      details: { token_ids: revoked.map((r) => r.id), via: context.via },
      address: context.address,
    });
    return revoked.length;
  });
}

/** The user id a presented bearer token belongs to, or null; records when it was last used. */
export async function verifyApiToken(db: Kysely<DB>, token: string): Promise<number | null> {
  if (!isWellFormedToken(token, API_TOKEN_PREFIX)) return null;
  const row = await db
    .updateTable("app.api_token as t")
    .from("app.user as u")
    .set({ last_used_at: sql`now()` })
    .whereRef("u.id", "=", "t.user_id")
    .where("t.token_hash", "=", hashSecretToken(token))
    .where("t.revoked_at", "is", null)
    .where("u.disabled_at", "is", null)
    .returning("t.user_id")
    .executeTakeFirst();
  return row?.user_id ?? null;
}
