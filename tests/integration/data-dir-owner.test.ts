// One owner per embedded data directory, end to end with real processes (ADR 011): the server
// (scripts/lib/serve.ts with a probe build), the CLI (scripts/etl.ts, users.ts, db-migrate.ts)
// and a stand-in for a long CLI import (lock-holder). While the server runs, CLI commands run
// inside it; a CLI waits for another CLI and then refuses in both languages; a server waits for a
// CLI but refuses beside another server; SIGTERM closes the database cleanly; a SIGKILLed server's
// directory reopens. Then seeded runs start server, two imports and db:migrate in random order and
// kill each at random moments: the directory must always reopen with every batch a CLI reported
// as loaded. OWNER_KILL_RUNS sets the number of runs (default 3; a run takes
// 25–35 s on 2 busy cores, so the 50 take about half an hour), OWNER_KILL_SEED the first
// seed, OWNER_KILL_VERBOSE=1 prints what each process did.
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPathFor, readDataDirOwner } from "~/lib/db/data-dir-lock.server";
import { withSession } from "~/lib/db/engine";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { recoverInterruptedBatches } from "~/lib/etl/import-file.server";
import { findFreePort } from "../../scripts/lib/free-port";
import { createTestDatabase, engineName } from "../support/test-db";
import { makeRecords, mulberry32, writeAssistanceFile } from "./support/assistance-file";
import { runTs, type Ended, type Running } from "./support/child-process";

const RUNS = Number(process.env.OWNER_KILL_RUNS ?? 3);
const FIRST_SEED = Number(process.env.OWNER_KILL_SEED ?? 20261204);
const MONTHS = ["2025-10", "2025-11"];

let root: string;
let template: string;

