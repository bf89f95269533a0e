// Login rate limiting from app.login_attempt: at most 5 failed passwords per account and 20 per
// client address within 15 minutes. An account's count restarts after a successful sign-in. A
// limited request is refused before the password is checked (429 with Retry-After).
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type LoginLimit =
  { limited: false } | { limited: true; scope: "account" | "address"; retry_after_seconds: number };

interface Counted {
  failures: number;
  oldest: Date | null;
}

function verdict(counted: Counted, max: number, now: Date): number | null {
  if (counted.failures < max || !counted.oldest) return null;
  // Free again when the oldest counted failure leaves the window.
  const until = counted.oldest.getTime() + LOGIN_WINDOW_SECONDS * 1000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function checkLoginRateLimit(
  db: Kysely<DB>,
  { username, address }: { username: string; address: string | null },
): Promise<LoginLimit> {
  const windowStart = sql<Date>`now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;
  const { now } = await sql<{ now: Date }>`select now() as now`.execute(db).then((r) => r.rows[0]!);
  // Per account: only the failures after the last success, and only the newest `max` of them
  // (the oldest of those decides when one more attempt is allowed).
  const account = await sql<Counted>`
    select count(*)::int as failures, min(at) as oldest from (
      select at from app.login_attempt
      where lower(username) = ${username.toLowerCase()} and not success and at > ${windowStart}
        and at > coalesce((select max(at) from app.login_attempt
                           where lower(username) = ${username.toLowerCase()} and success),
                          '-infinity')
      order by at desc limit ${MAX_FAILURES_PER_ACCOUNT}
    ) recent`.execute(db);
  const perAccount = verdict(account.rows[0]!, MAX_FAILURES_PER_ACCOUNT, now);
  if (perAccount !== null)
    return { limited: true, scope: "account", retry_after_seconds: perAccount };
  if (address) {
    const byAddress = await sql<Counted>`
      select count(*)::int as failures, min(at) as oldest from (
        select at from app.login_attempt
        where address = ${address} and not success and at > ${windowStart}
        order by at desc limit ${MAX_FAILURES_PER_ADDRESS}
      ) recent`.execute(db);
    const perAddress = verdict(byAddress.rows[0]!, MAX_FAILURES_PER_ADDRESS, now);
    if (perAddress !== null)
      return { limited: true, scope: "address", retry_after_seconds: perAddress };
  }
  return { limited: false };
}

export async function recordLoginAttempt(
  db: Kysely<DB>,
  attempt: { username: string; address: string | null; success: boolean },
): Promise<void> {
  await db
    .insertInto("app.login_attempt")
    .values({
      username: attempt.username.slice(0, 128),
      address: attempt.address,
      success: attempt.success,
    })
    .execute();
  // Attempts older than a day can no longer limit anyone.
  await db
    .deleteFrom("app.login_attempt")
    .where("at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
}
