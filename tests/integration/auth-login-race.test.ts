// The login limits hold under a race: 200 wrong passwords fired at once, from one address, run at
// most the configured number of password checks (scrypt calls observed through a spy on the real
// password module), where the old check-then-record ran 74. On PostgreSQL the 200 requests run on
// the pool's parallel connections; on PGlite they interleave on one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "~/lib/auth/rate-limit.server";
import type * as PasswordModule from "~/lib/auth/password.server";
import { addUser } from "~/lib/auth/users.server";
import { action as loginAction } from "~/routes/login";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/lib/auth/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      checks.count++;
      return real.verifyPassword(password, stored);
    },
    verifyAgainstDummy: async (password: string) => {
      checks.count++;
      return real.verifyAgainstDummy(password);
    },
  };
});

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await addUser(
    t.db,
    { username: "lan", role: "leader", password: "mật-khẩu-đúng-rồi" },
    { viewer: null, via: "test" },
  );
});
afterAll(async () => {
  await t?.close();
});

function attempt(username: string, address: string): Promise<Response> {
  const request = new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ username, password: "doan-bua-thoi" }),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-cns-client-address": address,
    },
  });
  return loginAction({ request, params: {}, context: {} }) as Promise<Response>;
}

async function race(attempts: Array<() => Promise<Response>>) {
  checks.count = 0;
  const statuses = (await Promise.all(attempts.map((a) => a()))).map((r) => r.status);
  const tally = (status: number) => statuses.filter((s) => s === status).length;
  return {
    checks: checks.count,
    refused: tally(429),
    failed: tally(401),
    other: statuses.length - tally(429) - tally(401),
  };
}

describe(`login limits under a race (${engineName})`, () => {
  it("200 parallel wrong passwords for one account run at most 5 password checks", async () => {
    const result = await race(
      Array.from({ length: 200 }, () => () => attempt("lan", "192.0.2.10")),
    );
    console.info(`race, one account: ${JSON.stringify(result)}`);
    expect(result.checks).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(result.checks).toBe(result.failed);
    expect(result.other).toBe(0);
    expect(result.refused).toBe(200 - result.failed);
  });

  it("200 parallel guesses over 200 accounts from one address run at most 20 checks", async () => {
    const result = await race(
      Array.from({ length: 200 }, (_, i) => () => attempt(`khong-co-${i}`, "192.0.2.11")),
    );
    console.info(`race, one address: ${JSON.stringify(result)}`);
    expect(result.checks).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect(result.checks).toBe(result.failed);
    expect(result.other).toBe(0);
    // Accounts the address was refused for were not counted against.
    const accounts = await t.db
      .selectFrom("app.auth_budget")
      .select("key")
      .where("key", "like", "account:khong-co-%")
      .execute();
    expect(accounts.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
  });
});
