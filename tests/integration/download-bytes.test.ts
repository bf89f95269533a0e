// Downloads are the product's contract with analysts: the restructuring of issue 10 (metric
// registry, page folders) must not change them. Every download request of the authorization
// matrix (tests/fixtures/authz/matrix.csv) that an analyst or a leader gets as a 200 is made on a
// fixed dataset with a fixed clock and compared with the files in tests/fixtures/downloads/,
// written by this same test at the commit before the restructuring (1c0c335) with
// DOWNLOAD_BYTES_WRITE=1 (only route modules and test support are imported, so the file runs on
// both sides of the change). CSV must be byte for byte the same. XLSX, Arrow, Parquet and JSON
// must hold the same stamp, column names, types and rows, and may differ only in the column
// descriptions, which now come from the metric registry (one text per metric, ADR 016).
// Since issue 12 (item 7) a leader's XLSX heads its columns in Vietnamese: the *-leader.xlsx
// files were written again then, and differ from the earlier ones in that header row only; every
// other file, the analysts' XLSX included, is the one written at 1c0c335.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { writeFileSync as writeTmp, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importFile } from "~/lib/etl/import-file.server";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { arrowRows, readArrow, readParquet, readXlsx, sheetRows } from "../support/read-export";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";
import { makeRecords, toCsv } from "./support/assistance-file";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const MATRIX = path.resolve(import.meta.dirname, "../fixtures/authz/matrix.csv");
const GOLDEN = path.resolve(import.meta.dirname, "../fixtures/downloads");
const WRITE = process.env.DOWNLOAD_BYTES_WRITE === "1";
const NOW = new Date("2026-02-10T05:00:00Z");
const MONTHS = ["2025-11", "2025-12", "2026-01"];
const OWN = "24846";
const OTHER = "24805";

type Route = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<Response>;

interface Case {
  name: string;
  route: string;
  path: string;
  role: "analyst" | "leader";
}

