// What the Express layer hands to Remix as `context`: the CSP nonce the security-headers
// middleware put in this response's policy, for entry.server.tsx to stamp on inline scripts.
import type { Request, Response } from "express";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Absent when a loader is called directly (tests) rather than through the HTTP server. */
    cspNonce?: string;
  }
}

export function getLoadContext(_req: Request, res: Response) {
  const nonce: unknown = res.locals.cspNonce;
  return { cspNonce: typeof nonce === "string" ? nonce : undefined };
}
