// Cross-site request forgery protection on top of SameSite=Lax cookies: a request that can change
// state (anything but GET and HEAD) must show that a page of this very origin sent it. Browsers
// say so in Sec-Fetch-Site (every current browser) and Origin (sent on every non-GET fetch or
// form post); neither can be set by a page's script. Clients that send neither header are not
// browsers, so no ambient cookie can be abused through them; they must authenticate with a bearer
// token. ADR 008 explains the rules.
import type { NextFunction, Request, RequestHandler, Response } from "express";

export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

export interface CsrfFacts {
  method: string;
  /** The Origin header, or null when absent. */
  origin: string | null;
  /** The Sec-Fetch-Site header, or null when absent. */
  secFetchSite: string | null;
  /** The Authorization header, or null when absent. */
  authorization: string | null;
  /** The request's path: bearer tokens are honoured only on the API. */
  path: string;
  /** Whether the request carries any cookie (a session cookie would be ambient authority). */
  hasCookie: boolean;
  /** This server's own origin as the client addressed it (see requestOrigin). */
  ownOrigin: string;
}

export type CsrfReason =
  | "safe-method"
  | "same-origin-fetch"
  | "cross-site-fetch"
  | "same-origin-header"
  | "foreign-origin"
  | "bearer-without-browser-headers"
  | "no-origin-evidence";

export interface CsrfDecision {
  allowed: boolean;
  reason: CsrfReason;
}

/** "https://Example.org:443" → "https://example.org"; null for "null" or anything unparseable. */
function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function decideCsrf(facts: CsrfFacts): CsrfDecision {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { allowed: true, reason: "safe-method" };
  // Sec-Fetch-Site is computed by the browser from the initiator, so it is right even behind a
  // proxy that rewrites Host; "same-site" (a sibling subdomain) and "none" are refused.
  if (facts.secFetchSite !== null) {
    return facts.secFetchSite.trim().toLowerCase() === "same-origin"
      ? { allowed: true, reason: "same-origin-fetch" }
      : { allowed: false, reason: "cross-site-fetch" };
  }
  // Browsers older than Sec-Fetch-Site (Safari < 16.4) still send Origin; "null" (sandboxed or
  // privacy-stripped contexts) never matches.
  if (facts.origin !== null) {
    const origin = normalizeOrigin(facts.origin);
    const own = normalizeOrigin(facts.ownOrigin);
    return origin !== null && origin === own
      ? { allowed: true, reason: "same-origin-header" }
      : { allowed: false, reason: "foreign-origin" };
  }
  // A bearer token is what authenticates an API client, but only on /api/v1/* (the only place a
  // token is honoured) and only without cookies: otherwise a junk "Bearer x" header would exempt
  // a cookie-authenticated form post (ADR 012).
  const onApi = facts.path === "/api/v1" || facts.path.startsWith("/api/v1/");
  if (onApi && !facts.hasCookie && /^Bearer\s+\S/i.test(facts.authorization ?? "")) {
    return { allowed: true, reason: "bearer-without-browser-headers" };
  }
  return { allowed: false, reason: "no-origin-evidence" };
}

export interface OriginFacts {
  host: string | undefined;
  /** True when the connection to us is TLS. */
  encrypted: boolean;
  forwardedHost: string | undefined;
  forwardedProto: string | undefined;
  /** TRUST_PROXY=1: X-Forwarded-Host/-Proto come from our own reverse proxy and are believed. */
  trustProxy: boolean;
}

const firstValue = (header: string | undefined) => header?.split(",")[0]?.trim() || undefined;

/** The origin the client used to reach us: what a same-origin page's Origin header says. */
export function requestOrigin(facts: OriginFacts): string {
  const proto =
    (facts.trustProxy ? firstValue(facts.forwardedProto) : undefined) ??
    (facts.encrypted ? "https" : "http");
  const host = (facts.trustProxy ? firstValue(facts.forwardedHost) : undefined) ?? facts.host;
  return `${proto}://${host ?? "invalid.invalid"}`;
}

export const CSRF_REFUSED_MESSAGE = [
  "403 — Yêu cầu bị từ chối: yêu cầu thay đổi dữ liệu này không được gửi từ một trang của chính ứng dụng (kiểm tra chống giả mạo yêu cầu, CSRF). Hãy mở lại trang và thử lại.",
  "403 — Request refused: this data-changing request was not sent from one of this application's own pages (cross-site request forgery check). Reload the page and try again.",
  "",
].join("\n");

export interface CsrfOptions {
  trustProxy: boolean;
}

export function csrfProtection(options: CsrfOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const decision = decideCsrf({
      method: req.method,
      origin: req.get("Origin") ?? null,
      secFetchSite: req.get("Sec-Fetch-Site") ?? null,
      authorization: req.get("Authorization") ?? null,
      path: req.path,
      hasCookie: Boolean(req.get("Cookie")?.trim()),
      ownOrigin: requestOrigin({
        host: req.get("Host"),
        encrypted: "encrypted" in req.socket && req.socket.encrypted === true,
        forwardedHost: req.get("X-Forwarded-Host"),
        forwardedProto: req.get("X-Forwarded-Proto"),
        trustProxy: options.trustProxy,
      }),
    });
    if (decision.allowed) {
      next();
      return;
    }
    console.warn(`csrf: refused ${req.method} ${req.path} (${decision.reason})`);
    res
      .status(403)
      .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
      .send(CSRF_REFUSED_MESSAGE);
  };
}
