// The CSRF decision (app/lib/server/csrf.server.ts): state-changing requests pass only with
// browser evidence of our own origin, or as non-browser clients carrying a bearer token.
import { describe, expect, it } from "vitest";
import { decideCsrf, requestOrigin, type CsrfFacts } from "~/lib/server/csrf.server";

const OWN = "http://127.0.0.1:3000";

function facts(overrides: Partial<CsrfFacts>): CsrfFacts {
  return {
    method: "POST",
    origin: null,
    secFetchSite: null,
    authorization: null,
    path: "/api/v1/commune-month.csv",
    hasCookie: false,
    ownOrigin: OWN,
    ...overrides,
  };
}

describe("decideCsrf", () => {
  it("lets GET and HEAD through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "get"]) {
      expect(
        decideCsrf(facts({ method, origin: "https://evil.example", secFetchSite: "cross-site" })),
      ).toEqual({ allowed: true, reason: "safe-method" });
    }
  });

  it("accepts a post the browser marks same-origin", () => {
    expect(decideCsrf(facts({ secFetchSite: "same-origin", origin: OWN }))).toEqual({
      allowed: true,
      reason: "same-origin-fetch",
    });
  });

  it.each(["cross-site", "same-site", "none"])(
    "refuses Sec-Fetch-Site: %s for every unsafe method",
    (site) => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        expect(decideCsrf(facts({ method, secFetchSite: site, origin: OWN }))).toEqual({
          allowed: false,
          reason: "cross-site-fetch",
        });
      }
    },
  );

  it("trusts Sec-Fetch-Site over an Origin that a proxy's Host rewrite made look foreign", () => {
    expect(
      decideCsrf(facts({ secFetchSite: "same-origin", origin: "https://dashboard.example" })),
    ).toMatchObject({ allowed: true });
  });

  it("falls back to Origin for browsers without Sec-Fetch-Site", () => {
    expect(decideCsrf(facts({ origin: OWN }))).toEqual({
      allowed: true,
      reason: "same-origin-header",
    });
    // The default port and letter case do not make an origin foreign.
    expect(
      decideCsrf(facts({ origin: "https://Dash.example", ownOrigin: "https://dash.example:443" })),
    ).toMatchObject({ allowed: true });
  });

  it.each([
    "https://evil.example",
    "http://127.0.0.1:3001",
    "https://127.0.0.1:3000",
    "http://127.0.0.1.evil.example:3000",
    "null",
    "not a url",
  ])("refuses Origin %s", (origin) => {
    expect(decideCsrf(facts({ origin }))).toEqual({ allowed: false, reason: "foreign-origin" });
  });

  it("does not let a bearer token excuse a foreign browser origin", () => {
    expect(
      decideCsrf(facts({ origin: "https://evil.example", authorization: "Bearer abc" })),
    ).toMatchObject({ allowed: false });
  });

  it("accepts a client without browser headers only when it sends a bearer token", () => {
    expect(decideCsrf(facts({ authorization: "Bearer cns_abc123" }))).toEqual({
      allowed: true,
      reason: "bearer-without-browser-headers",
    });
    for (const authorization of [null, "Basic dXNlcjpwdw==", "Bearer ", "Bearer"]) {
      expect(decideCsrf(facts({ authorization }))).toEqual({
        allowed: false,
        reason: "no-origin-evidence",
      });
    }
  });

  it("honours the bearer exemption only on /api/v1/* and only without cookies", () => {
    const refused = { allowed: false, reason: "no-origin-evidence" };
    for (const path of ["/logout", "/imports/new", "/login", "/api/v1x", "/apiv1/x"]) {
      expect(decideCsrf(facts({ authorization: "Bearer junk", path }))).toEqual(refused);
    }
    expect(
      decideCsrf(facts({ authorization: "Bearer junk", path: "/api/v1/x", hasCookie: true })),
    ).toEqual(refused);
  });
});

describe("requestOrigin", () => {
  const base = { encrypted: false, forwardedHost: undefined, forwardedProto: undefined };

  it("uses Host and the connection's own scheme", () => {
    expect(requestOrigin({ ...base, host: "127.0.0.1:3000", trustProxy: false })).toBe(OWN);
    expect(
      requestOrigin({ ...base, host: "dash.example", encrypted: true, trustProxy: false }),
    ).toBe("https://dash.example");
  });

  it("ignores X-Forwarded-* unless the proxy is trusted", () => {
    const forwarded = {
      ...base,
      host: "10.0.0.5:3000",
      forwardedHost: "dash.example, 10.0.0.1",
      forwardedProto: "https,http",
    };
    expect(requestOrigin({ ...forwarded, trustProxy: false })).toBe("http://10.0.0.5:3000");
    expect(requestOrigin({ ...forwarded, trustProxy: true })).toBe("https://dash.example");
  });
});
