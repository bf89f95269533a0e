// DNS rebinding: a page on evil.example can make its own name resolve to 127.0.0.1 and then read
// a loopback install through the visitor's browser, same-origin as far as the browser knows. The
// browser still sends `Host: evil.example`, so answering only to the names we are known by closes
// it (ADR 012). ALLOWED_HOSTS (env.server.ts) lists them; by default only loopback names.
import type { NextFunction, Request, RequestHandler, Response } from "express";

/** Loopback names a local browser uses; any port. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/** "Example.ORG:8080" → "example.org"; "[::1]:3000" → "[::1]"; null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return null;
  return match[1]!.replace(/\.$/, "");
}

/**
 * Whether `host` is allowed by the list: exact names, or `.example.org` for that domain and its
 * subdomains; `*` allows every name (behind a proxy that checks Host itself).
 */
export function isAllowedHost(host: string | null, allowed: readonly string[]): boolean {
  if (host === null) return false;
  return allowed.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (rule === "*") return true;
    if (rule.startsWith(".")) return host === rule.slice(1) || host.endsWith(rule);
    return host === rule;
  });
}

/** ALLOWED_HOSTS when set; else loopback, plus HOST when it is one specific name or address. */
export function allowedHostsOf(env: {
  ALLOWED_HOSTS?: string[] | undefined;
  HOST: string;
}): string[] {
  if (env.ALLOWED_HOSTS) return env.ALLOWED_HOSTS;
  const listen = env.HOST.toLowerCase();
  const wildcard = listen === "0.0.0.0" || listen === "::" || listen === "[::]";
  const own = listen.includes(":") && !listen.startsWith("[") ? `[${listen}]` : listen;
  return wildcard || LOOPBACK_HOSTS.includes(own) ? [...LOOPBACK_HOSTS] : [...LOOPBACK_HOSTS, own];
}

export const HOST_REFUSED_MESSAGE = [
  "421 — Máy chủ không phục vụ tên miền này. Quản trị viên có thể thêm tên vào biến ALLOWED_HOSTS.",
  "421 — This server does not answer to this host name. An administrator can add it to ALLOWED_HOSTS.",
  "",
].join("\n");

export interface HostAllowListOptions {
  allowed: readonly string[];
  /** TRUST_PROXY: the public name is in X-Forwarded-Host, set by our own proxy. */
  trustProxy: boolean;
}

export function hostAllowList(options: HostAllowListOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const forwarded = options.trustProxy
      ? req.get("X-Forwarded-Host")?.split(",")[0]?.trim()
      : undefined;
    const host = hostName(forwarded || req.get("Host"));
    if (isAllowedHost(host, options.allowed)) {
      next();
      return;
    }
    res
      .status(421)
      .set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
      .send(HOST_REFUSED_MESSAGE);
  };
}
