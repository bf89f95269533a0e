// Users and their communes (app.user, app.user_commune). Every change is written to the audit log
// in the same transaction, and changing a password or disabling a user revokes their sessions.
import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "~/lib/db/types";
import { recordAudit } from "./audit.server";
import { hashPassword, passwordProblem, MIN_PASSWORD_LENGTH } from "./password.server";
import { ROLES, type Role, type Viewer } from "./policy";

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export type UserErrorCode =
  | "username_invalid"
  | "username_taken"
  | "user_unknown"
  | "role_invalid"
  | "communes_required"
  | "communes_not_allowed"
  | "commune_unknown"
  | "password_too_short"
  | "password_too_long";

/** A refused user change; the CLI prints both messages, pages show one. */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    readonly code: UserErrorCode,
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

/** Who makes a change, for the audit log: a signed-in viewer, or null for the CLI. */
export interface ChangeContext {
  viewer: Viewer | null;
  address?: string | null;
  /** Where the change came from ("cli", "demo", "web"). */
  via: string;
}

export interface UserRecord {
  id: number;
  username: string;
  password_hash: string;
  role: Role;
  demo: boolean;
  disabled_at: Date | null;
  created_at: Date;
  password_changed_at: Date;
  communes: string[];
}

export type UserSummary = Omit<UserRecord, "password_hash"> & { last_seen_at: Date | null };

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === "too_short")
    throw new UserError(
      "password_too_short",
      `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  if (problem === "too_long")
    throw new UserError("password_too_long", "Mật khẩu quá dài.", "The password is too long.");
}

function unknownUser(username: string): UserError {
  return new UserError(
    "user_unknown",
    `Không có người dùng "${username}".`,
    `There is no user "${username}".`,
  );
}

export async function findUser(
  db: Kysely<DB> | Transaction<DB>,
  username: string,
): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom("app.user as u")
    .selectAll("u")
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(c.commune_code order by c.commune_code) from app.user_commune c where c.user_id = u.id), '{}')`.as(
        "communes",
      ),
    )
    .where(sql`lower(u.username)`, "=", username.toLowerCase())
    .executeTakeFirst();
  return row ? { ...row, role: row.role as Role } : undefined;
}

export interface AddUserInput {
  username: string;
  role: string;
  communes?: readonly string[];
  password: string;
  /** Demo identities (demo mode only); their password is random and never shown. */
  demo?: boolean;
}

export async function addUser(
  db: Kysely<DB>,
  input: AddUserInput,
  context: ChangeContext,
): Promise<UserRecord> {
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username))
    throw new UserError(
      "username_invalid",
      "Tên đăng nhập gồm 2–64 chữ cái không dấu, chữ số, dấu chấm, gạch nối hoặc gạch dưới.",
      "A username is 2–64 ASCII letters, digits, dots, hyphens or underscores.",
    );
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new UserError(
      "role_invalid",
      `Vai trò phải là một trong: ${ROLES.join(", ")}.`,
      `The role must be one of: ${ROLES.join(", ")}.`,
    );
  const role = input.role as Role;
  const communes = [...new Set(input.communes ?? [])];
  if (role === "secretary" && communes.length === 0)
    throw new UserError(
      "communes_required",
      "Bí thư xã cần ít nhất một xã/phường (--commune MÃ).",
      "A secretary needs at least one commune (--commune CODE).",
    );
  if (role !== "secretary" && communes.length > 0)
    throw new UserError(
      "communes_not_allowed",
      "Chỉ vai trò secretary được gắn với xã/phường.",
      "Only the secretary role is bound to communes.",
    );
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);

  await db.transaction().execute(async (trx) => {
    if (await findUser(trx, username))
      throw new UserError(
        "username_taken",
        `Tên đăng nhập "${username}" đã có.`,
        `The username "${username}" is taken.`,
      );
    if (communes.length > 0) {
      const known = await trx
        .selectFrom("ref.commune")
        .select("code")
        .where("code", "in", communes)
        .execute();
      const missing = communes.filter((c) => !known.some((k) => k.code === c));
      if (missing.length > 0)
        throw new UserError(
          "commune_unknown",
          `Không có xã/phường mã ${missing.join(", ")}.`,
          `No commune has the code ${missing.join(", ")}.`,
        );
    }
    const { id } = await trx
      .insertInto("app.user")
      .values({ username, role, password_hash: passwordHash, demo: input.demo ?? false })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (communes.length > 0)
      await trx
        .insertInto("app.user_commune")
        .values(communes.map((commune_code) => ({ user_id: id, commune_code })))
        .execute();
    await recordAudit(trx, {
      viewer: context.viewer,
      action: "user.add",
      target: username,
      details: { role, communes, via: context.via, demo: input.demo ?? false },
      address: context.address,
    });
  });
  return (await findUser(db, username))!;
}

/** Sets a new password and signs the user out everywhere (their sessions are revoked). */
export async function setPassword(
  db: Kysely<DB>,
  username: string,
  password: string,
  context: ChangeContext,
): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await findUser(trx, username);
    if (!user) throw unknownUser(username);
    await trx
      .updateTable("app.user")
      .set({ password_hash: passwordHash, password_changed_at: sql`now()` })
      .where("id", "=", user.id)
      .execute();
    const revoked = await revokeAllSessionsOf(trx, user.id);
    await recordAudit(trx, {
      viewer: context.viewer,
      action: "user.passwd",
      target: user.username,
      details: { via: context.via, sessions_revoked: revoked },
      address: context.address,
    });
  });
}

/** Disables a user: their sessions and API tokens are revoked and they can no longer sign in. */
export async function disableUser(
  db: Kysely<DB>,
  username: string,
  context: ChangeContext,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findUser(trx, username);
    if (!user) throw unknownUser(username);
    await trx
      .updateTable("app.user")
      .set({ disabled_at: sql`coalesce(disabled_at, now())` })
      .where("id", "=", user.id)
      .execute();
    const sessions = await revokeAllSessionsOf(trx, user.id);
    const tokens = await trx
      .updateTable("app.api_token")
      .set({ revoked_at: sql`now()` })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await recordAudit(trx, {
      viewer: context.viewer,
      action: "user.disable",
      target: user.username,
      details: {
        via: context.via,
        sessions_revoked: sessions,
        tokens_revoked: Number(tokens.numUpdatedRows),
      },
      address: context.address,
    });
  });
}

/** Revokes every open session of a user; returns how many. */
export async function revokeAllSessionsOf(
  db: Kysely<DB> | Transaction<DB>,
  userId: number,
): Promise<number> {
  const result = await db
    .updateTable("app.session")
    .set({ revoked_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listUsers(db: Kysely<DB>): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom("app.user as u")
    .select([
      "u.id",
      "u.username",
      "u.role",
      "u.demo",
      "u.disabled_at",
      "u.created_at",
      "u.password_changed_at",
    ])
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(c.commune_code order by c.commune_code) from app.user_commune c where c.user_id = u.id), '{}')`.as(
        "communes",
      ),
    )
    .select(
      sql<Date | null>`(select max(s.last_seen_at) from app.session s where s.user_id = u.id)`.as(
        "last_seen_at",
      ),
    )
    .orderBy(sql`lower(u.username)`)
    .execute();
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}
