// Request bodies are bounded at the HTTP layer, before Remix (or any parser) reads a byte: a
// route's action calls request.formData(), which buffers the whole body, so without this a single
// anonymous 300 MB POST to /login grew the server by 800 MB (ADR 012). A declared Content-Length
// over the route's limit is answered 413 at once; a chunked body is counted as it streams and the
// request is cut off the moment it passes the limit.
import { Transform, type Readable } from "node:stream";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { MAX_UPLOAD_BYTES } from "~/lib/uploads/import-form";

const KB = 1024;

/** Sign-in, sign-out and other small forms: a few fields of a few bytes. */
export const SMALL_FORM_BODY_BYTES = 16 * KB;
/** Any other route (admin forms, API): generous for a form, far below anything harmful. */
export const DEFAULT_BODY_BYTES = 64 * KB;
/** The upload page: the file's limit plus room for the form's other fields and part headers. */
export const UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * KB;

/** The largest body a request to this path may send. */
export function bodyLimitFor(pathname: string): number {
  if (pathname === "/login" || pathname === "/logout") return SMALL_FORM_BODY_BYTES;
  if (pathname === "/imports/new") return UPLOAD_BODY_BYTES;
  return DEFAULT_BODY_BYTES;
}

export const BODY_TOO_LARGE_MESSAGE = [
  "413 — Nội dung gửi lên quá lớn cho trang này. Hãy kiểm tra lại biểu mẫu hoặc tệp rồi thử lại.",
  "413 — The request body is too large for this page. Check the form or file and try again.",
  "",
].join("\n");

/** The body stream Remix should read; set by boundedBodies() for chunked requests. */
const BOUNDED = Symbol("bounded body");
type WithBoundedBody = Request & { [BOUNDED]?: Readable };

/** The request's body as a stream that cannot run past its route's limit. */
export function requestBodyStream(req: Request): Readable {
  return (req as WithBoundedBody)[BOUNDED] ?? req;
}

function refuse(res: Response, req: Request): void {
  // The rest of an over-long body is not read: the connection closes after the answer.
  res
    .status(413)
    .set({
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "close",
    })
    .send(BODY_TOO_LARGE_MESSAGE);
  res.on("finish", () => req.destroy());
}

export function boundedBodies(
  limitFor: (pathname: string) => number = bodyLimitFor,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const limit = limitFor(req.path);
    const declared = req.get("Content-Length");
    if (declared !== undefined) {
      // Node's parser never reads more than Content-Length bytes, so checking it is enough.
      if (!/^\d+$/.test(declared.trim()) || Number(declared) > limit) return refuse(res, req);
      next();
      return;
    }
    if (req.get("Transfer-Encoding") === undefined) {
      next();
      return;
    }
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen > limit) {
          done(new Error(`request body over ${limit} bytes`));
          if (!res.headersSent) refuse(res, req);
          else req.destroy();
          return;
        }
        done(null, chunk);
      },
    });
    req.on("error", (error) => counter.destroy(error));
    (req as WithBoundedBody)[BOUNDED] = req.pipe(counter);
    next();
  };
}