beforeAll(async () => {
  if (engineName !== "pglite") return;
  root = mkdtempSync(path.join(tmpdir(), "cns-owner-"));
  template = path.join(root, "template");
  const t = await createTestDatabase({ dataDir: template });
  await t.close();
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

let copies = 0;
/** A fresh DATA_DIR: a copy of the migrated, seeded template. */
function freshDataDir(): string {
  const dir = path.join(root, `data-${++copies}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

function envFor(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    SAMPLE_DATA: "off",
    HOST: "127.0.0.1",
    LOCK_WAIT_SECONDS: "60",
    ...extra,
  };
}

async function startServer(dataDir: string, extra: Record<string, string> = {}) {
  const port = await findFreePort();
  const server = runTs(
    "tests/integration/support/server-child.ts",
    [],
    envFor(dataDir, { PORT: String(port), ...extra }),
  );
  return { server, port };
}

const cli = (
  script: "etl" | "users" | "db-migrate",
  args: string[],
  dataDir: string,
  extra: Record<string, string> = {},
  stdin = "",
): Running => runTs(`scripts/${script}.ts`, args, envFor(dataDir, extra), stdin);

function writeFile(dir: string, prefix: string, rows: number, seed: number): string {
  const file = path.join(dir, `${prefix}.csv`);
  writeAssistanceFile(file, makeRecords(prefix, rows, seed, MONTHS));
  return file;
}

/** Opens the directory in this process and reads what the tests check. */
async function inspect(dataDir: string) {
  const engine = await openPgliteEngine(path.join(dataDir, "pglite"), { owner: { role: "test" } });
  try {
    await recoverInterruptedBatches(engine);
    return await withSession(engine, async (s) => {
      const batches = await s.query<{ batch_id: number; file_name: string; status: string }>(
        "select batch_id, file_name, status from core.import_batch order by batch_id",
      );
      const rows = await s.query<{ prefix: string; n: number }>(
        "select split_part(record_id, '-', 1) as prefix, count(*) as n from core.assistance group by 1",
      );
      const users = await s.query<{ username: string }>("select username from app.user");
      return {
        batches: batches.rows,
        rowsByPrefix: new Map(rows.rows.map((r) => [r.prefix, r.n])),
        users: users.rows.map((u) => u.username),
      };
    });
  } finally {
    await engine.close();
  }
}

const loadedSummaries = (out: string) =>
  out
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { file: string; status: string; batch_id: number | null });

describe.skipIf(engineName !== "pglite")("embedded data directory: one owner", () => {
  it(
    "runs CLI commands inside the running server, then stops cleanly on SIGTERM",
    {
      timeout: 240_000,
    },
    async () => {
      const dataDir = freshDataDir();
      const { server, port } = await startServer(dataDir);
      await server.waitFor(/ready in/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const owner = readDataDirOwner(path.join(dataDir, "pglite"));
      expect(owner).toMatchObject({ role: "server", pid: server.child.pid });
      expect(owner?.control?.socket).toBe(path.join(dataDir, "pglite.sock"));

      const file = writeFile(dataDir, "SRV", 40, 1);
      const imported = await cli("etl", ["import", file, "--kind", "assistance", "--json"], dataDir)
        .ended;
      expect(imported.code, imported.stderr).toBe(0);
      expect(loadedSummaries(imported.stdout)).toMatchObject([
        { file: "SRV.csv", status: "loaded" },
      ]);
      // A relative path is the CLI's, not the server's working directory.
      const again = await runTs(
        "scripts/etl.ts",
        ["import", "SRV.csv", "--kind", "assistance"],
        envFor(dataDir),
        "",
        dataDir,
      ).ended;
      expect(again.stdout).toContain("This file was already loaded");

      const added = await cli(
        "users",
        ["add", "lan", "--role", "leader"],
        dataDir,
        {},
        "mat-khau-rat-dai-2026\n",
      ).ended;
      expect(added.code, added.stderr).toBe(0);
      const listed = await cli("users", ["list", "--json"], dataDir).ended;
      expect(JSON.parse(listed.stdout)).toMatchObject([{ username: "lan", role: "leader" }]);
      const usage = await cli("users", ["add"], dataDir).ended;
      expect(usage.code).toBe(2);
      const migrated = await cli("db-migrate", [], dataDir).ended;
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toContain("0 migration(s) applied");
      // Every one of them ran in the server; the password was never logged.
      expect(server.output().stdout.match(/command from the CLI/g)).toHaveLength(6);
      expect(server.output().stdout).not.toContain("mat-khau");

      // A second server beside the first is refused at once, in both languages.
      const second = await startServer(dataDir);
      const refused = await second.server.ended;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("đang được tiến trình khác sử dụng");
      expect(refused.stderr).toContain("is in use by another process (server");

      server.child.kill("SIGTERM");
      const ended = await server.ended;
      expect(ended.code).toBe(0);
      expect(ended.stdout).toContain("database closed");
      expect(existsSync(lockPathFor(path.join(dataDir, "pglite")))).toBe(false);
      expect(existsSync(path.join(dataDir, "pglite.sock"))).toBe(false);
      const state = await inspect(dataDir);
      expect(state.batches).toMatchObject([{ file_name: "SRV.csv", status: "loaded" }]);
      expect(state.rowsByPrefix.get("SRV")).toBe(40);
      expect(state.users).toEqual(["lan"]);
    },
  );

  it(
    "waits for a CLI that holds the directory, refuses after the bound, and survives SIGKILL",
    {
      timeout: 240_000,
    },
    async () => {
      const dataDir = freshDataDir();
      const dir = path.join(dataDir, "pglite");
      const holder = runTs("tests/integration/support/lock-holder.ts", [dir, "cli"], {});
      await holder.waitFor(/HELD/);

      const refused = await cli("etl", ["batches", "--json"], dataDir, { LOCK_WAIT_SECONDS: "1" })
        .ended;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Đang chờ: thư mục dữ liệu đang được dùng (cli, pid");
      expect(refused.stderr).toContain("Wait for it to finish, or stop it, then try again.");

      // The server waits for the CLI, then starts once the CLI is gone (here: killed).
      const { server } = await startServer(dataDir);
      await server.waitFor(/waiting for cli/);
      holder.child.kill("SIGKILL");
      await holder.ended;
      await server.waitFor(/ready in/);

      const file = writeFile(dataDir, "KIL", 30, 2);
      const imported = await cli("etl", ["import", file, "--kind", "assistance", "--json"], dataDir)
        .ended;
      expect(loadedSummaries(imported.stdout)).toMatchObject([{ status: "loaded" }]);
      server.child.kill("SIGKILL");
      expect((await server.ended).signal).toBe("SIGKILL");
      // The killed server's lock and socket are left; the next owner sees they are stale.
      expect(existsSync(lockPathFor(dir))).toBe(true);
      const state = await inspect(dataDir);
      expect(state.rowsByPrefix.get("KIL")).toBe(30);

      // And a new server starts on it.
      const restarted = await startServer(dataDir);
      await restarted.server.waitFor(/ready in/);
      restarted.server.child.kill("SIGINT");
      const stopped = await restarted.server.ended;
      expect(stopped.code, JSON.stringify(stopped)).toBe(0);
    },
  );

  it(
    `keeps the directory openable with every reported batch under random kills (${RUNS} seeded runs from ${FIRST_SEED})`,
    {
      timeout: 120_000 + RUNS * 90_000,
    },
    async () => {
      const report = {
        runs: 0,
        unopenable: 0,
        lost: 0,
        killed: 0,
        forwarded: 0,
        loaded: 0,
        started: performance.now(),
      };
      for (let run = 0; run < RUNS; run++) {
        const seed = FIRST_SEED + run;
        const rnd = mulberry32(seed);
        const dataDir = freshDataDir();
        const files = [
          writeFile(dataDir, `A${run}`, 300, seed),
          writeFile(dataDir, `B${run}`, 300, seed + 1),
        ];
        const port = await findFreePort();
        type Actor = { name: string; start(): Running };
        const actors: Actor[] = [
          {
            name: "server",
            start: () =>
              runTs(
                "tests/integration/support/server-child.ts",
                [],
                envFor(dataDir, { PORT: String(port) }),
              ),
          },
          ...files.map((file, i) => ({
            name: `import${i}`,
            start: () => cli("etl", ["import", file, "--kind", "assistance", "--json"], dataDir),
          })),
          { name: "migrate", start: () => cli("db-migrate", [], dataDir) },
        ];
        const plans = actors.map((actor) => ({
          actor,
          // The server starts early (it takes seconds to be ready) and lives longer, so runs see
          // CLIs before, during and after its start, and commands forwarded into it.
          delayMs: Math.floor(rnd() * (actor.name === "server" ? 1_500 : 9_000)),
          killAfterMs:
            rnd() < 0.5
              ? Math.floor(rnd() * (actor.name === "server" ? 14_000 : 5_000))
              : undefined,
          signal: (rnd() < 0.7 ? "SIGKILL" : "SIGTERM") as NodeJS.Signals,
        }));
        const results = await Promise.all(
          plans.map(async (plan) => {
            await new Promise((r) => setTimeout(r, plan.delayMs));
            const running = plan.actor.start();
            if (plan.killAfterMs !== undefined)
              setTimeout(() => {
                if (running.child.exitCode === null && running.child.signalCode === null) {
                  running.child.kill(plan.signal);
                  report.killed++;
                }
              }, plan.killAfterMs).unref();
            // The server runs until the CLIs are done (below); a CLI ends by itself.
            if (plan.actor.name === "server") return { plan, running, ended: undefined };
            return { plan, running, ended: await running.ended };
          }),
        );
        const server = results.find((r) => r.plan.actor.name === "server")!;
        if (server.running.child.exitCode === null && server.running.child.signalCode === null)
          server.running.child.kill("SIGTERM");
        const serverEnded: Ended = await server.running.ended;
        // Unless the plan killed it, the server stopped cleanly on the final SIGTERM.
        if (serverEnded.signal === null)
          expect(serverEnded.code, `run ${run} (seed ${seed}) server: ${serverEnded.stderr}`).toBe(
            0,
          );
        report.forwarded += serverEnded.stdout.match(/command from the CLI/g)?.length ?? 0;
        if (process.env.OWNER_KILL_VERBOSE)
          for (const r of results) {
            const e = r.ended ?? serverEnded;
            console.log(
              `seed ${seed} ${r.plan.actor.name} +${r.plan.delayMs}ms kill ${r.plan.killAfterMs ?? "-"}: ${e.code ?? e.signal} ${(e.stdout + e.stderr).replace(/\s+/g, " ").slice(0, 300)}`,
            );
          }

        let state: Awaited<ReturnType<typeof inspect>>;
        try {
          state = await inspect(dataDir);
        } catch (error) {
          report.unopenable++;
          throw new Error(
            `run ${run} (seed ${seed}): the directory does not reopen: ${String(error)}`,
          );
        }
        for (const r of results) {
          if (!r.ended) continue;
          for (const summary of loadedSummaries(r.ended.stdout)) {
            if (summary.status !== "loaded") continue;
            report.loaded++;
            const batch = state.batches.find((b) => b.batch_id === summary.batch_id);
            const prefix = summary.file.replace(/\.csv$/, "");
            if (batch?.status !== "loaded" || state.rowsByPrefix.get(prefix) !== 300) {
              report.lost++;
              throw new Error(
                `run ${run} (seed ${seed}): batch ${summary.batch_id} (${summary.file}) was reported loaded but is ${batch?.status ?? "missing"} with ${state.rowsByPrefix.get(prefix) ?? 0} rows`,
              );
            }
          }
        }
        // No batch may be half there, reported or not.
        for (const [prefix, n] of state.rowsByPrefix) expect([0, 300], prefix).toContain(n);
        report.runs++;
        rmSync(dataDir, { recursive: true, force: true });
      }
      console.log(
        `owner kill test: ${report.runs} runs, ${report.unopenable} unopenable, ${report.lost} lost batches; ${report.loaded} batches reported loaded, ${report.forwarded} commands forwarded to the server, ${report.killed} kills; ${((performance.now() - report.started) / 1000).toFixed(0)} s`,
      );
      expect(report).toMatchObject({ runs: RUNS, unopenable: 0, lost: 0 });
    },
  );
});
