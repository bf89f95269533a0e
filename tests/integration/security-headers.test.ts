// The HTTP layer's security headers, CSRF check and CSP nonce, end to end through the real
// Express app (createHttpApp), the real entry.server.tsx and root Layout, on an ephemeral port.
// The Remix build is assembled from those modules plus two small routes (support/probe-build.ts),
// so `npm test` needs no `remix build`; the browser test (tests/e2e/csp.e2e.test.ts) covers the
// built app.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { json } from "@remix-run/node";
import { parseHTML } from "linkedom";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeHttpServer, createHttpApp } from "~/lib/server/http-server.server";
import { PROBE_ASSET, probeBuild } from "../support/probe-build";

const ASSET = PROBE_ASSET;

const pageRoute = {
  loader: () => json({ message: "probe" }, { headers: { "Cache-Control": "private, no-cache" } }),
  action: () => json({ saved: true }),
  headers: () => ({ "Cache-Control": "private, no-cache" }),
  default: function ProbePage() {
    return createElement("p", { id: "probe" }, "probe page");
  },
};

const downloadRoute = {
  loader: () =>
    new Response("a,b\n1,2\n", {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="probe.csv"',
        "Cache-Control": "private, no-cache",
      },
    }),
};

function buildWithProbes() {
  // The root's loader (language, session) is replaced so this test needs neither a cookie nor a
  // database.
  return probeBuild(
    {
      "routes/probe": { path: "probe", module: pageRoute },
      "routes/download": { path: "probe.csv", module: downloadRoute },
      "routes/api-probe": { path: "api/v1/probe", module: { action: () => json({ saved: true }) } },
    },
    { rootLoader: () => json({ lang: "vi" }) },
  );
}

let server: Server;
let baseUrl: string;
let publicDir: string;

beforeAll(async () => {
  publicDir = await mkdtemp(path.join(os.tmpdir(), "cns-headers-"));
  await mkdir(path.join(publicDir, "build"));
  await writeFile(path.join(publicDir, ASSET.slice(1)), "export {};\n");
  await writeFile(path.join(publicDir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  const app = createHttpApp({
    build: buildWithProbes(),
    mode: "production",
    publicDir,
    trustProxy: false,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (server) await closeHttpServer(server, 2_000);
  if (publicDir) await rm(publicDir, { recursive: true, force: true });
});

function expectCommonHeaders(response: Response): void {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(response.headers.get("permissions-policy")).toMatch(
    /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  );
  expect(response.headers.get("x-powered-by")).toBeNull();
}

function cspDirectives(response: Response): Map<string, string[]> {
  const header = response.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function nonceOf(response: Response): string {
  const script = cspDirectives(response).get("script-src") ?? [];
  const nonces = script.filter((source) => source.startsWith("'nonce-"));
  expect(nonces).toHaveLength(1);
  return nonces[0]!.slice("'nonce-".length, -1);
}

describe("a page", () => {
  it("carries a nonce-based CSP whose nonce is on every script and on nothing else", async () => {
    const response = await fetch(`${baseUrl}/probe`);
    expect(response.status).toBe(200);
    expectCommonHeaders(response);
    const csp = cspDirectives(response);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    const nonce = nonceOf(response);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);

    const html = await response.text();
    const { document } = parseHTML(html);
    expect(document.querySelector("#probe")?.textContent).toBe("probe page");
    const scripts = [...document.querySelectorAll("script")];
    // Remix's context, its module loader and ScrollRestoration: all inline, all nonced.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) expect(script.getAttribute("nonce")).toBe(nonce);
    expect(html.split(nonce)).toHaveLength(scripts.length + 1);
    // Documents keep their route's Cache-Control.
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("gets a new nonce on every request", async () => {
    const [a, b] = await Promise.all([fetch(`${baseUrl}/probe`), fetch(`${baseUrl}/probe`)]);
    expect(nonceOf(a)).not.toBe(nonceOf(b));
  });
});

describe("data responses", () => {
  it("answers ?_data= with no-store over the route's private, no-cache", async () => {
    const response = await fetch(`${baseUrl}/probe?_data=routes%2Fprobe`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: "probe" });
    expectCommonHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a download with no-store", async () => {
    const response = await fetch(`${baseUrl}/probe.csv`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("a,b\n1,2\n");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("static files", () => {
  it("keep their long cache and get the common headers", async () => {
    const asset = await fetch(`${baseUrl}${ASSET}`);
    expect(asset.status).toBe(200);
    expectCommonHeaders(asset);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const icon = await fetch(`${baseUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
  });
});

describe("CSRF", () => {
  const form = () => new URLSearchParams({ field: "value" });

  it("refuses a cross-origin form post with 403 in both languages", async () => {
    const response = await fetch(`${baseUrl}/probe?index`, {
      method: "POST",
      body: form(),
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(response.status).toBe(403);
    expectCommonHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("Yêu cầu bị từ chối");
    expect(text).toContain("Request refused");
  });

  it("refuses a post carrying only a foreign Origin, and one carrying nothing", async () => {
    const foreign = await fetch(`${baseUrl}/probe`, {
      method: "POST",
      body: form(),
      headers: { Origin: "http://localhost:1" },
    });
    expect(foreign.status).toBe(403);
    const bare = await fetch(`${baseUrl}/probe`, { method: "POST", body: form() });
    expect(bare.status).toBe(403);
  });

  it("lets a same-origin post reach the action, and answers it with no-store", async () => {
    const response = await fetch(`${baseUrl}/probe?_data=routes%2Fprobe`, {
      method: "POST",
      body: form(),
      headers: { Origin: baseUrl, "Sec-Fetch-Site": "same-origin" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ saved: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("lets a non-browser client with a bearer token post to the API, and only there", async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}${path}`, { method: "POST", body: form(), headers });
    expect((await post("/api/v1/probe", { Authorization: "Bearer cns_probe" })).status).toBe(200);
    // A junk bearer header does not exempt a page's form post, nor a post that carries cookies.
    const page = await post("/probe?_data=routes%2Fprobe", { Authorization: "Bearer cns_probe" });
    expect(page.status).toBe(403);
    const withCookie = await post("/api/v1/probe", {
      Authorization: "Bearer cns_probe",
      Cookie: "cns_session=abc",
    });
    expect(withCookie.status).toBe(403);
  });
});
