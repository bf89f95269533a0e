// The Content-Security-Policy of every response. Scripts run only from our own origin or inline
// with this response's nonce (Remix's hydration data and module loader are inline scripts), so an
// injected <script> or event handler attribute never executes. A page replayed from the page cache
// lists the SHA-256 of each inline script it holds instead of a nonce (ADR 010): its bytes are
// fixed, so their hashes are exact. ADR 008 explains each choice.
import { randomBytes } from "node:crypto";

/** 128 random bits, base64: what CSP Level 3 asks of a nonce (at least 128 bits, unguessable). */
export function createCspNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface CspOptions {
  /** This response's nonce; absent for a cached page, which lists scriptHashes instead. */
  nonce?: string | undefined;
  /** Base64 SHA-256 digests of the inline scripts a cached page holds. */
  scriptHashes?: readonly string[];
  /**
   * The Remix dev server's origin (REMIX_DEV_ORIGIN) when running under `remix dev`: its live
   * reload socket is allowed then, and never in production.
   */
  devOrigin?: string | undefined;
}

function devSocketOrigin(devOrigin: string): string {
  const url = new URL(devOrigin);
  return `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
}

export function contentSecurityPolicy({ nonce, scriptHashes = [], devOrigin }: CspOptions): string {
  const connect = ["'self'", ...(devOrigin ? [devOrigin, devSocketOrigin(devOrigin)] : [])];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...(nonce ? [`'nonce-${nonce}'`] : []),
      ...scriptHashes.map((hash) => `'sha256-${hash}'`),
    ],
    // Observable Plot's server-rendered charts carry <style> elements and style="…" attributes
    // (e.g. <figure style="max-width:initial">), so inline styles stay allowed. Styles cannot run
    // code, and the url() loads that make CSS an exfiltration channel are held to our own origin
    // by img-src and font-src below (ADR 008).
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": connect,
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
