// The one line a benchmark child prints for its parent, and the parent's side: spawn a child under
// tsx, pass its stderr through, and read that line. Peak RSS comes from the child itself
// (getrusage's ru_maxrss), so it counts the importer alone, not the parent's file generator.
import { spawn } from "node:child_process";

const RESULT_PREFIX = "BENCH_RESULT ";

export interface ChildMeasure {
  /** The child's own peak resident set size, in MB (1 MB = 2^20 bytes). */
  max_rss_mb: number;
}

export function reportToParent(result: object): void {
  const max_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, max_rss_mb })}\n`);
}

export interface RunChildOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/** Runs `node --import tsx script args…` and resolves with what the child reported. */
export function runChild<T extends ChildMeasure>(
  script: string,
  args: string[],
  options: RunChildOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeFlags ?? []), "--import", "tsx", script, ...args],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new Error(`${script} failed (${why})${line ? "" : ", no result reported"}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
    });
  });
}
