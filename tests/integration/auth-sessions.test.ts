// Sessions through the real route modules and requireViewer: login issues a brand-new session
// (fixation), logins rotate, idle (30 min) and absolute (8 h) expiry, logout revokes, a tampered or
// forged cookie is anonymous, disabled users and password changes end sessions, anonymous pages
// redirect to /login while API and data requests get 401, and `next` never leaves the site.
// Ages are set by editing the session rows, not by sleeping.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecretToken } from "~/lib/auth/secret-token.server";
import { disableUser, setPassword, addUser } from "~/lib/auth/users.server";
import { requireViewer, getOptionalViewer } from "~/lib/auth/viewer.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { createUserWithSession } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const PASSWORD = "mật-khẩu-thử-nghiệm";

beforeAll(async () => {
  t = await createTestDatabase();
  await addUser(
    t.db,
    { username: "Lan.Nguyen", role: "leader", password: PASSWORD },
    { viewer: null, via: "test" },
  );
});
afterAll(async () => {
  await t?.close();
});

function loginRequest(
  fields: Record<string, string>,
  { cookie, origin = "http://localhost" }: { cookie?: string; origin?: string } = {},
): Request {
  const body = new URLSearchParams(fields);
  return new Request(`${origin}/login`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-cns-client-address": "10.1.1.1",
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

async function login(
  fields: Record<string, string> = { username: "lan.nguyen", password: PASSWORD },
  options: { cookie?: string; origin?: string } = {},
): Promise<Response> {
  return (await loginAction({
    request: loginRequest(fields, options),
    params: {},
    context: {},
  })) as Response;
}

/** The `name=value` part of a Set-Cookie header. */
function cookieOf(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie");
  expect(setCookie).toBeTruthy();
  return setCookie!.split(";")[0]!;
}

const page = (cookie: string | null, path = "/imports") =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

async function viewerOf(cookie: string | null, path = "/imports") {
  return getOptionalViewer(page(cookie, path));
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe(`sessions (${engineName})`, () => {
  it("signs in with the right password (username case-insensitive) and stores only the token's hash", async () => {
    const response = await login();
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(
      /^cns_session=[A-Za-z0-9_-]{43}; Max-Age=2(?:8800|879\d); Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const token = cookieOf(response).split("=")[1]!;
    const rows = await t.db
      .selectFrom("app.session")
      .select(["id", "expires_at", "created_at", "ip"])
      .execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    const row = rows.find((r) => r.id === hashSecretToken(token))!;
    expect(row.ip).toBe("10.1.1.1");
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(8 * 3600_000);
    const viewer = await viewerOf(cookieOf(response));
    expect(viewer).toMatchObject({
      username: "Lan.Nguyen",
      role: "leader",
      communes: [],
      via: "session",
    });
  });

  it("uses the __Host- Secure cookie when served over https or beyond localhost", async () => {
    const response = await login(undefined, { origin: "https://cns.example.vn" });
    expect(response.headers.get("Set-Cookie")).toMatch(/^__Host-cns_session=.*; Secure$/);
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const response = await login({ username: "lan.nguyen", password: "sai-mat-khau-roi" });
    expect(response.status).toBe(401);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await response.json()).toMatchObject({ error: "auth.login.failed" });
  });

  it("issues a new session id at login: a cookie set before login is never reused (fixation)", async () => {
    // An attacker plants a well-formed value of their choosing…
    const planted = `cns_session=${"Q".repeat(43)}`;
    const first = await login(undefined, { cookie: planted });
    expect(cookieOf(first)).not.toBe(planted);
    expect(await viewerOf(planted)).toBeNull();
    // …or a session they hold themselves: the login replaces it and revokes the old one.
    const attacker = await createUserWithSession(t.db, "analyst");
    const second = await login(undefined, { cookie: attacker.cookie });
    expect(cookieOf(second)).not.toBe(attacker.cookie);
    expect(await viewerOf(attacker.cookie)).toBeNull();
    expect((await viewerOf(cookieOf(second)))?.username).toBe("Lan.Nguyen");
  });

  it("rotates: each login is a different session, and the previous one ends", async () => {
    const a = cookieOf(await login());
    const b = cookieOf(await login(undefined, { cookie: a }));
    expect(a).not.toBe(b);
    expect(await viewerOf(a)).toBeNull();
    expect(await viewerOf(b)).not.toBeNull();
  });

  it("ends a session idle for more than 30 minutes", async () => {
    const s = await createUserWithSession(t.db, "leader");
    const id = hashSecretToken(s.token);
    await t.db
      .updateTable("app.session")
      .set({ last_seen_at: sql`now() - interval '29 minutes'` })
      .where("id", "=", id)
      .execute();
    expect(await viewerOf(s.cookie)).not.toBeNull();
    // That request refreshed last_seen_at; now age it past the limit.
    await t.db
      .updateTable("app.session")
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where("id", "=", id)
      .execute();
    expect(await viewerOf(s.cookie)).toBeNull();
  });

  it("ends a session 8 hours after it began, however active", async () => {
    const s = await createUserWithSession(t.db, "leader");
    const id = hashSecretToken(s.token);
    await t.db
      .updateTable("app.session")
      .set({
        created_at: sql`now() - interval '8 hours 1 minute'`,
        expires_at: sql`now() - interval '1 minute'`,
        last_seen_at: sql`now()`,
      })
      .where("id", "=", id)
      .execute();
    expect(await viewerOf(s.cookie)).toBeNull();
  });

  it("logout (POST only) revokes the session: the old cookie no longer works", async () => {
    const cookie = cookieOf(await login());
    const response = (await logoutAction({
      request: new Request("http://localhost/logout", {
        method: "POST",
        headers: { Cookie: cookie },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toMatch(/^cns_session=; Max-Age=0;/);
    expect(await viewerOf(cookie)).toBeNull();
    const audit = await t.db
      .selectFrom("app.audit_log")
      .selectAll()
      .where("action", "=", "logout")
      .execute();
    expect(audit.at(-1)).toMatchObject({ actor_username: "Lan.Nguyen", actor_role: "leader" });
    const get = await thrown(Promise.resolve().then(() => logoutLoader()));
    expect(get.status).toBe(405);
  });

  it("treats a tampered or forged cookie as anonymous", async () => {
    const s = await createUserWithSession(t.db, "admin");
    expect(await viewerOf(s.cookie)).not.toBeNull();
    const flipped = s.token[0] === "A" ? `B${s.token.slice(1)}` : `A${s.token.slice(1)}`;
    for (const cookie of [
      `cns_session=${flipped}`,
      `cns_session=${s.token}x`,
      `cns_session=${s.token.slice(1)}`,
      `cns_session=${hashSecretToken(s.token)}`, // the stored id is not a credential
      `cns_session=' or 1=1 --`,
      `__Host-cns_session=${s.token}`, // wrong name for plain-HTTP localhost
      `cns_session=${s.token}; cns_session=${flipped}`,
    ]) {
      expect(await viewerOf(cookie), cookie).toBeNull();
    }
  });

  it("anonymous: pages redirect to /login?next=…, API and data requests get 401 JSON", async () => {
    const redirect = await thrown(requireViewer(page(null, "/communes/24778?period=6m")));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe(
      `/login?next=${encodeURIComponent("/communes/24778?period=6m")}`,
    );
    for (const request of [
      page(null, "/api/v1/commune-month.csv"),
      page(null, "/imports?_data=routes%2Fimports._index"),
    ]) {
      const refused = await thrown(requireViewer(request));
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: "unauthorized" });
    }
    expect((await thrown(requireViewer(page(null, "/report.csv"), { api: true }))).status).toBe(
      401,
    );
  });

  it("disabled users are anonymous and cannot sign in; a password change ends every session", async () => {
    await addUser(
      t.db,
      { username: "minh", role: "analyst", password: PASSWORD },
      { viewer: null, via: "test" },
    );
    const one = cookieOf(await login({ username: "minh", password: PASSWORD }));
    const two = cookieOf(await login({ username: "minh", password: PASSWORD }));
    await setPassword(t.db, "minh", "mot-mat-khau-moi-dai", { viewer: null, via: "test" });
    expect(await viewerOf(one)).toBeNull();
    expect(await viewerOf(two)).toBeNull();
    expect((await login({ username: "minh", password: PASSWORD })).status).toBe(401);
    const three = cookieOf(await login({ username: "minh", password: "mot-mat-khau-moi-dai" }));
    expect(await viewerOf(three)).not.toBeNull();
    await disableUser(t.db, "minh", { viewer: null, via: "test" });
    expect(await viewerOf(three)).toBeNull();
    const refused = await login({ username: "minh", password: "mot-mat-khau-moi-dai" });
    expect(refused.status).toBe(401);
    const reasons = await t.db
      .selectFrom("app.audit_log")
      .select("details")
      .where("action", "=", "login.failure")
      .where("target", "=", "minh")
      .execute();
    expect(reasons.map((r) => (r.details as { reason: string }).reason)).toEqual([
      "wrong_password",
      "disabled",
    ]);
  });

  it("sends the browser only to a same-site `next` after login", async () => {
    const ok = await login({
      username: "lan.nguyen",
      password: PASSWORD,
      next: "/compare?commune=24778",
    });
    expect(ok.headers.get("Location")).toBe("/compare?commune=24778");
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await login({ username: "lan.nguyen", password: PASSWORD, next });
      expect(response.headers.get("Location"), next).toBe("/");
    }
  });

  it("the login page redirects a signed-in viewer to `next`, and shows the form otherwise", async () => {
    const s = await createUserWithSession(t.db, "analyst");
    const signedIn = await thrown(
      loginLoader({
        request: new Request("http://localhost/login?next=/report", {
          headers: { Cookie: s.cookie },
        }),
        params: {},
        context: {},
      }),
    );
    expect(signedIn.headers.get("Location")).toBe("/report");
    const anonymous = (await loginLoader({
      request: new Request("http://localhost/login?next=//evil"),
      params: {},
      context: {},
    })) as Response;
    expect(await anonymous.json()).toMatchObject({ next: "/", demoRoles: [] });
    expect(anonymous.headers.get("Cache-Control")).toBe("no-store");
  });
});
