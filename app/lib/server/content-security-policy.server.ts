// The Content-Security-Policy of every response. Scripts run only from our own origin or inline
// with this response's nonce (Remix's hydration data and module loader are inline scripts), so an
// injected <script> or event handler attribute never executes. ADR 008 explains each choice.
import { randomBytes } from "node:crypto";

/** 128 random bits, base64: what CSP Level 3 asks of a nonce (at least 128 bits, unguessable). */
export function createCspNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface CspOptions {
  nonce: string;
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

export function contentSecurityPolicy({ nonce, devOrigin }: CspOptions): string {
  const connect = ["'self'", ...(devOrigin ? [devOrigin, devSocketOrigin(devOrigin)] : [])];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`],
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
