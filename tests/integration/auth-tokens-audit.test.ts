// API tokens (hashed at rest, revocable, honoured only as Bearer on /api/v1/*), the append-only
// audit log (the trigger refuses UPDATE, DELETE and TRUNCATE on both engines) and the two admin
// pages (admin only; a bad audit filter is a 400, never a 500).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiTokens } from "~/lib/auth/api-token.server";
import { listAudit, recordAudit } from "~/lib/auth/audit.server";
import { hashSecretToken } from "~/lib/auth/secret-token.server";
import { disableUser } from "~/lib/auth/users.server";
import { getOptionalViewer, requireViewer } from "~/lib/auth/viewer.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as usersLoader } from "~/routes/admin.users";
import { createApiToken, createUserWithSession, requestAs } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string, path = "/api/v1/commune-month.csv") =>
  new Request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${token}` } });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe(`API tokens (${engineName})`, () => {
  it("acts as its user on /api/v1/* only, is stored hashed, and stops when revoked", async () => {
    const owner = await createUserWithSession(t.db, "secretary");
    const token = await createApiToken(t.db, owner.viewer.username);
    expect(token).toMatch(/^cns_[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.selectFrom("app.api_token").selectAll().execute();
    expect(rows.some((r) => r.token_hash === token || JSON.stringify(r).includes(token))).toBe(
      false,
    );
    expect(rows.map((r) => r.token_hash)).toContain(hashSecretToken(token));

    expect(await requireViewer(bearer(token))).toMatchObject({
      username: owner.viewer.username,
      role: "secretary",
      communes: owner.viewer.communes,
      via: "token",
    });
    // Not a page credential: outside /api/v1/ the header is ignored.
    expect(await getOptionalViewer(bearer(token, "/imports"))).toBeNull();
    expect((await thrown(requireViewer(bearer(token, "/communes/24778")))).status).toBe(302);
    // A wrong token is not rescued by a valid cookie.
    const both = new Request("http://localhost/api/v1/x", {
      headers: { Authorization: `Bearer ${token}x`, Cookie: owner.cookie },
    });
    expect((await thrown(requireViewer(both))).status).toBe(401);
    const used = await t.db
      .selectFrom("app.api_token")
      .select("last_used_at")
      .where("token_hash", "=", hashSecretToken(token))
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();

    const { id } = await t.db
      .selectFrom("app.api_token")
      .select("id")
      .where("token_hash", "=", hashSecretToken(token))
      .executeTakeFirstOrThrow();
    expect(await revokeApiTokens(t.db, String(id), { viewer: null, via: "test" })).toBe(1);
    expect((await thrown(requireViewer(bearer(token)))).status).toBe(401);
  });

  it("revokes every token of a user by username, and a disabled user's tokens stop working", async () => {
    const a = await createUserWithSession(t.db, "analyst");
    const [one, two] = [
      await createApiToken(t.db, a.viewer.username),
      await createApiToken(t.db, a.viewer.username),
    ];
    expect(await revokeApiTokens(t.db, a.viewer.username, { viewer: null, via: "test" })).toBe(2);
    for (const token of [one!, two!]) expect(await getOptionalViewer(bearer(token))).toBeNull();

    const b = await createUserWithSession(t.db, "leader");
    const live = await createApiToken(t.db, b.viewer.username);
    expect(await getOptionalViewer(bearer(live))).not.toBeNull();
    await disableUser(t.db, b.viewer.username, { viewer: null, via: "test" });
    expect(await getOptionalViewer(bearer(live))).toBeNull();
  });
});

describe(`audit log (${engineName})`, () => {
  it("records events and refuses UPDATE, DELETE and TRUNCATE", async () => {
    const admin = await createUserWithSession(t.db, "admin");
    await recordAudit(t.db, {
      viewer: admin.viewer,
      action: "download",
      target: "/api/v1/commune-month.csv",
      details: { format: "csv", rows: 12, filters: { period: "6m" } },
      address: "10.9.9.9",
    });
    const before = await t.db
      .selectFrom("app.audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    await expect(t.db.updateTable("app.audit_log").set({ target: "x" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom("app.audit_log").execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate app.audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const after = await t.db
      .selectFrom("app.audit_log")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const downloads = await listAudit(t.db, { action: "download" });
    expect(downloads.total).toBe(1);
    expect(downloads.entries[0]).toMatchObject({
      actor_username: admin.viewer.username,
      actor_role: "admin",
      target: "/api/v1/commune-month.csv",
      details: { format: "csv", rows: 12, filters: { period: "6m" } },
      address: "10.9.9.9",
    });
  });

  it("pages newest first", async () => {
    const all = await listAudit(t.db, { pageSize: 2 });
    expect(all.pages).toBe(Math.ceil(all.total / 2));
    const second = await listAudit(t.db, { pageSize: 2, page: 2 });
    expect(second.entries[0]!.id).toBeLessThan(all.entries[1]!.id);
    // Past the end: the last page.
    expect((await listAudit(t.db, { pageSize: 2, page: 10_000 })).page).toBe(all.pages);
  });
});

describe(`admin pages (${engineName})`, () => {
  it("admin sees users and the audit log; other roles get 403, anonymous goes to /login", async () => {
    const admin = await createUserWithSession(t.db, "admin");
    const users = (await usersLoader({
      request: requestAs(admin, "/admin/users"),
      params: {},
      context: {},
    })) as Response;
    const body = (await users.json()) as {
      users: { username: string; role: string; communes: string[] }[];
    };
    expect(body.users.find((u) => u.username === admin.viewer.username)).toMatchObject({
      role: "admin",
      communes: [],
    });
    // A secretary's commune by its name, not its code (issue 12, item 7).
    const secretary = body.users.find((u) => u.role === "secretary" && u.communes.length === 1);
    expect(secretary?.communes[0]).toMatch(/^(Xã|Phường|Đặc khu) /);
    expect(JSON.stringify(body)).not.toMatch(/scrypt/);

    const audit = (await auditLoader({
      request: requestAs(admin, "/admin/audit?action=token.create"),
      params: {},
      context: {},
    })) as Response;
    const page = (await audit.json()) as { entries: { action: string }[]; total: number };
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(new Set(page.entries.map((e) => e.action))).toEqual(new Set(["token.create"]));

    for (const role of ["leader", "secretary", "analyst"] as const) {
      const other = await createUserWithSession(t.db, role);
      for (const [loader, path] of [
        [usersLoader, "/admin/users"],
        [auditLoader, "/admin/audit"],
      ] as const) {
        const refused = await thrown(
          Promise.resolve(loader({ request: requestAs(other, path), params: {}, context: {} })),
        );
        expect(refused.status, `${role} ${path}`).toBe(403);
      }
    }
    const anonymous = await thrown(
      Promise.resolve(
        usersLoader({ request: requestAs(null, "/admin/users"), params: {}, context: {} }),
      ),
    );
    expect(anonymous.headers.get("Location")).toBe("/login?next=%2Fadmin%2Fusers");
  });

  it("a bad audit filter is a 400 naming the parameter", async () => {
    const admin = await createUserWithSession(t.db, "admin");
    for (const query of ["action=drop%20table", "page=0", "page=abc", "action='%20or%201=1--"]) {
      const refused = await thrown(
        Promise.resolve(
          auditLoader({
            request: requestAs(admin, `/admin/audit?${query}`),
            params: {},
            context: {},
          }),
        ),
      );
      expect(refused.status, query).toBe(400);
      const body = (await refused.json()) as { kind: string; issues: { param: string }[] };
      expect(body.kind).toBe("bad_filter");
      expect(body.issues[0]!.param).toMatch(/^(action|page)$/);
    }
  });
});
