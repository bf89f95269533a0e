// Resource bounds, probed from outside like an attacker on loopback: the real Express app
// (createHttpApp: Host allow-list, CSRF, body limits) around the real login, upload, healthz and
// methodology routes, on an ephemeral port of 127.0.0.1, with bounded loops. It checks what
// issue 15 found broken: a 300 MB sign-in body (now 413 before anything reads it), XLSX zip bombs
// (a clear refusal, no memory or temp-file growth), 20 concurrent uploads (pages still answer,
// never a 500), failed uploads (no file left), and the Host header (DNS rebinding).
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test -- tests/integration/resource-bounds.test.ts
// Memory is the process's RSS sampled every 10 ms while each probe runs; the figures are printed.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeHttpServer, createHttpApp } from "~/lib/server/http-server.server";
import * as healthz from "~/routes/healthz";
import * as importsNew from "~/routes/imports.new";
import * as login from "~/routes/login";
import * as methodology from "~/routes/methodology";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { probeBuild } from "../support/probe-build";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { writeXlsxBomb, type BombKind } from "../support/xlsx-bombs";

const MB = 1024 * 1024;
const execFileAsync = promisify(execFile);

let t: TestDatabase;
let server: Server;
let port: number;
let dataDir: string;
let workDir: string;
let analyst: TestIdentity;
let leader: TestIdentity;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "cns-bounds-"));
  workDir = await mkdtemp(path.join(os.tmpdir(), "cns-bounds-work-"));
  // Everything that could spill to disk writes under this TMPDIR, watched below.
  process.env.TMPDIR = path.join(workDir, "tmp");
  await mkdir(process.env.TMPDIR);
  process.env.DATA_DIR = dataDir;
  t = await createTestDatabase();
  analyst = await createUserWithSession(t.db, "analyst", { username: "bounds-analyst" });
  leader = await createUserWithSession(t.db, "leader", { username: "bounds-leader" });
  const publicDir = path.join(workDir, "public");
  await mkdir(path.join(publicDir, "build"), { recursive: true });
  const app = createHttpApp({
    build: probeBuild({
      "routes/login": { path: "login", module: login },
      "routes/imports.new": { path: "imports/new", module: importsNew },
      "routes/healthz": { path: "healthz", module: healthz },
      "routes/methodology": { path: "methodology", module: methodology },
    }),
    mode: "production",
    publicDir,
    trustProxy: false,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  if (server) await closeHttpServer(server, 2_000);
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** Runs fn while sampling RSS and the largest file under TMPDIR and the uploads folder. */
async function watched<T>(fn: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  let biggestFile = 0;
  const dirs = [process.env.TMPDIR!, path.join(dataDir, "uploads")];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, process.memoryUsage().rss);
      for (const dir of dirs) biggestFile = Math.max(biggestFile, await largestFileUnder(dir));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    const result = await fn();
    return { result, rssGrowthMb: (peak - base) / MB, biggestFileMb: biggestFile / MB };
  } finally {
    sampling = false;
    await sampler;
  }
}

async function largestFileUnder(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  let largest = 0;
  for (const entry of entries) {
    const size = await stat(path.join(dir, entry)).then(
      (s) => (s.isFile() ? s.size : 0),
      () => 0,
    );
    largest = Math.max(largest, size);
  }
  return largest;
}

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * A POST whose body is `total` bytes of `chunk` repeated, written as fast as the socket takes
 * it, with a declared Content-Length or chunked; resolves with the answer, if any came.
 */
function postFlood(
  target: string,
  total: number,
  options: { chunked?: boolean; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(MB, "a");
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: `http://127.0.0.1:${port}`,
      ...options.headers,
    };
    if (!options.chunked) headers["Content-Length"] = String(total);
    const request = http.request({
      host: "127.0.0.1",
      port,
      path: target,
      method: "POST",
      headers,
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server closes the connection after refusing: writes then fail, which is the point.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = () => {
      while (sent < total && !answered && !request.destroyed) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!request.destroyed) request.end();
    };
    pump();
  });
}

