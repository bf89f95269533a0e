// A busy database under a running server (ADR 011, issue 14 item 6). On the embedded engine an
// import's write phase holds the one connection: a page that needs the database waits at most its
// bound (DB_WAIT_SECONDS) and then answers 503 saying what is running and since when, in
// Vietnamese and English, and 200 again once the import lets go. On PostgreSQL imports may take
// only the pool's bulk share, so a page always finds a connection while imports wait their turn.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { json } from "@remix-run/node";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseBusyError } from "~/lib/db/busy.server";
import { getDb } from "~/lib/db.server";
import * as healthz from "~/routes/healthz";
import { closeHttpServer, createHttpApp } from "~/lib/server/http-server.server";
import { PROBE_ASSET, probeBuild } from "../support/probe-build";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const WAIT_MS = 600;

const countPage = {
  loader: async () => {
    const db = await getDb();
    const row = await db
      .selectFrom("ref.province")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    return json({ provinces: Number(row.n) });
  },
  default: function CountPage() {
    return createElement("p", { id: "count" }, "ok");
  },
};

describe(`a busy database (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let server: Server;
  let baseUrl = "";

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "cns-busy-"));
    await mkdir(path.join(dir, "public", "build"), { recursive: true });
    await writeFile(path.join(dir, "public", PROBE_ASSET.slice(1)), "export {};\n");
    const app = createHttpApp({
      build: probeBuild(
        {
          "routes/count": { path: "count", module: countPage },
          "routes/healthz": { path: "healthz", module: healthz },
        },
        // The real root loader reads the session; a probe page needs only its own query.
        { rootLoader: () => json({ lang: "vi" }) },
      ),
      mode: "production",
      publicDir: path.join(dir, "public"),
      trustProxy: false,
      pageCacheBytes: 0,
      dbWaitMs: WAIT_MS,
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await closeHttpServer(server, 2_000);
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  const get = (pathname: string) => fetch(`${baseUrl}${pathname}`, { redirect: "manual" });

  it.runIf(engineName === "pglite")(
    "answers 503 with what runs and since when while an import holds the connection, 200 after",
    async () => {
      expect((await get("/count")).status).toBe(200);
      const importing = await t.engine.acquire({ activity: "import" });
      let released = false;
      try {
        const started = performance.now();
        const page = await get("/count");
        const waited = performance.now() - started;
        expect(page.status).toBe(503);
        expect(waited).toBeGreaterThanOrEqual(WAIT_MS - 50);
        expect(page.headers.get("retry-after")).toBe("30");
        expect(page.headers.get("cache-control")).toBe("no-store");
        const html = await page.text();
        expect(html).toContain("Hệ thống đang nạp một tệp dữ liệu");
        expect(html).toMatch(/bắt đầu lúc \d\d:\d\d/);
        expect(html).toContain("A data file is being imported");
        expect(html).not.toMatch(/DatabaseBusyError|stack|at \//);

        const data = await get("/count?_data=routes%2Fcount");
        expect(data.status).toBe(503);
        expect(await data.json()).toMatchObject({ error: { code: "database_busy" } });

        // Busy is not down: the health check still says the database is there.
        const health = await get("/healthz");
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({
          db: { ok: true, busy: { activity: "import" } },
        });

        // A request that arrives just before the import ends is served, not refused.
        const late = get("/count");
        setTimeout(() => {
          released = true;
          importing.release();
        }, WAIT_MS / 3);
        expect((await late).status).toBe(200);
      } finally {
        if (!released) importing.release();
      }
      expect((await get("/count")).status).toBe(200);
    },
  );

  it.runIf(engineName === "pg")(
    "keeps connections for pages while imports fill their share of the pool",
    async () => {
      // The test pool has 4 connections: imports get one at a time, pages always find one.
      const first = await t.engine.acquire({ activity: "import" });
      try {
        const error = await t.engine.acquire({ activity: "import", waitMs: 200 }).then(
          (s) => (s.release(), undefined),
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DatabaseBusyError);
        expect((error as DatabaseBusyError).holder.activity).toBe("import");
        const pages = await Promise.all([get("/count"), get("/count"), get("/count")]);
        expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
      } finally {
        first.release();
      }
      const second = await t.engine.acquire({ activity: "import", waitMs: 200 });
      second.release();
    },
  );
});
