// What users see while the database cannot answer (ADR 011), or is busy with an import on the
// embedded engine (db-busy.server.ts): every page a short 503 page in
// Vietnamese and English with Retry-After, the API and `?_data=` requests a 503 JSON, /healthz
// naming the dependency that is down. While the pg engine reports an outage (db/availability),
// requests are answered at once instead of each waiting for a connection timeout; one probe a
// second finds out when the database is back, and the next request is served normally.
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { dbAvailability, isConnectionError } from "~/lib/db/availability.server";
import type { SessionHolder } from "~/lib/db/busy.server";
import { busyHolderInScope, DatabaseBusyError } from "~/lib/db/busy.server";
import { busyAnswer } from "./db-busy.server";
import { unavailableAnswer } from "./unavailable-answer.server";

export const RETRY_AFTER_SECONDS = 10;

const MESSAGE = {
  code: "database_unavailable",
  message_vi:
    "Cơ sở dữ liệu tạm thời không truy cập được. Hệ thống sẽ tự phục hồi; vui lòng thử lại sau ít phút.",
  message_en:
    "The database is temporarily unreachable. The service recovers by itself; please try again in a few minutes.",
} as const;

/** Status, headers and body of the outage answer for a path: JSON for the API and data requests. */
export function outageAnswer(pathname: string, search: string) {
  return unavailableAnswer(pathname, search, {
    ...MESSAGE,
    title_vi: "Tạm thời gián đoạn",
    title_en: "Temporarily unavailable",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}

function send(req: ExpressRequest, res: ExpressResponse, holder?: SessionHolder): void {
  const search = req.originalUrl.slice(req.path.length);
  const answer = holder ? busyAnswer(req.path, search, holder) : outageAnswer(req.path, search);
  res.status(answer.status).set(answer.headers).send(answer.body);
}

/** Before Remix: during a known outage, answer 503 at once (health checks go through). */
export function outageGate() {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.path === "/healthz" || !dbAvailability.current()) return next();
    try {
      if (await dbAvailability.stillDown()) return send(req, res);
    } catch (error) {
      return next(error);
    }
    next();
  };
}

/** After Remix: a request that failed because the connection did is an outage, not a bug. */
export function outageErrorHandler() {
  return (error: unknown, req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (!res.headersSent && error instanceof DatabaseBusyError) return send(req, res, error.holder);
    if (res.headersSent || !(isConnectionError(error) || dbAvailability.current()))
      return next(error);
    dbAvailability.noteFailure(error);
    send(req, res);
  };
}

/**
 * For the Remix handler: its rendered 500 (a loader threw) becomes the outage answer when a
 * connection failed while the request ran.
 */
export function replaceFailedResponse(
  request: Request,
  response: Response,
  startedAt: number,
): Response {
  if (response.status !== 500) return response;
  // A wait for the embedded engine's one connection that gave up during this request.
  const holder = busyHolderInScope();
  if (!holder && !dbAvailability.failedSince(startedAt)) return response;
  const url = new URL(request.url);
  const answer = holder
    ? busyAnswer(url.pathname, url.search, holder)
    : outageAnswer(url.pathname, url.search);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
