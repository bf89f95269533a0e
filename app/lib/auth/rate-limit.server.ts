// Sign-in and bearer-token rate limits over app.auth_budget (ADR 012): at most 5 password checks
// per account and 20 per client address in a 15-minute window, and 20 token failures per address.
// A password attempt is counted *before* scrypt runs, in one INSERT … ON CONFLICT DO UPDATE per
// key: the row lock serializes parallel attempts, so 200 at once run at most the allowed number
// of checks (the old check-then-record let 74 through). A success gives its slot back.
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_TOKEN_FAILURES_PER_ADDRESS = 20;

export type LimitScope = "account" | "address" | "token";

/** One key's state after an attempt was counted (or refused). */
export interface BudgetState {
  scope: LimitScope;
  allowed: boolean;
  /** This refusal starts the window's burst: the one refusal that gets an audit row. */
  burst_started: boolean;
  retry_after_seconds: number;
  /** Set when this attempt opened a new window after one with refusals: its summary. */
  ended_burst: { refused: number; window_started_at: Date } | null;
}

interface BudgetRow {
  key: string;
  attempts: number;
  refused: number;
  allowed: boolean;
  retry_after_seconds: number;
  previous_refused: number;
  previous_window_started_at: Date | null;
  rolled: boolean;
}

const accountKey = (username: string) => `account:${username.trim().toLowerCase().slice(0, 128)}`;
const addressKey = (address: string) => `address:${address}`;
const tokenKey = (address: string) => `token:${address}`;

/**
 * The upsert that counts one attempt for `key` unless its window is full, for use as a CTE body.
 * A window older than LOGIN_WINDOW_SECONDS starts over and keeps the old one's refusals for its
 * summary row; `rolled` says it did.
 */
function countAttempt(key: string, max: number) {
  const expired = sql`b.window_started_at <= now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;
  return sql`
    insert into app.auth_budget as b (key, attempts) values (${key}, 1)
    on conflict (key) do update set
      window_started_at = case when ${expired} then now() else b.window_started_at end,
      attempts = case when ${expired} then 1
                      when b.attempts >= ${max} then b.attempts else b.attempts + 1 end,
      refused = case when ${expired} then 0
                     when b.attempts >= ${max} then b.refused + 1 else b.refused end,
      last_allowed = ${expired} or b.attempts < ${max},
      previous_refused = case when ${expired} then b.refused else 0 end,
      previous_window_started_at = case when ${expired} then b.window_started_at else null end
    returning key, attempts, refused, previous_refused, previous_window_started_at,
      last_allowed as allowed,
      greatest(1, ceil(extract(epoch from window_started_at
        + make_interval(secs => ${LOGIN_WINDOW_SECONDS}) - now())))::int as retry_after_seconds,
      previous_window_started_at is not null as rolled`;
}

function toState(scope: LimitScope, row: BudgetRow): BudgetState {
  return {
    scope,
    allowed: row.allowed,
    burst_started: !row.allowed && row.refused === 1,
    retry_after_seconds: row.retry_after_seconds,
    ended_burst:
      row.rolled && row.previous_refused > 0 && row.previous_window_started_at
        ? { refused: row.previous_refused, window_started_at: row.previous_window_started_at }
        : null,
  };
}

export interface LoginBudget {
  /** True when a password check may run: both the account and the address had room. */
  allowed: boolean;
  /** The key that refused (account first), or null. */
  limited: BudgetState | null;
  states: BudgetState[];
}

/**
 * Counts one password attempt against the account and the address, atomically, before any
 * password is checked. The account is counted only when the address still had room, so a client
 * over its address limit cannot lock other people's accounts by guessing on.
 */
export async function countLoginAttempt(
  db: Kysely<DB>,
  { username, address }: { username: string; address: string | null },
): Promise<LoginBudget> {
  const states: BudgetState[] = [];
  if (address) {
    const byAddress =
      await sql<BudgetRow>`${countAttempt(addressKey(address), MAX_FAILURES_PER_ADDRESS)}`.execute(
        db,
      );
    states.push(toState("address", byAddress.rows[0]!));
    if (!states[0]!.allowed) return { allowed: false, limited: states[0]!, states };
  }
  const account =
    await sql<BudgetRow>`${countAttempt(accountKey(username), MAX_FAILURES_PER_ACCOUNT)}`.execute(
      db,
    );
  const accountState = toState("account", account.rows[0]!);
  states.unshift(accountState);
  return {
    allowed: accountState.allowed,
    limited: accountState.allowed ? null : accountState,
    states,
  };
}

/** After a correct password: the account starts over and the address gets its slot back. */
export async function settleLoginSuccess(
  db: Kysely<DB>,
  { username, address }: { username: string; address: string | null },
): Promise<void> {
  await db.deleteFrom("app.auth_budget").where("key", "=", accountKey(username)).execute();
  if (address) {
    await db
      .updateTable("app.auth_budget")
      .set({ attempts: sql`greatest(attempts - 1, 0)` })
      .where("key", "=", addressKey(address))
      .execute();
  }
  await pruneAuthBudget(db);
}

/** Whether this address has used up its token failures; checked before a token is looked up. */
export async function tokenFailuresExhausted(
  db: Kysely<DB>,
  address: string | null,
): Promise<boolean> {
  if (!address) return false;
  const row = await db
    .selectFrom("app.auth_budget")
    .select("attempts")
    .where("key", "=", tokenKey(address))
    .where(
      "window_started_at",
      ">",
      sql<Date>`now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`,
    )
    .executeTakeFirst();
  return (row?.attempts ?? 0) >= MAX_TOKEN_FAILURES_PER_ADDRESS;
}

/** Counts one failed (or refused) bearer token from this address. */
export async function countTokenFailure(
  db: Kysely<DB>,
  address: string | null,
): Promise<BudgetState | null> {
  if (!address) return null;
  const result =
    await sql<BudgetRow>`${countAttempt(tokenKey(address), MAX_TOKEN_FAILURES_PER_ADDRESS)}`.execute(
      db,
    );
  return toState("token", result.rows[0]!);
}

/** Windows that ended a day ago can no longer limit or summarise anything. */
export async function pruneAuthBudget(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom("app.auth_budget")
    .where("window_started_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}
