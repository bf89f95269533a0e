// Login rate limiting through the real login action: 5 failures per account and 20 per address in
// 15 minutes earn a 429 with Retry-After and a message in the reader's language — even for the
// right password — while other accounts and addresses carry on. Window ageing edits the rows.
// A limited burst writes one audit row when it starts and one summary when its window ends.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LOGIN_WINDOW_SECONDS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
} from "~/lib/auth/rate-limit.server";
import { addUser } from "~/lib/auth/users.server";
import { createTranslator } from "~/lib/i18n/translate";
import { action as loginAction } from "~/routes/login";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const PASSWORD = "mật-khẩu-đúng-rồi";

beforeAll(async () => {
  t = await createTestDatabase();
  for (const username of ["hoa", "khanh", "long", "mai"])
    await addUser(
      t.db,
      { username, role: "leader", password: PASSWORD },
      { viewer: null, via: "test" },
    );
});
afterAll(async () => {
  await t?.close();
});

async function auditCount(): Promise<number> {
  const row = await t.db
    .selectFrom("app.audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function attempt(username: string, password: string, address: string): Promise<Response> {
  const request = new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ username, password }),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-cns-client-address": address,
    },
  });
  return (await loginAction({ request, params: {}, context: {} })) as Response;
}

describe(`login rate limiting (${engineName})`, () => {
  it("per account: the 6th try within 15 minutes is refused with 429, even with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // Spread over addresses so only the per-account rule can trigger.
      expect((await attempt("hoa", "sai-mat-khau", `10.0.1.${i}`)).status).toBe(401);
    }
    const limited = await attempt("HOA", PASSWORD, "10.0.1.99");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(LOGIN_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    const body = (await limited.json()) as { error: "auth.login.rateLimited" };
    expect(body.error).toBe("auth.login.rateLimited");
    expect(createTranslator("vi")(body.error, { minutes: "15" })).toMatch(/thử lại sau 15 phút/);
    expect(createTranslator("en")(body.error, { minutes: "15" })).toMatch(
      /Try again in 15 minutes/,
    );
    expect(limited.headers.get("Set-Cookie")).toBeNull();
    // Another account is not affected.
    expect((await attempt("khanh", PASSWORD, "10.0.1.99")).status).toBe(302);
    // Once the failures leave the window, the account may sign in again.
    await t.db
      .updateTable("app.auth_budget")
      .set({
        window_started_at: sql`window_started_at - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`,
      })
      .where("key", "=", "account:hoa")
      .execute();
    expect((await attempt("hoa", PASSWORD, "10.0.1.99")).status).toBe(302);
    const audit = await t.db
      .selectFrom("app.audit_log")
      .select("details")
      .where("action", "=", "login.failure")
      .where("target", "=", "HOA")
      .execute();
    expect(audit.map((a) => a.details)).toEqual([{ reason: "rate_limited", scope: "account" }]);
  });

  it("a limited burst writes one audit row, then one summary when its window ends", async () => {
    const address = "198.51.100.4";
    const before = await auditCount();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect((await attempt("thu", "sai-mat-khau", address)).status).toBe(401);
    // 14 more: with the 5 above and the one after the window, the address stays within its 20.
    for (let i = 0; i < 14; i++)
      expect((await attempt("thu", "sai-mat-khau", address)).status).toBe(429);
    // Five checked failures plus the burst's first refusal; 13 more refusals wrote nothing.
    expect((await auditCount()) - before).toBe(MAX_FAILURES_PER_ACCOUNT + 1);
    await t.db
      .updateTable("app.auth_budget")
      .set({
        window_started_at: sql`window_started_at - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`,
      })
      .where("key", "=", "account:thu")
      .execute();
    expect((await attempt("thu", "sai-mat-khau", address)).status).toBe(401);
    const summary = await t.db
      .selectFrom("app.audit_log")
      .select(["target", "details"])
      .where("action", "=", "login.rate_limited")
      .where("target", "=", "thu")
      .execute();
    expect(summary).toHaveLength(1);
    expect(summary[0]!.details).toMatchObject({ scope: "account", refused: 14 });
  });

  it("a successful sign-in restarts the account's count", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await attempt("long", "sai-mat-khau", "10.0.2.1");
    expect((await attempt("long", PASSWORD, "10.0.2.1")).status).toBe(302);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await attempt("long", "sai-mat-khau", "10.0.2.1");
    expect((await attempt("long", PASSWORD, "10.0.2.1")).status).toBe(302);
  });

  it("per address: 20 failures from one address (any usernames) block it, not others", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await attempt(`khong-co-${i}`, "doan-bua-thoi", address)).status).toBe(401);
    }
    const limited = await attempt("mai", PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await attempt("mai", PASSWORD, "203.0.113.8")).status).toBe(302);
  });
});