function cases(batch: number, reason: string): Case[] {
  const rows = parse(readFileSync(MATRIX, "utf8"), {
    columns: true,
    comment: "#",
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const out: Case[] = [];
  rows.forEach((row, i) => {
    if (!(row.route!.endsWith(".download") || row.route === "api.v1.$resource")) return;
    if (row.method !== "GET") return;
    for (const role of ["analyst", "leader"] as const) {
      if (!row[role]!.startsWith("200")) continue;
      const filled = row
        .path!.replaceAll("{own}", OWN)
        .replaceAll("{other}", OTHER)
        .replaceAll("{batch}", String(batch))
        .replaceAll("{reason}", reason);
      const ext = /format=(\w+)/.exec(filled)?.[1] ?? /\.(\w+)(\?|$)/.exec(filled)?.[1] ?? "bin";
      out.push({
        name: `${String(i).padStart(3, "0")}-${role}.${ext}`,
        route: row.route!,
        path: filled,
        role,
      });
    }
  });
  return out;
}

/** File metadata with the column list's descriptions left out (`cns.columns` is JSON). */
function withoutDescriptions(metadata: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...metadata };
  for (const [key, value] of Object.entries(metadata)) {
    if (!key.endsWith("columns")) continue;
    const columns = JSON.parse(value) as Record<string, unknown>[];
    out[key] = columns.map(({ description: _description, ...rest }) => rest);
  }
  return out;
}

/** The file without its column descriptions: what a reader of the data sees. */
async function contents(ext: string, bytes: Buffer): Promise<unknown> {
  if (ext === "json") {
    const body = JSON.parse(bytes.toString("utf8")) as { columns: Record<string, unknown>[] };
    for (const column of body.columns) delete column.description;
    return body;
  }
  if (ext === "arrow") {
    const table = readArrow(bytes);
    return {
      fields: table.schema.fields.map((f) => [f.name, String(f.type), f.nullable]),
      metadata: withoutDescriptions(Object.fromEntries(table.schema.metadata)),
      rows: arrowRows(table),
    };
  }
  if (ext === "parquet") {
    const parquet = await readParquet(bytes);
    return {
      types: parquet.types,
      rows: parquet.rows,
      metadata: withoutDescriptions(parquet.metadata),
    };
  }
  if (ext === "xlsx") {
    const workbook = await readXlsx(bytes);
    // The data sheet whole; the "about" sheet's stamp rows, not its column descriptions.
    return workbook.worksheets.map((sheet, i) =>
      i === 0
        ? sheetRows(sheet)
        : sheetRows(sheet)
            .filter((row) => row.length > 0)
            .slice(0, 8),
    );
  }
  return bytes;
}

/** The header row of an XLSX file's data sheet. */
async function xlsxHeader(bytes: Buffer): Promise<unknown[]> {
  const workbook = await readXlsx(bytes);
  return sheetRows(workbook.worksheets[0]!)[0] ?? [];
}

async function sameDownload(name: string, before: Buffer, after: Buffer): Promise<boolean> {
  if (before.equals(after)) return true;
  const ext = name.split(".").pop()!;
  if (ext === "csv") return false;
  try {
    expect(await contents(ext, after)).toEqual(await contents(ext, before));
    return true;
  } catch {
    return false;
  }
}

function paramsOf(route: string, pathname: string): Record<string, string> {
  if (route === "api.v1.$resource") return { resource: pathname.split("/").pop()! };
  if (route === "communes.$code.download") return { code: pathname.split("/")[2]! };
  return {};
}

describe(`downloads unchanged by the restructuring (${engineName})`, () => {
  let t: TestDatabase;
  let ids: Record<"analyst" | "leader", TestIdentity>;
  let batch = 0;
  let reason = "";
  const dir = mkdtempSync(path.join(tmpdir(), "download-bytes-"));

  beforeAll(async () => {
    t = await createTestDatabase();
    const assistance = path.join(dir, "assistance.csv");
    writeTmp(assistance, toCsv(makeRecords("A", 400, 11, MONTHS)));
    const shifts = path.join(dir, "shifts.csv");
    const lines = ["shift_id,volunteer_id,team,commune,date,start,end"];
    for (let i = 0; i < 30; i++)
      lines.push(
        `S-${i},V-${i % 7},Đội ${i % 2},${[OWN, OTHER, "25162"][i % 3]},${MONTHS[i % 3]}-${String(1 + (i % 27)).padStart(2, "0")},08:00,${10 + (i % 5)}:30`,
      );
    writeTmp(shifts, lines.join("\n") + "\n");
    const dossiers = path.join(dir, "dossiers.csv");
    const d = ["commune,month,procedure,received_total,received_online"];
    [OWN, OTHER, "25162"].forEach((c, ci) =>
      MONTHS.forEach((m, mi) => d.push(`${c},${m},,${40 + ci * 7 + mi},${11 + ci + mi * 3}`)),
    );
    writeTmp(dossiers, d.join("\n") + "\n");
    for (const [file, kind] of [
      [assistance, "assistance"],
      [shifts, "shifts"],
      [dossiers, "dossiers"],
    ] as const) {
      const s = await importFile(t.engine, {
        path: file,
        kind,
        provinceCode: "68",
        loadedBy: "test",
        now: NOW,
      });
      if (kind === "assistance") batch = s.batch_id!;
    }
    // The database's own clock is in the ledger and the as-of time: pinned, as the test clock is.
    await t.db
      .updateTable("core.import_batch")
      .set({ started_at: NOW, finished_at: NOW })
      .execute();
    await t.db.updateTable("mart.refresh_state").set({ refreshed_at: NOW }).execute();
    const [row] = await t.db
      .selectFrom("core.rejected_row")
      .select("reason_code")
      .where("batch_id", "=", batch)
      .orderBy("line")
      .limit(1)
      .execute();
    reason = row?.reason_code ?? "minutes_out_of_range";
    ids = {
      analyst: await createUserWithSession(t.db, "analyst", { username: "phan-tich" }),
      leader: await createUserWithSession(t.db, "leader", { username: "lanh-dao" }),
    };
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends the same data for every download of the matrix as before the restructuring", async () => {
    const files = new Map(readdirSync(ROUTES_DIR).map((f) => [f.replace(/\.tsx?$/, ""), f]));
    const list = cases(batch, reason);
    expect(list.length).toBeGreaterThan(50);
    if (WRITE) mkdirSync(GOLDEN, { recursive: true });
    const differing: string[] = [];
    const headers: Array<{ role: Case["role"]; row: unknown[] }> = [];
    for (const c of list) {
      const module = (await import(path.join(ROUTES_DIR, files.get(c.route)!))) as {
        loader: Route;
      };
      const url = new URL(c.path, "http://localhost");
      const response = await module
        .loader({
          request: requestAs(ids[c.role], c.path),
          params: paramsOf(c.route, url.pathname),
          context: {},
        })
        .catch((error: unknown) => error as Response);
      expect(response.status, c.path).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const golden = path.join(GOLDEN, c.name);
      if (process.env.DOWNLOAD_BYTES_DUMP)
        writeFileSync(path.join(process.env.DOWNLOAD_BYTES_DUMP, c.name), bytes);
      if (c.name.endsWith(".xlsx")) headers.push({ role: c.role, row: await xlsxHeader(bytes) });
      if (WRITE) writeFileSync(golden, bytes);
      else if (!existsSync(golden) || !(await sameDownload(c.name, readFileSync(golden), bytes)))
        differing.push(`${c.name} ${c.path}`);
    }
    expect(differing).toEqual([]);
    // Analysts keep the documented names; a leader reads every column in Vietnamese words.
    const isName = (cell: unknown) => /^[a-z0-9_]+$/.test(String(cell));
    for (const { role, row } of headers) {
      if (role === "analyst") expect(row.every(isName), JSON.stringify(row)).toBe(true);
      else expect(row.filter(isName), JSON.stringify(row)).toEqual([]);
    }
    expect(headers.filter((h) => h.role === "leader").length).toBeGreaterThan(10);
  }, 300_000);
});
