// The one shape of a 503 the server gives (outage, busy engine): Retry-After, no caching, JSON
// for the API and data requests, otherwise a short page in Vietnamese then English.
export interface UnavailableMessage {
  code: string;
  title_vi: string;
  title_en: string;
  message_vi: string;
  message_en: string;
  retryAfterSeconds: number;
  details?: Record<string, unknown>;
}

/** A 503 in both languages: JSON for the API and data requests, a short page otherwise. */
export function unavailableAnswer(pathname: string, search: string, message: UnavailableMessage) {
  const headers: Record<string, string> = {
    "Retry-After": String(message.retryAfterSeconds),
    "Cache-Control": "no-store",
  };
  const { code, message_vi, message_en, retryAfterSeconds, details } = message;
  if (pathname.startsWith("/api/") || /[?&]_data=/.test(search))
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        error: { code, message_vi, message_en, retry_after_s: retryAfterSeconds, ...details },
      }),
    };
  const body = `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message.title_vi} · ${message.title_en} — Cầu Nối Số</title></head>
<body>
<main>
<h1>${message.title_vi}</h1>
<p>${message_vi}</p>
<h2 lang="en">${message.title_en}</h2>
<p lang="en">${message_en}</p>
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
