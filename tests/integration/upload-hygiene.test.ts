// Upload hygiene through the real upload action: file names a browser really sends (`;`, `=`,
// quotes, Vietnamese) are read; a flood of form fields is refused before it costs memory; a
// previewed upload is bound to its uploader and to the options it was previewed with; kept
// previews are capped per user; and no failure path — a refusal, a database that is down — leaves
// a file behind.
import { stat, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "~/lib/db/engine";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { submitImportForm } from "~/lib/uploads/import-upload.server";
import { MAX_KEPT_PREVIEWS_PER_USER, uploadsDirOf } from "~/lib/uploads/upload-store.server";
import { action } from "~/routes/imports.new";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const FILE_TEXT = [
  "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường,Đội,Mã TNV,Thủ tục,Hình thức hỗ trợ,Hình thức nộp,Kết quả,Năm sinh,Giới tính,Dân tộc,Số phút",
  "HY-1,13/02/2026 08:30,Phường Lâm Viên - Đà Lạt,Đội Đà Lạt,TNV-01,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,1958,Nữ,K'Ho,15",
  "HY-2,14/02/2026 09:05,Xã Lạc Dương,Đội Lạc Dương,TNV-02,1.001193,Điền biểu mẫu,Trực tiếp,Đã nộp,1990,Nam,Kinh,20",
  "",
].join("\r\n");

let t: TestDatabase;
let dataDir: string;
let analyst: TestIdentity;
let admin: TestIdentity;

type Body = {
  outcome: string;
  summary?: ImportSummary;
  upload_id?: string | null;
  problem?: { code: string };
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cns-hygiene-"));
  process.env.DATA_DIR = dataDir;
  t = await createTestDatabase();
  analyst = await createUserWithSession(t.db, "analyst", { username: "hygiene-analyst" });
  admin = await createUserWithSession(t.db, "admin", { username: "hygiene-admin" });
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const uploads = async () => (await readdir(path.join(dataDir, "uploads")).catch(() => [])).sort();

/** A multipart body built byte for byte, the way Chrome writes a file name (`"` as %22). */
function rawMultipart(
  who: TestIdentity,
  fields: Record<string, string>,
  fileName: string,
): Request {
  const boundary = "----WebKitFormBoundaryHygiene42";
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${FILE_TEXT}\r\n`,
  );
  return new Request("http://localhost/imports/new", {
    method: "POST",
    headers: {
      Cookie: who.cookie,
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    body: `${parts.join("")}--${boundary}--\r\n`,
  });
}

async function send(request: Request): Promise<{ status: number; body: Body }> {
  const response = await action({ request, params: {}, context: {} });
  const status = response.status;
  const body = status === 303 ? { outcome: "committed" } : ((await response.json()) as Body);
  return { status, body };
}

function form(who: TestIdentity, fields: Record<string, string>, file?: File): Request {
  const body = new FormData();
  if (file) body.append("file", file);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request("http://localhost/imports/new", {
    method: "POST",
    headers: { Cookie: who.cookie },
    body,
  });
}

const csv = (name = "hygiene.csv") => new File([FILE_TEXT], name, { type: "text/csv" });

describe(`upload hygiene (${engineName})`, () => {
  it("reads file names with ; = quotes and Vietnamese, as browsers send them", async () => {
    for (const name of [
      "Báo cáo; tháng=2 %22mới%22.csv",
      "a=b;c=d.csv",
      "Nhật ký hỗ trợ – Đắk Nông (bản 2).csv",
    ]) {
      const { status, body } = await send(
        rawMultipart(analyst, { intent: "preview", kind: "assistance" }, name),
      );
      expect(status).toBe(200);
      expect(body.outcome).toBe("previewed");
      expect(body.summary!.file).toBe(name.replaceAll("%22", '"'));
      expect(body.summary!.rows).toBe(2);
    }
  });

  it("refuses a flood of form fields before reading them all, keeping nothing", async () => {
    const before = await uploads();
    const fields: Record<string, string> = { intent: "preview", kind: "assistance" };
    for (let i = 0; i < 50_000; i++) fields[`f${i}`] = "x";
    const { status, body } = await send(form(analyst, fields, csv()));
    expect(status).toBe(400);
    expect(body.problem?.code).toBe("form_unreadable");
    expect(await uploads()).toEqual(before);
  });

  it("lets only the uploader commit, with the options previewed, not the form's", async () => {
    const preview = await send(form(analyst, { intent: "preview", kind: "assistance" }, csv()));
    const id = preview.body.upload_id!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Another user, even an admin, cannot commit it: to them it does not exist.
    const stolen = await send(form(admin, { intent: "commit", upload_id: id, kind: "assistance" }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.problem?.code).toBe("upload_not_found");
    expect(await uploads()).toContain(id);
    // The uploader commits with a changed form (another kind, strict): the preview's options win.
    const committed = await send(
      form(analyst, { intent: "commit", upload_id: id, kind: "shifts", strict: "on" }),
    );
    expect(committed.status).toBe(303);
    const batch = await t.db
      .selectFrom("core.import_batch")
      .select(["kind", "options", "status"])
      .where("file_name", "=", "hygiene.csv")
      .where("status", "=", "loaded")
      .executeTakeFirstOrThrow();
    expect(batch.kind).toBe("assistance");
    expect(batch.options).toMatchObject({ strict: false });
    expect(await uploads()).not.toContain(id);
  });

  it(`keeps at most ${MAX_KEPT_PREVIEWS_PER_USER} previews per user, dropping the oldest`, async () => {
    const ids: string[] = [];
    for (let i = 0; i <= MAX_KEPT_PREVIEWS_PER_USER; i++) {
      const text = FILE_TEXT.replaceAll("HY-", `Q${i}-`);
      const file = new File([text], `quota-${i}.csv`, { type: "text/csv" });
      const { body } = await send(form(admin, { intent: "preview", kind: "assistance" }, file));
      ids.push(body.upload_id!);
    }
    const left = await uploads();
    expect(left).not.toContain(ids[0]);
    for (const id of ids.slice(1)) expect(left).toContain(id);
  });

  it("tells a second upload at once that another import is running, and since when", async () => {
    const before = await uploads();
    // Two large previews at once: whichever comes second finds the first running.
    const large = (prefix: string) => {
      const [header, ...rows] = FILE_TEXT.trimEnd().split("\r\n");
      const body = Array.from({ length: 10_000 }, (_, i) =>
        rows[i % 2]!.replace(/^HY-\d/, `${prefix}-${i}`),
      );
      return new File([[header, ...body, ""].join("\r\n")], `${prefix}.csv`);
    };
    const results = await Promise.all([
      send(form(analyst, { intent: "preview", kind: "assistance" }, large("L1"))),
      send(form(admin, { intent: "preview", kind: "assistance" }, large("L2"))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [first, second] = [200, 409].map((status) => results.find((r) => r.status === status)!);
    expect(second!.body.problem).toMatchObject({
      code: "import_busy",
      params: { since: expect.stringMatching(/^\d\d:\d\d, \d\d\/\d\d\/\d{4}$/) },
    });
    // The refused upload is gone; the other one is kept for its commit.
    const after = await uploads();
    expect(after).toContain(first!.body.upload_id);
    expect(after.filter((id) => !before.includes(id))).toEqual([first!.body.upload_id]);
  });

  it("keeps a previewed upload readable by the server's user only", async () => {
    const kept = await send(
      form(
        analyst,
        { intent: "preview", kind: "assistance" },
        new File([FILE_TEXT.replace(/HY-/g, "MD-")], "mode.csv"),
      ),
    );
    expect(kept.status).toBe(200);
    const dir = path.join(dataDir, "uploads", kept.body.upload_id as string);
    expect((await stat(dir)).mode & 0o077).toBe(0);
    for (const name of await readdir(dir))
      expect((await stat(path.join(dir, name))).mode & 0o077, name).toBe(0);
  });

  it.runIf(engineName === "pg")(
    "refuses at once while another process holds the ETL lock (PostgreSQL)",
    async () => {
      const holder = await t.engine.acquire();
      try {
        await holder.query("select pg_advisory_lock(7068, 1)");
        // Waiting for the lock would hang here until the test times out.
        // A file never loaded before: a known one is answered "already loaded" without the lock.
        const fresh = new File([FILE_TEXT.replace(/HY-/g, "LK-")], "locked.csv", {
          type: "text/csv",
        });
        const busy = await send(form(analyst, { intent: "preview", kind: "assistance" }, fresh));
        expect(busy.status).toBe(409);
        expect(busy.body.problem?.code).toBe("import_busy");
      } finally {
        await holder.query("select pg_advisory_unlock(7068, 1)");
        holder.release();
      }
    },
  );

  it("deletes the stored upload when the import itself fails (database down)", async () => {
    const before = await uploads();
    const down: SqlEngine = {
      kind: t.engine.kind,
      acquire: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
      close: () => Promise.resolve(),
    };
    await expect(
      submitImportForm(form(analyst, { intent: "preview", kind: "assistance" }, csv("down.csv")), {
        engine: down,
        provinceCode: "68",
        uploadsDir: uploadsDirOf(dataDir),
        username: "hygiene-analyst",
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect(await uploads()).toEqual(before);
  });
});
