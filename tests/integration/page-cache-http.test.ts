// The page cache (ADR 010) end to end through the real Express app, entry.server.tsx and root
// loader (session, language, demo banner), on both engines: a page is kept per viewer, language,
// URL and data version, replayed byte for byte with a hash-based CSP, revalidated by ETag, shared
// by concurrent first requests, and never kept or served where the answer depends on more.
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { parseHTML } from "linkedom";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireViewer } from "~/lib/auth/viewer.server";
import { revokeSession } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";
import { resolveLanguage } from "~/lib/i18n/language.server";
import { closeHttpServer, createHttpApp } from "~/lib/server/http-server.server";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { PROBE_ASSET, probeBuild } from "../support/probe-build";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { importSeededRecords } from "./support/assistance-file";

const renders = { kept: 0, plain: 0, failing: 0 };

/** A page that shows who asked, in which language, how many records exist, and its render count. */
function probePage(counter: keyof typeof renders, extra: Record<string, unknown>) {
  return {
    ...extra,
    loader: async ({ request }: LoaderFunctionArgs) => {
      const viewer = await requireViewer(request);
      const { lang } = await resolveLanguage(request);
      renders[counter] += 1;
      if (counter === "failing") throw json({ error: "bad" }, { status: 400 });
      const db = await getDb();
      const row = await db
        .selectFrom("core.assistance")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      return json(
        { who: viewer.username, lang, records: Number(row.n), render: renders[counter] },
        { headers: { "Cache-Control": "private, no-cache", Vary: "Cookie" } },
      );
    },
    headers: () => ({ "Cache-Control": "private, no-cache", Vary: "Cookie" }),
    default: function ProbePage() {
      const data = useLoaderData<{ who: string; lang: string; records: number; render: number }>();
      return createElement(
        "p",
        { id: "probe" },
        `${data.who}|${data.lang}|${data.records}|${data.render}`,
      );
    },
  };
}

