// The client's network address for rate limiting and the audit log. An Express middleware writes
// req.ip (the socket's address, or X-Forwarded-For's when TRUST_PROXY is set) into this header on
// every request, replacing whatever the client sent, so a request cannot choose its own address.
import type { NextFunction, Request as ExpressRequest, Response } from "express";

export const CLIENT_ADDRESS_HEADER = "x-cns-client-address";

export function stampClientAddress(req: ExpressRequest, _res: Response, next: NextFunction): void {
  req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
}

export function clientAddress(request: Request): string | null {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || null;
}
