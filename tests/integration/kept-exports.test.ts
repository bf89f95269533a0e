// Kept downloads (ADR 010): the API's commune × month file is written once per data version,
// filters, format and viewer role, and sent again from memory — the same bytes and stamp,
// gzipped for clients that take it, audited every time, and written afresh after an import.
// The record-level extract is never kept.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip } from "~/lib/http/accept-encoding";
import { loader as apiLoader } from "~/routes/api.v1.$resource";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { readCsv, responseBytes } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { importSeededRecords } from "./support/assistance-file";

function api(identity: TestIdentity, segment: string, query = "", headers: HeadersInit = {}) {
  const request = requestAs(identity, `/api/v1/${segment}${query ? `?${query}` : ""}`, {
    headers,
  });
  return apiLoader({ request, params: { resource: segment }, context: {} });
}

describe(`kept downloads (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let analyst: TestIdentity;
  let leader: TestIdentity;

  const importRecords = (prefix: string, months: string[]) =>
    importSeededRecords(t.engine, { dir, prefix, count: 40, seed: 5, months });

  async function downloadAudits(username: string, format: string): Promise<number> {
    const row = await t.db
      .selectFrom("app.audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("action", "=", "download")
      .where("actor_username", "=", username)
      .where(sql`details->>'format'`, "=", format)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("condition not met in 2.5 s");
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "cns-kept-"));
    await importRecords("K1", ["2025-10", "2025-11"]);
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("sends the same file again, stamp included, and audits each download", async () => {
    const first = await api(analyst, "commune-month.csv");
    const firstBytes = await responseBytes(first);
    const second = await api(analyst, "commune-month.csv");
    const secondBytes = await responseBytes(second);
    expect(secondBytes.equals(firstBytes)).toBe(true);
    expect(second.headers.get("x-cns-generated-at")).toBe(first.headers.get("x-cns-generated-at"));
    expect(second.headers.get("content-disposition")).toBe(
      first.headers.get("content-disposition"),
    );
    expect(second.headers.get("cache-control")).toBe("no-store");
    expect(readCsv(secondBytes).rows.length).toBe(124 * 2);
    await eventually(async () => (await downloadAudits(analyst.viewer.username, "csv")) === 2);
  });

  it("writes a file once for downloads that ask for it together", async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => api(analyst, "commune-month.parquet", "from=2025-11")),
    );
    const stamps = new Set(responses.map((r) => r.headers.get("x-cns-generated-at")));
    expect(stamps.size).toBe(1);
    const bodies = await Promise.all(responses.map(responseBytes));
    expect(bodies.every((body) => body.equals(bodies[0]!))).toBe(true);
    await eventually(async () => (await downloadAudits(analyst.viewer.username, "parquet")) === 6);
  });

  it("sends a kept text file gzipped to a client that accepts gzip", async () => {
    const plain = await responseBytes(await api(analyst, "commune-month.json", "from=2025-10"));
    const gzipped = await api(analyst, "commune-month.json", "from=2025-10", {
      "Accept-Encoding": "gzip, deflate, br",
    });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toBe("Accept-Encoding");
    const inflated = gunzipSync(await responseBytes(gzipped));
    expect(inflated.equals(plain)).toBe(true);
    const body = JSON.parse(inflated.toString("utf8")) as { rows: unknown[] };
    expect(body.rows).toHaveLength(124 * 2);
  });

  it("keeps files apart by role: a leader's file is suppressed, the analyst's is not", async () => {
    const forAnalyst = await responseBytes(await api(analyst, "commune-month.csv", "to=2025-11"));
    const forLeader = await responseBytes(await api(leader, "commune-month.csv", "to=2025-11"));
    expect(forLeader.equals(forAnalyst)).toBe(false);
    const leaderCsv = readCsv(forLeader);
    const column = leaderCsv.header.indexOf("cases_minority");
    const shown = leaderCsv.rows.map((row) => row[column]!);
    expect(shown).toContain("<8");
    expect(shown.every((value) => value === "<8" || Number(value) % 5 === 0)).toBe(true);
    const again = await responseBytes(await api(analyst, "commune-month.csv", "to=2025-11"));
    expect(again.equals(forAnalyst)).toBe(true);
  });

  it("writes the file afresh after an import", async () => {
    const before = await api(analyst, "commune-month.csv", "from=2025-09");
    const beforeRows = readCsv(await responseBytes(before)).rows.length;
    await importRecords("K2", ["2025-09"]);
    const after = await api(analyst, "commune-month.csv", "from=2025-09");
    expect(after.headers.get("x-cns-generated-at")).not.toBe(
      before.headers.get("x-cns-generated-at"),
    );
    expect(readCsv(await responseBytes(after)).rows.length).toBeGreaterThan(beforeRows);
  });

  it("never keeps the record-level extract", async () => {
    const first = await api(analyst, "assistance.csv");
    await responseBytes(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await api(analyst, "assistance.csv");
    await responseBytes(second);
    expect(second.headers.get("x-cns-generated-at")).not.toBe(
      first.headers.get("x-cns-generated-at"),
    );
  });
});

describe("acceptsGzip", () => {
  it("reads names, wildcards and q-values", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
