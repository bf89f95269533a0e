// Bad bearer tokens are counted per client address like sign-ins (ADR 012): each failure within
// the budget is audited, the budget's end writes one row, further tokens from that address are
// refused without a lookup (even a valid one) and write nothing, and the next window opens with a
// summary of what was refused.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_WINDOW_SECONDS, MAX_TOKEN_FAILURES_PER_ADDRESS } from "~/lib/auth/rate-limit.server";
import { getOptionalViewer } from "~/lib/auth/viewer.server";
import { createApiToken, createUserWithSession } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let token: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const owner = await createUserWithSession(t.db, "analyst");
  token = await createApiToken(t.db, owner.viewer.username);
});
afterAll(async () => {
  await t?.close();
});

const bearer = (value: string, address: string) =>
  new Request("http://localhost/api/v1/commune-month.csv", {
    headers: { Authorization: `Bearer ${value}`, "x-cns-client-address": address },
  });

async function audit(action: string, address: string) {
  return t.db
    .selectFrom("app.audit_log")
    .select(["details"])
    .where("action", "=", action)
    .where("address", "=", address)
    .orderBy("id")
    .execute();
}

describe(`bearer-token failures (${engineName})`, () => {
  it("audits failures within the budget, one row at its end, then refuses quietly", async () => {
    const address = "198.51.100.77";
    for (let i = 0; i < MAX_TOKEN_FAILURES_PER_ADDRESS + 30; i++)
      expect(await getOptionalViewer(bearer(`cns_${"x".repeat(43)}`, address))).toBeNull();
    const failures = await audit("token.failure", address);
    expect(failures).toHaveLength(MAX_TOKEN_FAILURES_PER_ADDRESS + 1);
    expect(failures.at(-1)!.details).toEqual({ reason: "rate_limited" });
    // Over the budget even the right token is refused from this address, not from another.
    expect(await getOptionalViewer(bearer(token, address))).toBeNull();
    expect(await getOptionalViewer(bearer(token, "198.51.100.78"))).not.toBeNull();
    await t.db
      .updateTable("app.auth_budget")
      .set({
        window_started_at: sql`window_started_at - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`,
      })
      .where("key", "=", `token:${address}`)
      .execute();
    expect(await getOptionalViewer(bearer(token, address))).not.toBeNull();
    expect(await getOptionalViewer(bearer("cns_nope", address))).toBeNull();
    const summary = await audit("login.rate_limited", address);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.details).toMatchObject({ scope: "token", refused: 31 });
  });
});
