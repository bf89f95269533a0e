// Child processes for the operations tests: a TypeScript entry run under tsx with extra
// environment, its output collected, optional stdin, and a promise of how it ended.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Absolute, so a child may run in another working directory (tsx then needs the tsconfig named).
const TSX = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;
const TSCONFIG = path.resolve("tsconfig.json");

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Output so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when stdout has matched the pattern (rejects if the process ends first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  ended: Promise<Ended>;
}

export function runTs(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  stdin = "",
  cwd?: string,
): Running {
  const child = spawn(process.execPath, ["--import", TSX, path.resolve(script), ...args], {
    env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG, ...env },
    stdio: ["pipe", "pipe", "pipe"],
    cwd,
  });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString();
    for (const check of waiters) check();
  });
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin!.on("error", () => undefined);
  child.stdin!.end(stdin);
  const ended = new Promise<Ended>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const check of waiters) check();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    output: () => ({ stdout, stderr }),
    ended,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const check = () => {
          if (pattern.test(stdout)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`process ended before ${pattern}\n${stdout}\n${stderr}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}
