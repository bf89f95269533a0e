// Express middleware that gives every response its security headers: a fresh CSP nonce (kept in
// res.locals for the document render), the policy itself, the usual anti-sniffing, framing and
// referrer headers, and Cache-Control: no-store on data responses, decided when the headers are
// written so it sees what the route set.
import type { ServerResponse } from "node:http";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { contentSecurityPolicy, createCspNonce } from "./content-security-policy.server";

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

const DOWNLOAD_EXTENSION = /\.(csv|xlsx|arrow|parquet)$/i;

export interface DataResponseFacts {
  method: string;
  /** Path and query of the request, as received. */
  url: string;
  contentDisposition: string | undefined;
}

/**
 * Whether a response carries data that must never be stored by a browser or proxy: Remix data
 * requests (?_data=), the API, downloads (by extension or Content-Disposition: attachment) and
 * whatever answers a non-GET request. Documents keep the Cache-Control their route chose.
 */
export function isDataResponse({ method, url, contentDisposition }: DataResponseFacts): boolean {
  if (method !== "GET" && method !== "HEAD") return true;
  const parsed = new URL(url, "http://localhost");
  if (parsed.searchParams.has("_data")) return true;
  if (parsed.pathname === "/api" || parsed.pathname.startsWith("/api/")) return true;
  if (DOWNLOAD_EXTENSION.test(parsed.pathname)) return true;
  return /^\s*attachment\b/i.test(contentDisposition ?? "");
}

/** The Cache-Control a data response leaves with: no-store, unless the route already said so. */
export function dataCacheControl(current: string | undefined): string {
  return current && /(^|,)\s*no-store\s*(,|$)/i.test(current) ? current : "no-store";
}

/** Runs `hook` once, just before the status line and headers are written. */
function beforeHeaders(res: ServerResponse, hook: () => void): void {
  const writeHead = res.writeHead;
  let ran = false;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!ran) {
      ran = true;
      hook();
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

export interface SecurityHeadersOptions {
  /** See CspOptions.devOrigin: set only under `remix dev`. */
  devOrigin?: string | undefined;
}

export function securityHeaders(options: SecurityHeadersOptions = {}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = createCspNonce();
    res.locals.cspNonce = nonce;
    res.set(STATIC_SECURITY_HEADERS);
    res.set(
      "Content-Security-Policy",
      contentSecurityPolicy({ nonce, devOrigin: options.devOrigin }),
    );
    // Only over HTTPS (directly or, with TRUST_PROXY=1, at the proxy): a plain-HTTP localhost
    // quick start must not pin itself to HTTPS.
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
    beforeHeaders(res, () => {
      const facts = {
        method: req.method,
        url: req.originalUrl,
        contentDisposition: res.getHeader("Content-Disposition")?.toString(),
      };
      if (!isDataResponse(facts)) return;
      res.setHeader("Cache-Control", dataCacheControl(res.getHeader("Cache-Control")?.toString()));
    });
    next();
  };
}
