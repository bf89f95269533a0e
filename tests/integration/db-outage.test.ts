// A PostgreSQL outage under a running server (ADR 011), against a private cluster the test stops
// and starts (never the shared server): while it is down every page answers 503 with a short page
// in Vietnamese and English and Retry-After, /healthz names the database, the API answers 503
// JSON; the process never crashes, and once the database is back the same process serves 200s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port";
import { adminQuery } from "../support/pg-admin";
import { postgresBinDir, startPrivateCluster, type PrivateCluster } from "../support/private-pg";
import { runTs, type Running } from "./support/child-process";

let cluster: PrivateCluster | undefined;
let server: Running | undefined;
let base = "";

beforeAll(async () => {
  cluster = await startPrivateCluster();
  await adminQuery(cluster.url("postgres"), "create database cns_outage");
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  server = runTs("tests/integration/support/server-child.ts", [], {
    DATABASE_URL: cluster.url("cns_outage"),
    SAMPLE_DATA: "off",
    HOST: "127.0.0.1",
    PORT: String(port),
    DB_CONNECT_TIMEOUT_MS: "2000",
  });
  await server.waitFor(/ready in/, 180_000);
}, 240_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await server.ended;
  }
  cluster?.destroy();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers, redirect: "manual" });

describe.runIf(postgresBinDir())("PostgreSQL outage under a running server", () => {
  it(
    "answers 503s while the database is down and 200s after, in the same process",
    {
      timeout: 180_000,
    },
    async () => {
      expect((await get("/login")).status).toBe(200);
      expect((await get("/healthz")).status).toBe(200);
      const pid = server!.child.pid;

      cluster!.stop("fast");
      const started = performance.now();
      const page = await get("/login");
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("10");
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain("Tạm thời gián đoạn");
      expect(html).toContain("Temporarily unavailable");
      expect(html).not.toMatch(/ECONNREFUSED|stack|at \//);
      // Answered well within the connection timeout plus a margin.
      expect(performance.now() - started).toBeLessThan(6_000);

      const health = await get("/healthz");
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: "error",
        down: ["database"],
        db: { ok: false, engine: "pg" },
      });

      const api = await get("/api/v1/commune-month.json", { Authorization: "Bearer cns_x" });
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("10");
      expect(await api.json()).toMatchObject({ error: { code: "database_unavailable" } });
      const data = await get("/login?_data=root");
      expect(data.status).toBe(503);
      expect(data.headers.get("content-type")).toMatch(/^application\/json/);

      // A burst during the outage: all 503, none 500, and the process stays up.
      const burst = await Promise.all(Array.from({ length: 20 }, () => get("/login")));
      expect(burst.map((r) => r.status)).toEqual(Array(20).fill(503));
      expect(server!.child.exitCode).toBeNull();

      cluster!.start();
      let status = 0;
      for (let i = 0; i < 60 && status !== 200; i++) {
        status = (await get("/login")).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
      expect((await get("/healthz")).status).toBe(200);
      expect(server!.child.pid).toBe(pid);
      expect(server!.child.exitCode).toBeNull();
      expect(server!.output().stdout + server!.output().stderr).toContain(
        "database reachable again",
      );
    },
  );
});
