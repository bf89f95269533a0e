// The local channel through which the CLI runs its commands inside a running server (ADR 011):
// while the server owns the embedded data directory no other process may open it, so
// `npm run etl -- import …`, `npm run users -- …` and `npm run db:migrate` send their argv here and
// the server runs the very same command code on its own database. HTTP over a Unix socket beside
// the data directory (mode 0600), plus a random token kept in the owner-only lock file: only the
// user who runs the server can connect. Output streams back as NDJSON frames, then the exit code.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, unlinkSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { z } from "zod";
import type { ControlEndpoint, DataDirLock } from "~/lib/db/data-dir-lock.server";

export const ControlRequestSchema = z.object({
  command: z.enum(["etl", "users", "db-migrate", "db-backup", "db-restore", "db-move"]),
  argv: z.array(z.string().max(10_000)).max(1_000),
  /** The CLI's working directory: relative file names are resolved against it. */
  cwd: z.string().min(1),
  /** The CLI's OS user, recorded as `cli:<user>` like a local run. */
  user: z.string().min(1).max(200),
  /** Standard input the CLI read beforehand (a piped or typed password). */
  stdin: z.string().max(1_000_000).optional(),
});
export type ControlRequest = z.infer<typeof ControlRequestSchema>;

export interface ControlStreams {
  stdout: Writable;
  stderr: Writable;
}

export type ControlHandler = (request: ControlRequest, streams: ControlStreams) => Promise<number>;

/** The socket beside the directory, or under the temp dir when that path is too long. */
export function controlSocketPath(dir: string): string {
  const beside = `${dir.replace(/\/+$/, "")}.sock`;
  // sun_path holds 108 bytes on Linux (104 on macOS).
  if (Buffer.byteLength(beside) <= 100) return beside;
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 16);
  return path.join(tmpdir(), `cau-noi-so-${hash}.sock`);
}

function frameWriter(res: http.ServerResponse, key: "o" | "e"): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      res.write(JSON.stringify({ [key]: chunk.toString() }) + "\n", () => callback());
    },
  });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("request too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export interface ControlChannel {
  endpoint: ControlEndpoint;
  close(): Promise<void>;
}

/** Listens on the directory's socket and announces it in the lock file. */
export async function startControlChannel(
  lock: DataDirLock,
  handler: ControlHandler,
): Promise<ControlChannel> {
  const socket = controlSocketPath(lock.dir);
  const token = randomBytes(24).toString("base64url");
  const running = new Set<Promise<unknown>>();
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/v1/run") {
      res.writeHead(404).end();
      return;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      res.writeHead(401).end();
      return;
    }
    const work = (async () => {
      let request: ControlRequest;
      try {
        request = ControlRequestSchema.parse(JSON.parse(await readBody(req, 2_000_000)));
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end((error as Error).message);
        return;
      }
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      const stdout = frameWriter(res, "o");
      const stderr = frameWriter(res, "e");
      let code: number;
      try {
        code = await handler(request, { stdout, stderr });
      } catch (error) {
        stderr.write(
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        code = 1;
      }
      await new Promise<void>((resolve) => stdout.end(resolve));
      await new Promise<void>((resolve) => stderr.end(resolve));
      res.end(JSON.stringify({ x: code }) + "\n");
    })();
    running.add(work);
    void work.finally(() => running.delete(work));
  });
  // We own the directory, so a socket file left there is a dead server's.
  try {
    unlinkSync(socket);
  } catch {
    // none left behind
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  const endpoint = { socket, token };
  lock.update({ control: endpoint });
  return {
    endpoint,
    async close() {
      lock.update({ control: undefined });
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Commands in flight finish on the database before it closes.
      await Promise.allSettled([...running]);
      try {
        unlinkSync(socket);
      } catch {
        // already gone
      }
    },
  };
}

/** The server could not be reached (starting, stopping, or killed): the caller may retry. */
export class ControlUnavailableError extends Error {}

/**
 * Runs a command in the server that owns the directory, copying its output to ours as it comes.
 * Resolves to the command's exit code.
 */
export function sendControlCommand(
  endpoint: ControlEndpoint,
  request: ControlRequest,
  out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  return new Promise((resolve, reject) => {
    let started = false;
    const req = http.request(
      {
        socketPath: endpoint.socket,
        path: "/v1/run",
        method: "POST",
        headers: {
          authorization: `Bearer ${endpoint.token}`,
          "content-type": "application/json",
        },
      },
      (res) => {
        started = true;
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`control channel answered ${res.statusCode}`));
          return;
        }
        let buffer = "";
        let exit: number | undefined;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let nl: number;
          while ((nl = buffer.indexOf("\n")) >= 0) {
            const frame = JSON.parse(buffer.slice(0, nl)) as { o?: string; e?: string; x?: number };
            buffer = buffer.slice(nl + 1);
            if (frame.o !== undefined) out.stdout.write(frame.o);
            if (frame.e !== undefined) out.stderr.write(frame.e);
            if (frame.x !== undefined) exit = frame.x;
          }
        });
        res.on("error", reject);
        res.on("end", () => {
          if (exit === undefined)
            reject(new Error("the server stopped before the command finished"));
          else resolve(exit);
        });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!started && ["ENOENT", "ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(error.code ?? ""))
        reject(new ControlUnavailableError(error.message));
      else reject(error);
    });
    req.end(JSON.stringify(request));
  });
}
