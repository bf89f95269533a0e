// The web upload through the real route modules, with real multipart requests: preview (a dry
// run that changes nothing) → commit (the real import, 303 to the batch) → the batch's page and
// its rejects CSV → the same file again previews as already loaded; then every refusal a form can
// earn (400s with a message, never a 500) and the clean-up of stale uploads. Counts were worked
// out by hand from FILE_TEXT.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession } from "~/lib/db/engine";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { listRejects } from "~/lib/etl/batches.server";
import { rejectsToCsv } from "~/lib/etl/rejects-csv";
import type { BatchDetail, RejectPage } from "~/lib/uploads/batch-page.server";
import { MAX_UPLOAD_BYTES, type UploadProblem } from "~/lib/uploads/import-form";
import { generateRejectsCsv } from "~/lib/uploads/rejects-download.server";
import { loader as batchLoader } from "~/routes/imports.$batchId";
import { loader as rejectsCsvLoader } from "~/routes/imports.$batchId.rejects[.]csv";
import { loader as listLoader } from "~/routes/imports._index";
import { action } from "~/routes/imports.new";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

let analyst: TestIdentity;

/** A request from the signed-in analyst (uploads are for admins and analysts). */
function signedRequest(url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Cookie", analyst.cookie);
  return new Request(url, { ...init, headers });
}

function postForm(fields: Record<string, string>, upload: File | null, lang = "vi"): Request {
  const form = new FormData();
  if (upload) form.append("file", upload);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return signedRequest(`http://localhost/imports/new?lang=${lang}`, { method: "POST", body: form });
}

async function countRows(t: TestDatabase, table: string): Promise<number> {
  return withSession(t.engine, async (session) => {
    const { rows } = await session.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return rows[0]!.n;
  });
}

/** The upload ids waiting under DATA_DIR/uploads. */
async function uploadsIn(dataDir: string): Promise<string[]> {
  return (await readdir(path.join(dataDir, "uploads")).catch(() => [])).sort();
}

// Line 4 is rejected (minutes 999 > 480); "Họ và tên" is personal data and must be dropped.
const FILE_NAME = "Nhật ký hỗ trợ tháng 2.csv";
const FILE_TEXT = [
  "Mã hồ sơ,Ngày hỗ trợ,Xã/Phường,Đội,Mã TNV,Thủ tục,Hình thức hỗ trợ,Hình thức nộp,Kết quả,Năm sinh,Giới tính,Dân tộc,Số phút,Họ và tên",
  "WEB-1,13/02/2026 08:30,Phường Lâm Viên - Đà Lạt,Đội Đà Lạt,TNV-01,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,1958,Nữ,K'Ho,15,Nguyễn Thị An",
  "WEB-2,14/02/2026 09:05,Xã Lạc Dương,Đội Lạc Dương,TNV-02,1.001193,Điền biểu mẫu,Trực tiếp,Đã nộp,1990,Nam,Kinh,20,Trần Văn Bình",
  "WEB-3,15/02/2026 10:00,Xã Lạc Dương,Đội Lạc Dương,TNV-02,1.001193,Hướng dẫn,Trực tiếp,Đã nộp,1990,Nam,Kinh,999,Lê Văn Cường",
  "",
].join("\r\n");

const file = () => new File([FILE_TEXT], FILE_NAME, { type: "text/csv" });
const ASSISTANCE = { kind: "assistance" };

type PreviewBody = {
  outcome: "previewed";
  summary: ImportSummary;
  upload_id: string | null;
  options: { kind: string; strict: boolean; derive_ids: boolean; sheet: string | null };
  other_sheets: string[];
};

let t: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cns-upload-"));
  // Read by getEnv() on first use, which is in the first action below.
  process.env.DATA_DIR = dataDir;
  t = await createTestDatabase();
  analyst = await createUserWithSession(t.db, "analyst", { username: "phan-tich" });
});

afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe(`web upload: preview, commit, batch page (${engineName})`, () => {
  let batchId: number;

  it("previews a small file with its counts, warnings and first rejects, and changes nothing", async () => {
    const response = await action({
      request: postForm({ intent: "preview", ...ASSISTANCE }, file()),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as PreviewBody;
    expect(body.outcome).toBe("previewed");
    const s = body.summary;
    expect({
      status: s.status,
      file: s.file,
      rows: s.rows,
      inserted: s.inserted,
      updated: s.updated,
      unchanged: s.unchanged,
      rejected: s.rejected,
      error: s.error,
      batch_id: s.batch_id,
    }).toEqual({
      status: "dry_run",
      file: FILE_NAME,
      rows: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      error: null,
      batch_id: null,
    });
    expect(s.dropped_columns).toEqual([{ name: "Họ và tên", personal_data: true }]);
    expect(s.sample_rejects.map((r) => [r.line, r.reason_code])).toEqual([
      [4, "minutes_out_of_range"],
    ]);
    expect(s.sample_rejects[0]!.message_vi).toContain("«999»");
    expect(s.sample_rejects[0]!.message_en).toContain("«999»");
    expect(body.options).toEqual({
      kind: "assistance",
      strict: false,
      derive_ids: false,
      sheet: null,
    });

    // The upload waits on disk for the commit, under its own id and a safe name.
    expect(body.upload_id).toMatch(/^[a-z0-9-]+$/);
    expect(await uploadsIn(dataDir)).toEqual([body.upload_id]);
    const stored = await readdir(path.join(dataDir, "uploads", body.upload_id!));
    expect(stored.sort()).toEqual([".upload.json", FILE_NAME.normalize("NFC")]);

    expect(await countRows(t, "core.assistance")).toBe(0);
    expect(await countRows(t, "core.import_batch")).toBe(0);
    expect(await countRows(t, "core.rejected_row")).toBe(0);
    expect(await countRows(t, "mart.commune_month")).toBe(0);
  });

  it("previews an official report workbook as is: its sheet named, totals and signatures skipped", async () => {
    // Written by xlsxwriter as a youth-union office lays out its monthly report (intake corpus).
    const bytes = await readFile(
      path.join("tests/fixtures/intake/files", "xlw-official-07-202509.xlsx"),
    );
    const response = await action({
      request: postForm(
        { intent: "preview", ...ASSISTANCE },
        new File([bytes], "Báo cáo tháng 9.xlsx"),
      ),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PreviewBody;
    const s = body.summary;
    expect(s.status).toBe("dry_run");
    expect(s.sheet).toBe("Báo cáo");
    expect(s.skipped).toEqual({ total_row: 1, signature_block: 5 });
    expect([s.rows, s.inserted, s.rejected]).toEqual([10, 8, 2]);
    expect(body.other_sheets).toEqual([]);
    expect(await countRows(t, "core.import_batch")).toBe(0);
    // Not committed here: the tests below count the uploads kept.
    await rm(path.join(dataDir, "uploads", body.upload_id!), { recursive: true, force: true });
  });

  it("previews the first sheet holding a table and names the workbook's other table sheets", async () => {
    // One tab per month behind an instructions tab (intake corpus, openpyxl).
    const bytes = await readFile(
      path.join("tests/fixtures/intake/files", "opx-workbook-monthly-tabs-0.xlsx"),
    );
    const response = await action({
      request: postForm({ intent: "preview", ...ASSISTANCE }, new File([bytes], "Các tháng.xlsx")),
      params: {},
      context: {},
    });
    const body = (await response.json()) as PreviewBody;
    expect(body.summary.sheet).toBe("Tháng 9");
    expect(body.other_sheets).toEqual(["Tháng 10"]);
    await rm(path.join(dataDir, "uploads", body.upload_id!), { recursive: true, force: true });
  });

  it("commits a previewed upload, deletes it and redirects to the batch page in the same language", async () => {
    const preview = (await (
      await action({
        request: postForm({ intent: "preview", ...ASSISTANCE }, file(), "en"),
        params: {},
        context: {},
      })
    ).json()) as PreviewBody;
    expect(preview.upload_id).not.toBeNull();

    const response = await action({
      request: postForm(
        { intent: "commit", upload_id: preview.upload_id!, ...ASSISTANCE },
        null,
        "en",
      ),
      params: {},
      context: {},
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("Location")!;
    const match = /^\/imports\/(\d+)\?lang=en$/.exec(location);
    expect(match, location).not.toBeNull();
    batchId = Number(match![1]);

    expect(await countRows(t, "core.assistance")).toBe(2);
    expect(await countRows(t, "core.rejected_row")).toBe(1);
    const [ledger] = await t.db
      .selectFrom("core.import_batch")
      .select(["status", "file_name", "loaded_by", "rows_read", "rows_inserted", "rows_rejected"])
      .where("batch_id", "=", batchId)
      .execute();
    expect(ledger).toEqual({
      status: "loaded",
      file_name: FILE_NAME,
      loaded_by: "web:phan-tich",
      rows_read: 3,
      rows_inserted: 2,
      rows_rejected: 1,
    });
    // The committed upload is deleted; the one previewed by the first test stays until it is stale.
    const left = await uploadsIn(dataDir);
    expect(left).not.toContain(preview.upload_id);
    expect(left).toHaveLength(1);
  });

  it("shows the batch with its summary and its rejected rows in the reader's language", async () => {
    const load = async (lang: string) => {
      const response = await batchLoader({
        request: signedRequest(`http://localhost/imports/${batchId}?lang=${lang}`),
        params: { batchId: String(batchId) },
        context: {},
      });
      return (await response.json()) as { batch: BatchDetail; rejects: RejectPage };
    };
    const data = await load("vi");
    expect(data.batch.batch_id).toBe(batchId);
    expect(data.batch.status).toBe("loaded");
    expect(data.batch.counts).toEqual({
      rows: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    expect(data.batch.dropped_columns).toEqual(["Họ và tên"]);
    expect(data.batch.reject_reasons).toMatchObject([{ code: "minutes_out_of_range", count: 1 }]);
    expect(data.rejects.total).toBe(1);
    expect(data.rejects.pages).toBe(1);
    expect(data.rejects.rows.map((r) => [r.line, r.column, r.reason_code])).toEqual([
      [4, "minutes", "minutes_out_of_range"],
    ]);
  });

  it("refuses a page of rejects that does not exist", async () => {
    const call = (page: string) =>
      batchLoader({
        request: signedRequest(`http://localhost/imports/${batchId}?page=${page}`),
        params: { batchId: String(batchId) },
        context: {},
      });
    for (const page of ["2", "0", "abc"]) {
      const thrown = await call(page).catch((error: unknown) => error);
      expect(thrown, page).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
    }
  });

  it("streams the rejects as CSV", async () => {
    const response = await rejectsCsvLoader({
      request: signedRequest(`http://localhost/imports/${batchId}/rejects.csv`),
      params: { batchId: String(batchId) },
      context: {},
    });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(`batch-${batchId}-rejects.csv`);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("batch_id,line,column,reason_code,message_vi,message_en,raw");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${batchId},4,minutes,minutes_out_of_range,`));
    expect(text).not.toContain("Lê Văn Cường");
  });

  it("lists the batch among the recent imports", async () => {
    const response = await listLoader({
      request: signedRequest("http://localhost/imports"),
      params: {},
      context: {},
    });
    const data = (await response.json()) as {
      batches: { batch_id: number; file_name: string; status: string; loaded_by: string }[];
    };
    expect(data.batches.find((b) => b.batch_id === batchId)).toMatchObject({
      file_name: FILE_NAME,
      status: "loaded",
      loaded_by: "web:phan-tich",
    });
  });

  it("previews the same file again as already loaded, with nothing to commit and nothing kept", async () => {
    const before = await uploadsIn(dataDir);
    const response = await action({
      request: postForm({ intent: "preview", ...ASSISTANCE }, file()),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PreviewBody;
    expect(body.summary.status).toBe("already_loaded");
    expect(body.summary.batch_id).toBe(batchId);
    expect(body.upload_id).toBeNull();
    expect(await uploadsIn(dataDir)).toEqual(before);
    expect(await countRows(t, "core.import_batch")).toBe(1);
  });
});

describe(`web upload: many rejects (${engineName})`, () => {
  // One good row, then 53 rows with minutes out of range on lines 3…55.
  const BAD_ROWS = 53;
  const text = [
    FILE_TEXT.split("\r\n")[0],
    "MANY-0,13/02/2026 08:30,Xã Lạc Dương,Đội 1,TNV-01,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,1958,Nữ,Kinh,15,",
    ...Array.from(
      { length: BAD_ROWS },
      (_, i) =>
        `MANY-${i + 1},13/02/2026 08:30,Xã Lạc Dương,Đội 1,TNV-01,1.001193,Hướng dẫn,Trực tuyến,Hoàn thành,1958,Nữ,Kinh,${500 + i},`,
    ),
    "",
  ].join("\n");
  let batchId: number;

  it("previews only the first 20 rejects, and says how many there are", async () => {
    const response = await action({
      request: postForm({ intent: "preview", ...ASSISTANCE }, new File([text], "many.csv")),
      params: {},
      context: {},
    });
    const body = (await response.json()) as PreviewBody;
    expect(body.summary.rejected).toBe(BAD_ROWS);
    expect(body.summary.sample_rejects.map((r) => r.line)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 3),
    );
    const commit = await action({
      request: postForm({ intent: "commit", upload_id: body.upload_id!, ...ASSISTANCE }, null),
      params: {},
      context: {},
    });
    batchId = Number(/\/imports\/(\d+)/.exec(commit.headers.get("Location")!)![1]);
  });

  it("pages the batch's rejects 50 at a time, in file order", async () => {
    const page = async (n: number) => {
      const response = await batchLoader({
        request: signedRequest(`http://localhost/imports/${batchId}?page=${n}`),
        params: { batchId: String(batchId) },
        context: {},
      });
      return ((await response.json()) as { rejects: RejectPage }).rejects;
    };
    const first = await page(1);
    expect([first.total, first.pages, first.rows.length]).toEqual([BAD_ROWS, 2, 50]);
    expect(first.rows[0]!.line).toBe(3);
    const second = await page(2);
    expect(second.rows.map((r) => r.line)).toEqual([53, 54, 55]);
  });

  it("streams the same CSV as rejectsToCsv of all the rows, across chunk boundaries", async () => {
    let streamed = "";
    for await (const chunk of generateRejectsCsv(t.db, batchId, 10)) streamed += chunk;
    expect(streamed).toBe(rejectsToCsv(await listRejects(t.db, batchId)));
    expect(streamed.trimEnd().split("\r\n")).toHaveLength(BAD_ROWS + 1);
  });
});

type RefusedBody = { outcome: "refused"; problem: UploadProblem };

describe(`web upload: who may upload (${engineName})`, () => {
  it("refuses leaders and secretaries with 403 and records each commit in the audit log", async () => {
    for (const role of ["leader", "secretary"] as const) {
      const other = await createUserWithSession(t.db, role);
      const form = new FormData();
      form.append("file", file());
      form.append("kind", "assistance");
      const request = new Request("http://localhost/imports/new", {
        method: "POST",
        body: form,
        headers: { Cookie: other.cookie },
      });
      const refused = await action({ request, params: {}, context: {} }).catch(
        (thrown: unknown) => thrown,
      );
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(403);
    }
    const commits = await t.db
      .selectFrom("app.audit_log")
      .select(["action", "actor_username"])
      .where("action", "=", "import.commit")
      .execute();
    expect(commits.length).toBeGreaterThan(0);
    expect(commits.every((row) => row.actor_username === "phan-tich")).toBe(true);
  });
});

describe(`web upload: refusals and clean-up (${engineName})`, () => {
  const csv = (name = "x.csv") => new File([FILE_TEXT], name, { type: "text/csv" });

  async function expectRefused(request: Request, code: UploadProblem["code"]): Promise<void> {
    const uploadsBefore = await uploadsIn(dataDir);
    const batchesBefore = await countRows(t, "core.import_batch");
    const response = await action({ request, params: {}, context: {} });
    expect(response.status).toBe(400);
    const body = (await response.json()) as RefusedBody;
    expect(body.outcome).toBe("refused");
    expect(body.problem.code).toBe(code);
    expect(await uploadsIn(dataDir)).toEqual(uploadsBefore);
    expect(await countRows(t, "core.import_batch")).toBe(batchesBefore);
  }

  it("refuses a kind that is not one of the four, or none", async () => {
    await expectRefused(postForm({ intent: "preview", kind: "payments" }, csv()), "kind_invalid");
    await expectRefused(postForm({ intent: "preview" }, csv()), "kind_invalid");
  });

  it("refuses an upload id that is not a bare id, without touching the path", async () => {
    for (const id of ["../../etc", "..", "/etc/passwd", "ABC", "a/b", ""]) {
      await expectRefused(
        postForm({ intent: "commit", upload_id: id, ...ASSISTANCE }, null),
        "upload_id_invalid",
      );
    }
  });

  it("refuses to commit an upload that does not exist (already committed or expired)", async () => {
    await expectRefused(
      postForm(
        { intent: "commit", upload_id: "0f8fad5b-d9cb-469f-a165-70867728950e", ...ASSISTANCE },
        null,
      ),
      "upload_not_found",
    );
  });

  it("refuses a preview without a file, or with the empty part a browser sends when none was chosen", async () => {
    await expectRefused(postForm({ intent: "preview", ...ASSISTANCE }, null), "file_missing");
    await expectRefused(
      postForm(
        { intent: "preview", ...ASSISTANCE },
        new File([], "", { type: "application/octet-stream" }),
      ),
      "file_missing",
    );
  });

  it("refuses an empty file and keeps nothing of it", async () => {
    await expectRefused(
      postForm({ intent: "preview", ...ASSISTANCE }, new File([], "empty.csv")),
      "file_empty",
    );
  });

  it("refuses a file over 50 MB with a message, not a 500, and keeps nothing of it", async () => {
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.csv", { type: "text/csv" });
    await expectRefused(postForm({ intent: "preview", ...ASSISTANCE }, big), "file_too_large");
  });

  it("refuses a POST that is not multipart", async () => {
    const urlEncoded = signedRequest("http://localhost/imports/new", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=preview&kind=assistance",
    });
    await expectRefused(urlEncoded, "form_unreadable");
    const noBody = signedRequest("http://localhost/imports/new", { method: "POST" });
    await expectRefused(noBody, "form_unreadable");
  });

  it("refuses an unknown intent", async () => {
    await expectRefused(postForm({ intent: "delete", ...ASSISTANCE }, csv()), "intent_invalid");
  });

  it("previews a Windows-1258 file as rejected with the encoding message in both languages", async () => {
    const bytes = readFileSync(path.resolve("tests/fixtures/etl/encoding-windows-1258.csv"));
    const uploadsBefore = await uploadsIn(dataDir);
    const response = await action({
      request: postForm({ intent: "preview", ...ASSISTANCE }, new File([bytes], "cp1258.csv")),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PreviewBody;
    expect(body.summary.status).toBe("rejected");
    expect(body.summary.error?.code).toBe("encoding_legacy");
    expect(body.summary.error?.message_vi).toContain("Windows-1258");
    expect(body.summary.error?.message_en).toContain("Windows-1258");
    expect(body.upload_id).toBeNull();
    expect(await uploadsIn(dataDir)).toEqual(uploadsBefore);
  });

  it("previews a strict run with rejects as not loadable, with its rejects and no commit", async () => {
    const response = await action({
      request: postForm(
        { intent: "preview", strict: "on", ...ASSISTANCE },
        // New record ids: the original file is loaded by now.
        new File([FILE_TEXT.replaceAll("WEB-", "STRICT-")], "strict.csv"),
      ),
      params: {},
      context: {},
    });
    const body = (await response.json()) as PreviewBody;
    expect(body.summary.error?.code).toBe("strict_rejected");
    expect(body.summary.sample_rejects.map((r) => r.line)).toEqual([4]);
    expect(body.upload_id).toBeNull();
  });

  it("deletes uploads left for more than a day when a new one is saved", async () => {
    const uploads = path.join(dataDir, "uploads");
    const stale = "11111111-1111-4111-8111-111111111111";
    const recent = "22222222-2222-4222-8222-222222222222";
    for (const [id, hoursAgo] of [
      [stale, 25],
      [recent, 23],
    ] as const) {
      await mkdir(path.join(uploads, id), { recursive: true });
      await writeFile(path.join(uploads, id, "old.csv"), "x");
      const then = new Date(Date.now() - hoursAgo * 3_600_000);
      await utimes(path.join(uploads, id), then, then);
    }
    const response = await action({
      request: postForm({ intent: "preview", kind: "assistance" }, csv("another name.csv")),
      params: {},
      context: {},
    });
    const body = (await response.json()) as PreviewBody;
    const left = await uploadsIn(dataDir);
    expect(left).not.toContain(stale);
    expect(left).toContain(recent);
    // The file was loaded above under another name, so there is nothing to keep for a commit.
    expect(body.summary.status).toBe("already_loaded");
  });

  it("answers 400 for a batch number that is not one and 404 for one that does not exist", async () => {
    const call = (batchId: string) =>
      batchLoader({
        request: signedRequest(`http://localhost/imports/${batchId}`),
        params: { batchId },
        context: {},
      }).catch((error: unknown) => error as Response);
    expect(((await call("1e3")) as Response).status).toBe(400);
    expect(((await call("-1")) as Response).status).toBe(400);
    expect(((await call("999999")) as Response).status).toBe(404);
  });

  it("commits every table sheet of a workbook when asked, one batch each, and lists them", async () => {
    const bytes = await readFile(
      path.join("tests/fixtures/intake/files", "opx-workbook-monthly-tabs-0.xlsx"),
    );
    const preview = (await (
      await action({
        request: postForm({ intent: "preview", ...ASSISTANCE }, new File([bytes], "Năm.xlsx")),
        params: {},
        context: {},
      })
    ).json()) as PreviewBody;
    expect(preview.other_sheets).toEqual(["Tháng 10"]);
    const response = await action({
      request: postForm(
        { intent: "commit", upload_id: preview.upload_id!, all_sheets: "on", ...ASSISTANCE },
        null,
      ),
      params: {},
      context: {},
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/imports?lang=vi");
    const batches = await t.db
      .selectFrom("core.import_batch")
      .select(["sheet", "status"])
      .where("file_name", "=", "Năm.xlsx")
      .orderBy("batch_id")
      .execute();
    expect(batches).toEqual([
      { sheet: "Tháng 9", status: "loaded" },
      { sheet: "Tháng 10", status: "loaded" },
    ]);
  });
});
