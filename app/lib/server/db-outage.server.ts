// What users see while the database cannot answer (ADR 011): every page a short 503 page in
// Vietnamese and English with Retry-After, the API and `?_data=` requests a 503 JSON, /healthz
// naming the dependency that is down. While the pg engine reports an outage (db/availability),
// requests are answered at once instead of each waiting for a connection timeout; one probe a
// second finds out when the database is back, and the next request is served normally.
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { dbAvailability, isConnectionError } from "~/lib/db/availability.server";

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
  const headers: Record<string, string> = {
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
  };
  if (pathname.startsWith("/api/") || /[?&]_data=/.test(search))
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error: { ...MESSAGE, retry_after_s: RETRY_AFTER_SECONDS } }),
    };
  const body = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tạm thời gián đoạn · Temporarily unavailable — Cầu Nối Số</title></head>
<body>
<main>
<h1>Tạm thời gián đoạn</h1>
<p>${MESSAGE.message_vi}</p>
<h2 lang="en">Temporarily unavailable</h2>
<p lang="en">${MESSAGE.message_en}</p>
<p><a href="${pathname.startsWith("/") ? pathname.replace(/[^\w\-./~%]/g, "") : "/"}">Thử lại · Try again</a></p>
</main>
</body>
</html>
`;
  return {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    body,
  };
}

function send(req: ExpressRequest, res: ExpressResponse): void {
  const answer = outageAnswer(req.path, req.originalUrl.slice(req.path.length));
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
  if (response.status !== 500 || !dbAvailability.failedSince(startedAt)) return response;
  const url = new URL(request.url);
  const answer = outageAnswer(url.pathname, url.search);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
