// The session cookie. Its value is the raw session token (only its hash is stored). Over HTTPS, or
// whenever the host is not the local machine (a TLS proxy in front), it is `__Host-cns_session`
// with Secure — the prefix makes browsers refuse it without Secure, with a Domain or off Path=/.
// On plain-HTTP localhost (the quick start) it is `cns_session`. Always HttpOnly, SameSite=Lax.
export const SECURE_COOKIE_NAME = "__Host-cns_session";
export const LOCAL_COOKIE_NAME = "cns_session";

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Whether the session cookie for this request must be Secure (and carry the __Host- prefix). */
export function isSecureContext(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === "https:") return true;
  const host = url.hostname.toLowerCase();
  return !(LOCAL_HOSTNAMES.has(host) || host.endsWith(".localhost") || /^127\./.test(host));
}

export function sessionCookieName(request: Request): string {
  return isSecureContext(request) ? SECURE_COOKIE_NAME : LOCAL_COOKIE_NAME;
}

/** The values of one cookie in a Cookie header (a name can appear more than once). */
export function readCookieValues(header: string | null, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * The session token the request carries, or null. Only the cookie name that fits the request is
 * read, so a non-prefixed cookie planted on a secure site is ignored; two values are ambiguous
 * (a planted duplicate), so they count as none.
 */
export function readSessionToken(request: Request): string | null {
  const values = readCookieValues(request.headers.get("Cookie"), sessionCookieName(request));
  return values.length === 1 && values[0] ? values[0] : null;
}

function attributes(request: Request): string {
  return `Path=/; HttpOnly; SameSite=Lax${isSecureContext(request) ? "; Secure" : ""}`;
}

/** Set-Cookie for a new session; the cookie lives as long as the session's absolute limit. */
export function serializeSessionCookie(request: Request, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${sessionCookieName(request)}=${token}; Max-Age=${maxAge}; ${attributes(request)}`;
}

/** Set-Cookie that removes the session cookie. */
export function clearSessionCookie(request: Request): string {
  return `${sessionCookieName(request)}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(request)}`;
}
