// Demo mode: on only with the sample loaded (here a small file imported through the real ETL as
// "sample"), no real users and a loopback HOST — or when forced; refused beyond loopback. Demo
// sign-in creates demo-<role> users (the secretary bound to a real Lâm Đồng commune) and normal
// sessions, which stop working as soon as a real user exists and demo mode turns off.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDemoModeStatus } from "~/lib/auth/demo-mode.server";
import { signInAsDemo } from "~/lib/auth/login.server";
import { addUser } from "~/lib/auth/users.server";
import { getOptionalViewer } from "~/lib/auth/viewer.server";
import { importFile } from "~/lib/etl/import-file.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

// Read by getEnv() on its first use in this file's module graph (the route modules below).
process.env.DEMO_MODE = "auto";
process.env.HOST = "127.0.0.1";
process.env.PROVINCE_CODE = "68";

const SAMPLE = [
  "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường,Đội,Mã TNV,Thủ tục,Hình thức hỗ trợ,Hình thức nộp,Kết quả,Năm sinh,Giới tính,Dân tộc,Số phút",
  "DEMO-1,13/02/2026 08:30,Xã Lạc Dương,Đội Lạc Dương,TNV-01,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,1958,Nữ,K'Ho,15",
  "DEMO-2,14/02/2026 09:05,Xã Lạc Dương,Đội Lạc Dương,TNV-02,1.001193,Điền biểu mẫu,Trực tiếp,Đã nộp,1990,Nam,Kinh,20",
  "",
].join("\r\n");

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "cns-demo-"));
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const LOCAL = { DEMO_MODE: "auto", HOST: "127.0.0.1", PROVINCE_CODE: "68" } as const;

function demoForm(role: string, next = "/"): FormData {
  const form = new FormData();
  form.set("intent", "demo");
  form.set("role", role);
  form.set("next", next);
  return form;
}

async function demoPost(role: string): Promise<Response> {
  const request = new Request("http://localhost/login", { method: "POST", body: demoForm(role) });
  return (await loginAction({ request, params: {}, context: {} })) as Response;
}

describe(`demo mode (${engineName})`, () => {
  it("is off without the sample data, even on loopback", async () => {
    expect(await getDemoModeStatus(t.db, LOCAL)).toEqual({
      active: false,
      reason: "the sample data is not loaded",
    });
    expect((await demoPost("admin")).status).toBe(403);
  });

  it("with the sample loaded and no users: on for loopback, refused beyond it unless forced", async () => {
    const file = path.join(dir, "sample-assistance.csv");
    await writeFile(file, SAMPLE);
    const summary = await importFile(t.engine, {
      path: file,
      kind: "assistance",
      provinceCode: "68",
      loadedBy: "sample",
    });
    expect(summary.status).toBe("loaded");

    expect((await getDemoModeStatus(t.db, LOCAL)).active).toBe(true);
    const exposed = await getDemoModeStatus(t.db, { ...LOCAL, HOST: "0.0.0.0" });
    expect(exposed.active).toBe(false);
    expect(exposed.reason).toMatch(/not a loopback address/);
    expect((await getDemoModeStatus(t.db, { DEMO_MODE: "force", HOST: "0.0.0.0" })).active).toBe(
      true,
    );
    expect((await getDemoModeStatus(t.db, { DEMO_MODE: "off", HOST: "127.0.0.1" })).active).toBe(
      false,
    );
    // A demo POST is refused on a server listening beyond loopback.
    const request = new Request("http://cns.example.vn/login", {
      method: "POST",
      body: demoForm("admin"),
    });
    const refused = await signInAsDemo(t.db, request, demoForm("admin"), {
      ...LOCAL,
      HOST: "0.0.0.0",
    });
    expect(refused).toMatchObject({
      ok: false,
      failure: { status: 403, error: "auth.login.demoRefused" },
    });
  });

  it("the login page offers each role; one click opens a normal session as demo-<role>", async () => {
    const page = (await loginLoader({
      request: new Request("http://localhost/login"),
      params: {},
      context: {},
    })) as Response;
    expect(await page.json()).toMatchObject({
      demoRoles: ["admin", "leader", "secretary", "analyst"],
    });
    const root = (await rootLoader({
      request: new Request("http://localhost/"),
      params: {},
      context: {},
    })) as Response;
    expect(await root.json()).toMatchObject({ demoMode: true, viewer: null });

    const viewers = [];
    for (const role of ["admin", "leader", "secretary", "analyst"]) {
      const response = await demoPost(role);
      expect(response.status).toBe(302);
      const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
      const viewer = await getOptionalViewer(
        new Request("http://localhost/", { headers: { Cookie: cookie } }),
      );
      expect(viewer).toMatchObject({ username: `demo-${role}`, role, via: "demo" });
      viewers.push({ viewer: viewer!, cookie });
    }
    const secretary = viewers[2]!.viewer;
    expect(secretary.communes).toHaveLength(1);
    const commune = await t.db
      .selectFrom("ref.commune")
      .select(["province_code", "name"])
      .where("code", "=", secretary.communes[0]!)
      .executeTakeFirstOrThrow();
    expect(commune).toEqual({ province_code: "68", name: "Lạc Dương" });
    // A second click reuses the demo user.
    expect((await demoPost("admin")).status).toBe(302);
    const demoUsers = await t.db
      .selectFrom("app.user")
      .select("username")
      .where("demo", "=", true)
      .execute();
    expect(demoUsers).toHaveLength(4);
    // Demo users have no usable password.
    const form = new URLSearchParams({ username: "demo-admin", password: "anything-at-all" });
    const pw = (await loginAction({
      request: new Request("http://localhost/login", { method: "POST", body: form }),
      params: {},
      context: {},
    })) as Response;
    expect(pw.status).toBe(401);

    // The first real user turns demo mode off, and demo sessions stop working.
    await addUser(
      t.db,
      { username: "real-admin", role: "admin", password: "mot-mat-khau-that" },
      { viewer: null, via: "test" },
    );
    expect(await getDemoModeStatus(t.db, LOCAL)).toMatchObject({ active: false });
    for (const { cookie } of viewers) {
      expect(
        await getOptionalViewer(new Request("http://localhost/", { headers: { Cookie: cookie } })),
      ).toBeNull();
    }
    expect((await demoPost("admin")).status).toBe(403);
  });
});
