// The pure parts of access control: where a login may redirect, which hosts count as loopback for
// demo mode, which cookie name a request uses, and the self-describing password hash.
import { describe, expect, it } from "vitest";
import { demoModePolicy, isLoopbackHost } from "~/lib/auth/demo-mode.server";
import { hashPassword, parsePasswordHash, verifyPassword } from "~/lib/auth/password.server";
import { safeNextPath } from "~/lib/auth/safe-next";
import {
  clearSessionCookie,
  readSessionToken,
  serializeSessionCookie,
  sessionCookieName,
} from "~/lib/auth/session-cookie.server";

describe("safeNextPath", () => {
  it.each([
    ["/communes/24778?period=6m", "/communes/24778?period=6m"],
    ["/", "/"],
    ["/imports?_data=routes%2Fimports&x=1", "/imports?x=1"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/\t/evil.example",
    "/login?next=/x",
    "/logout",
    "",
    null,
    42,
  ])("falls back to / for %s", (input) => {
    expect(safeNextPath(input)).toBe("/");
  });
});

describe("demo mode policy", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "192.168.1.10", "10.0.0.5", "cns.example.vn", "127.0.0.1.nip.io"])(
    "%s is not loopback",
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it("refuses a non-loopback HOST unless forced, and honours off", () => {
    expect(demoModePolicy({ DEMO_MODE: "auto", HOST: "127.0.0.1" }).allowed).toBe(true);
    const refused = demoModePolicy({ DEMO_MODE: "auto", HOST: "0.0.0.0" });
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toMatch(/HOST=0\.0\.0\.0 is not a loopback address.*DEMO_MODE=force/);
    expect(demoModePolicy({ DEMO_MODE: "force", HOST: "0.0.0.0" })).toMatchObject({
      allowed: true,
      forced: true,
    });
    expect(demoModePolicy({ DEMO_MODE: "off", HOST: "127.0.0.1" }).allowed).toBe(false);
  });
});

describe("session cookie", () => {
  const local = (cookie?: string) =>
    new Request("http://localhost:3000/", { headers: cookie ? { Cookie: cookie } : {} });
  const remote = (cookie?: string) =>
    new Request("http://cns.example.vn/", { headers: cookie ? { Cookie: cookie } : {} });
  const token = "A".repeat(43);

  it("is __Host- and Secure over https or beyond localhost, plain on localhost", () => {
    expect(sessionCookieName(local())).toBe("cns_session");
    expect(sessionCookieName(remote())).toBe("__Host-cns_session");
    expect(sessionCookieName(new Request("https://localhost/"))).toBe("__Host-cns_session");
    const secure = serializeSessionCookie(remote(), token, new Date(Date.now() + 3600_000));
    expect(secure).toMatch(
      /^__Host-cns_session=A{43}; Max-Age=(3599|3600); Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    );
    const plain = serializeSessionCookie(local(), token, new Date(Date.now() + 3600_000));
    expect(plain).not.toMatch(/Secure/);
    expect(plain).toMatch(/HttpOnly; SameSite=Lax/);
    expect(clearSessionCookie(remote())).toMatch(/^__Host-cns_session=; Max-Age=0;.*Secure$/);
  });

  it("reads only the name that fits the request, and refuses duplicates", () => {
    expect(readSessionToken(local(`lang=vi; cns_session=${token}`))).toBe(token);
    // A non-prefixed cookie planted on the secure site is not read.
    expect(readSessionToken(remote(`cns_session=${token}`))).toBeNull();
    expect(readSessionToken(remote(`__Host-cns_session=${token}`))).toBe(token);
    expect(
      readSessionToken(local(`cns_session=${token}; cns_session=${"B".repeat(43)}`)),
    ).toBeNull();
    expect(readSessionToken(local("cns_session="))).toBeNull();
  });
});

describe("password hash", () => {
  it("is self-describing scrypt with a per-user salt, verified in constant time", async () => {
    const a = await hashPassword("đúng-mật-khẩu-1");
    const b = await hashPassword("đúng-mật-khẩu-1");
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)).toMatchObject({ ln: 15, r: 8, p: 1 });
    expect(await verifyPassword("đúng-mật-khẩu-1", a)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese text are the same password.
    expect(await verifyPassword("đúng-mật-khẩu-1".normalize("NFD"), a)).toBe(true);
    expect(await verifyPassword("đúng-mật-khẩu-2", a)).toBe(false);
    expect(await verifyPassword("đúng-mật-khẩu-1", a.slice(0, -2) + "AA")).toBe(false);
  });

  it("refuses stored parameters that would cost unbounded memory", async () => {
    const a = await hashPassword("mot-mat-khau-dai");
    const inflated = a.replace("ln=15", "ln=30");
    expect(parsePasswordHash(inflated)).toBeNull();
    expect(await verifyPassword("mot-mat-khau-dai", inflated)).toBe(false);
    expect(await verifyPassword("x", "plaintext")).toBe(false);
  });
});