async function get(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${target}`, { headers });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text };
}

async function upload(who: TestIdentity, fileName: string, bytes: Buffer) {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("kind", "assistance");
  form.append("file", new File([new Uint8Array(bytes)], fileName));
  const response = await fetch(`http://127.0.0.1:${port}/imports/new?_data=routes/imports.new`, {
    method: "POST",
    headers: { Cookie: who.cookie, Origin: `http://127.0.0.1:${port}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const uploadsLeft = async () => readdir(path.join(dataDir, "uploads")).catch(() => []);

describe(`resource bounds over HTTP (${engineName})`, () => {
  it("answers a 300 MB sign-in body with 413 before reading it", async () => {
    const declared = await watched(() => postFlood("/login", 300 * MB));
    const chunked = await watched(() => postFlood("/login", 300 * MB, { chunked: true }));
    console.info(
      `300 MB login body: Content-Length → ${declared.result.status}, RSS +${declared.rssGrowthMb.toFixed(1)} MB; ` +
        `chunked → ${chunked.result.status}, RSS +${chunked.rssGrowthMb.toFixed(1)} MB`,
    );
    expect(declared.result.status).toBe(413);
    expect(declared.result.body).toMatch(/quá lớn[\s\S]*too large/);
    expect(declared.rssGrowthMb).toBeLessThan(20);
    expect(chunked.result.status).toBe(413);
    expect(chunked.rssGrowthMb).toBeLessThan(20);
  });

  it("answers 400, not 500, to a sign-in body that is not a form", async () => {
    const origin = { Origin: `http://127.0.0.1:${port}` };
    for (const [type, body] of [
      ["application/json", '{"username":"a","password":"b"}'],
      ["text/plain", "username=a&password=b"],
      ["application/x-www-form-urlencoded", ""],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
    ] as const) {
      const response = await fetch(`http://127.0.0.1:${port}/login?_data=routes/login`, {
        method: "POST",
        headers: { ...origin, "Content-Type": type },
        body,
      });
      // An empty form is a form with nothing in it: 400 "enter a username and a password".
      expect(response.status, `${type}: ${body}`).toBe(400);
    }
    const none = await fetch(`http://127.0.0.1:${port}/login?_data=routes/login`, {
      method: "POST",
      headers: origin,
    });
    expect(none.status).toBe(400);
  });

  it("answers only to loopback host names by default (DNS rebinding)", async () => {
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/healthz", { Host: `localhost:${port}` })).status).toBe(200);
    const rebound = await new Promise<number>((resolve, reject) => {
      http
        .get(
          { host: "127.0.0.1", port, path: "/healthz", headers: { Host: "evil.example" } },
          (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          },
        )
        .on("error", reject);
    });
    expect(rebound).toBe(421);
  });

  for (const kind of ["shared_strings", "sheet", "sheet_understated", "long_cell"] as BombKind[]) {
    it(`refuses the ${kind} workbook bomb clearly, with flat memory and no big temp file`, async () => {
      const file = path.join(workDir, `${kind}.xlsx`);
      await writeXlsxBomb(file, kind);
      const bytes = await readFile(file);
      const run = await watched(() => upload(analyst, `${kind}.xlsx`, bytes));
      const summary = run.result.body.summary as { error: { code: string; message_vi: string } };
      console.info(
        `bomb ${kind} (${(bytes.length / MB).toFixed(1)} MB): ${run.result.status} ${summary?.error?.code}, ` +
          `RSS +${run.rssGrowthMb.toFixed(1)} MB, biggest temp/upload file ${run.biggestFileMb.toFixed(1)} MB`,
      );
      expect(run.result.status).toBe(200);
      expect(summary.error.code).toMatch(/^xlsx_/);
      expect(summary.error.message_vi.length).toBeGreaterThan(20);
      expect(run.rssGrowthMb).toBeLessThan(100);
      expect(run.biggestFileMb).toBeLessThan(60);
      expect(await uploadsLeft()).toEqual([]);
      await rm(file);
    });
  }

  // The 20 uploads come from a child process, as from other machines: in this process they would
  // share the event loop with the server they load. The figures are printed, not asserted (the
  // house rule for timings); the assertions are the issue's: never a 5xx, every page answered.
  // PGlite has one connection, which an import's write phase holds: there a page waits at most
  // DB_WAIT_SECONDS and may then answer the 503 "busy" page (ADR 011), never a 500. PGlite also
  // runs in the server's thread, so while one of that phase's statements executes nothing else is
  // answered: the slowest page there is as long as the longest statement (printed, ADR 011).
  it(
    "keeps answering pages, never 500, while 20 uploads arrive at once",
    async () => {
      const header =
        "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường,Đội,Mã TNV,Thủ tục,Hình thức hỗ trợ,Hình thức nộp,Kết quả,Năm sinh,Giới tính,Dân tộc,Số phút";
      const rows = Array.from(
        { length: 60_000 },
        (_, i) =>
          `RB-${i},13/02/2026 08:30,Xã Lạc Dương,Đội Lạc Dương,TNV-02,1.001193,Hướng dẫn,Trực tiếp,Đã nộp,1990,Nam,Kinh,20`,
      );
      const csvPath = path.join(workDir, "load.csv");
      await writeFile(csvPath, [header, ...rows, ""].join("\r\n"));
      const pages: Array<{ status: number; ms: number; text: string }> = [];
      let uploading = true;
      const prober = (async () => {
        while (uploading) {
          for (const target of ["/healthz", "/methodology"])
            pages.push(await get(target, { Cookie: leader.cookie }));
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const statuses = await uploadFromChild(csvPath, 20);
      uploading = false;
      await prober;
      const worst = Math.max(...pages.map((p) => p.ms));
      const busy = pages.filter((p) => p.status === 503).length;
      const errors = [...statuses, ...pages.map((p) => p.status)].filter(
        (s) => s >= 500 && !(s === 503 && engineName === "pglite"),
      );
      const tally = Object.fromEntries(
        statuses.map((s) => [s, statuses.filter((x) => x === s).length]),
      );
      console.info(
        `20 concurrent uploads of ${((await stat(csvPath)).size / MB).toFixed(1)} MB: statuses ${JSON.stringify(tally)}; ` +
          `${pages.length} page requests, slowest ${worst.toFixed(0)} ms, ${busy} × 503 busy, ${errors.length} × other 5xx`,
      );
      expect(statuses).toHaveLength(20);
      expect(errors).toEqual([]);
      expect(pages.length).toBeGreaterThan(0);
      const busyPage = (p: { status: number; text: string }) =>
        p.status === 503 && p.text.includes("Hệ thống đang nạp một tệp dữ liệu");
      expect(pages.every((p) => p.status === 200 || busyPage(p))).toBe(true);
      if (engineName === "pg") expect(busy).toBe(0);
      // Refused uploads left nothing; at most the analyst's kept previews remain.
      expect((await uploadsLeft()).length).toBeLessThanOrEqual(3);
    },
    // Twenty 7.9 MB uploads on a machine with two shared cores: a minute or more, not seconds.
    180_000,
  );
});

/** Sends `count` previews of the file at once from a child process; their statuses. */
async function uploadFromChild(file: string, count: number): Promise<number[]> {
  const script = `
    const { readFileSync } = require("node:fs");
    const bytes = readFileSync(process.env.FILE);
    const one = (i) => {
      const form = new FormData();
      form.append("intent", "preview");
      form.append("kind", "assistance");
      form.append("file", new File([bytes], "load-" + i + ".csv"));
      return fetch(process.env.URL, {
        method: "POST",
        headers: { Cookie: process.env.COOKIE, Origin: process.env.ORIGIN },
        body: form,
      }).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
    };
    Promise.all(Array.from({ length: Number(process.env.COUNT) }, (_, i) => one(i)))
      .then((s) => process.stdout.write(JSON.stringify(s)));
  `;
  const { stdout } = await execFileAsync(process.execPath, ["-e", script], {
    env: {
      ...process.env,
      FILE: file,
      COUNT: String(count),
      COOKIE: analyst.cookie,
      ORIGIN: `http://127.0.0.1:${port}`,
      URL: `http://127.0.0.1:${port}/imports/new?_data=routes/imports.new`,
    },
    maxBuffer: MB,
  });
  return JSON.parse(stdout) as number[];
}