describe(`page cache over HTTP (${engineName})`, () => {
  let t: TestDatabase;
  let dir: string;
  let server: Server;
  let baseUrl: string;
  let analyst: TestIdentity;
  let leader: TestIdentity;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), "cns-page-cache-"));
    await mkdir(path.join(dir, "public", "build"), { recursive: true });
    await writeFile(path.join(dir, "public", PROBE_ASSET.slice(1)), "export {};\n");
    analyst = await createUserWithSession(t.db, "analyst");
    leader = await createUserWithSession(t.db, "leader");
    const app = createHttpApp({
      build: probeBuild({
        "routes/kept": { path: "kept", module: probePage("kept", { handle: { pageCache: true } }) },
        "routes/plain": { path: "plain", module: probePage("plain", {}) },
        "routes/failing": {
          path: "failing",
          module: probePage("failing", { handle: { pageCache: true } }),
        },
      }),
      mode: "production",
      publicDir: path.join(dir, "public"),
      trustProxy: false,
      pageCacheBytes: 1024 * 1024,
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

  const get = (pathname: string, identity: TestIdentity | null, headers: HeadersInit = {}) =>
    fetch(`${baseUrl}${pathname}`, {
      redirect: "manual",
      headers: { ...(identity ? { Cookie: identity.cookie } : {}), ...headers },
    });

  const probeText = (html: string) => parseHTML(html).document.querySelector("#probe")?.textContent;

  it("renders a page once per viewer and replays the same bytes", async () => {
    const first = await get("/kept?x=1", analyst);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const firstHtml = await first.text();
    expect(probeText(firstHtml)).toBe(`${analyst.viewer.username}|vi|0|${renders.kept}`);
    const rendersAfterFirst = renders.kept;

    const second = await get("/kept?x=1", analyst);
    expect(second.status).toBe(200);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    expect(second.headers.get("cache-control")).toBe("private, no-cache");
    expect(second.headers.get("vary")).toMatch(/Cookie/);
    expect(second.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await second.text()).toBe(firstHtml);
    expect(renders.kept).toBe(rendersAfterFirst);

    // Another viewer never sees the first one's page.
    const other = await get("/kept?x=1", leader);
    expect(other.headers.get("x-page-cache")).toBe("miss");
    expect(probeText(await other.text())).toContain(leader.viewer.username);
    // Another URL is another page.
    const otherUrl = await get("/kept?x=2", analyst);
    expect(otherUrl.headers.get("x-page-cache")).toBe("miss");
  });

  it("lists the SHA-256 of every inline script of a replayed page in its CSP, and no nonce", async () => {
    await get("/kept?csp=1", analyst);
    const hit = await get("/kept?csp=1", analyst);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    const scriptSrc = (hit.headers.get("content-security-policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === "script-src")!
      .slice(1);
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc.some((s) => s.startsWith("'nonce-"))).toBe(false);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const { document } = parseHTML(await hit.text());
    const inline = [...document.querySelectorAll("script")].filter((s) => !s.hasAttribute("src"));
    // Remix's context (with this viewer's loader data), its module loader, and our own.
    expect(inline.length).toBeGreaterThanOrEqual(3);
    for (const script of inline) {
      const hash = createHash("sha256").update(script.textContent!, "utf8").digest("base64");
      expect(scriptSrc).toContain(`'sha256-${hash}'`);
    }
  });

  it("answers a matching If-None-Match with 304 and no body, and a client without gzip in full", async () => {
    const page = await get("/kept?etag=1", analyst);
    const etag = page.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const html = await page.text();

    const unchanged = await get("/kept?etag=1", analyst, { "If-None-Match": etag! });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    const stale = await get("/kept?etag=1", analyst, { "If-None-Match": 'W/"something-else"' });
    expect(stale.status).toBe(200);

    const identity = await get("/kept?etag=1", analyst, { "Accept-Encoding": "identity" });
    expect(identity.headers.get("content-encoding")).toBeNull();
    expect(await identity.text()).toBe(html);
  });

  it("renders again after an import, which changes the data version", async () => {
    await get("/kept?data=1", analyst);
    const cached = await get("/kept?data=1", analyst);
    expect(cached.headers.get("x-page-cache")).toBe("hit");
    expect(probeText(await cached.text())).toMatch(/\|0\|\d+$/);

    await importSeededRecords(t.engine, { dir, prefix: "PC", count: 12, months: ["2025-10"] });
    const fresh = await get("/kept?data=1", analyst);
    expect(fresh.headers.get("x-page-cache")).toBe("miss");
    expect(probeText(await fresh.text())).toMatch(/\|12\|\d+$/);
  });

  it("shares one render among concurrent first requests", async () => {
    const before = renders.kept;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => get("/kept?together=1", analyst)),
    );
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(renders.kept).toBe(before + 1);
    expect(responses.filter((r) => r.headers.get("x-page-cache") === "miss")).toHaveLength(1);
  });

  it("keeps the language apart and never keeps an answer that sets the language cookie", async () => {
    const switching = await get("/kept?lang=en", analyst);
    expect(switching.status).toBe(200);
    const setCookie = switching.headers.get("set-cookie");
    expect(setCookie).toMatch(/^lang=/);
    expect(switching.headers.get("x-page-cache")).toBeNull();
    expect(probeText(await switching.text())).toContain("|en|");

    const langCookie = setCookie!.split(";")[0]!;
    const withCookie = { Cookie: `${analyst.cookie}; ${langCookie}` };
    const first = await fetch(`${baseUrl}/kept?lang=en`, { headers: withCookie });
    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(first.headers.get("set-cookie")).toBeNull();
    const again = await fetch(`${baseUrl}/kept?lang=en`, { headers: withCookie });
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(probeText(await again.text())).toContain("|en|");
    // The same URL in Vietnamese is a different page.
    const vi = await get("/kept", analyst);
    expect(probeText(await vi.text())).toContain("|vi|");
  });

  it("leaves alone anonymous requests, pages that did not opt in, and errors", async () => {
    const anonymous = await get("/kept?x=1", null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("x-page-cache")).toBeNull();

    const plainBefore = renders.plain;
    for (let i = 0; i < 2; i += 1) {
      const plain = await get("/plain", analyst);
      expect(plain.status).toBe(200);
      expect(plain.headers.get("x-page-cache")).toBeNull();
      expect(plain.headers.get("content-security-policy")).toMatch(/'nonce-/);
      await plain.text();
    }
    expect(renders.plain).toBe(plainBefore + 2);

    const failingBefore = renders.failing;
    for (let i = 0; i < 2; i += 1) {
      const failing = await get("/failing", analyst);
      expect(failing.status).toBe(400);
      expect(failing.headers.get("x-page-cache")).toBeNull();
      await failing.text();
    }
    expect(renders.failing).toBe(failingBefore + 2);
  });

  it("stops serving a kept page the moment its session ends", async () => {
    const reader = await createUserWithSession(t.db, "analyst");
    await get("/kept?revoke=1", reader);
    const hit = await get("/kept?revoke=1", reader);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    await revokeSession(t.db, reader.token);
    const after = await get("/kept?revoke=1", reader);
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });
});
