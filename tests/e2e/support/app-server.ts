// Starts the app the way a user does (`npx tsx scripts/start.ts`: migrate, seed, import the
// sample through the ETL on a fresh database) on a free port and a throwaway data directory, and
// stops it by process group, so no server outlives the run even when the tests fail.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { findFreePort } from "../../../scripts/lib/free-port";

export const ARTIFACTS_DIR = path.resolve("tests/e2e/artifacts");
const READY_LINE = /\[cau-noi-so\] ready in ([\d.]+) s: http:\/\/\S+/;
// The first start imports ~200,000 sample rows: ~75 s on an idle 2-core machine, more when busy.
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_S ?? 240) * 1000;
const STOP_TIMEOUT_MS = 20_000;
const OUTPUT_TAIL_LINES = 80;

export interface AppServer {
  baseUrl: string;
  /** Seconds from spawn to ready, as measured here (includes the first-start import). */
  readySeconds: number;
  stop(): Promise<void>;
}

/** Builds the app unless a build exists (CI builds before the browser tests). */
export function ensureBuild(): void {
  if (existsSync("build/index.js") && existsSync("public/build")) return;
  console.log("[e2e] no build found: running npm run build");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL("/healthz", baseUrl), {
      signal: AbortSignal.timeout(2_000),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already gone.
  }
}

export async function startAppServer(): Promise<AppServer> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cns-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const log = createWriteStream(path.join(ARTIFACTS_DIR, "server.log"));
  const tail: string[] = [];

  const started = performance.now();
  // detached: the server and everything npx/tsx spawn share one new process group.
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SAMPLE_DATA: "auto",
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn npx tsx scripts/start.ts");
  // If vitest itself is interrupted, take the server and its data with it (synchronously: no
  // promise runs during "exit").
  const killOnExit = () => {
    signalGroup(pid, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", killOnExit);

  let readyLine = false;
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      if (READY_LINE.test(line)) readyLine = true;
    }
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve();
    }),
  );

  const stop = async () => {
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(200);
    if (groupAlive(pid)) {
      console.warn(`[e2e] server group ${pid} ignored SIGTERM; sending SIGKILL`);
      signalGroup(pid, "SIGKILL");
      while (groupAlive(pid)) await sleep(100);
    }
    await exited;
    process.off("exit", killOnExit);
    await new Promise<void>((resolve) => log.end(resolve));
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  // The server listens only after the import, so either signal means it is ready.
  while (!readyLine && !(await isHealthy(baseUrl))) {
    if (exitCode !== undefined || Date.now() > deadline) {
      const reason =
        exitCode !== undefined
          ? `exited with code ${exitCode}`
          : `was not ready after ${READY_TIMEOUT_MS / 1000} s`;
      await stop();
      throw new Error(
        `The app server ${reason}. Its last output:\n${tail.join("\n")}\n(full log: ${path.join(ARTIFACTS_DIR, "server.log")})`,
      );
    }
    await sleep(500);
  }
  return { baseUrl, readySeconds: (performance.now() - started) / 1000, stop };
}
