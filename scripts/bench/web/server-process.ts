// The server under test runs as its own process (npm start's script with sample loading off), so
// its memory and CPU are its own and the load generator does not share its event loop.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

export function startServerProcess(
  env: Record<string, string>,
  port: number,
  log: (message: string) => void,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    // The heap budget npm start gives the server (package.json, ADR 021).
    ["--max-old-space-size=512", "--import", "tsx", path.resolve("scripts/start.ts")],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        SAMPLE_DATA: "off",
        DEMO_MODE: "off",
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      output += chunk;
      if (/ready in/.test(output)) {
        log(`server ready (pid ${child.pid})`);
        child.stdout!.removeAllListeners("data");
        child.stdout!.resume();
        resolve({ pid: child.pid!, baseUrl: `http://127.0.0.1:${port}`, stop });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}
