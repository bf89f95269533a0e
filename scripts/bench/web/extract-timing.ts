// How fast a large download streams, and what it costs the server in memory: the response body
// is drained and counted while the server process's resident set (/proc/<pid>/status, VmRSS) is
// sampled, so the peak and the growth over the idle server are both reported.
import { readFile } from "node:fs/promises";

export async function readRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

export interface StreamTiming {
  ms: number;
  bytes: number;
  status: number;
  rss_before_mb: number;
  rss_peak_mb: number;
}

export async function timeDownload(
  url: string,
  headers: Record<string, string>,
  serverPid: number,
): Promise<StreamTiming> {
  const rssBefore = await readRssMb(serverPid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    readRssMb(serverPid).then(
      (rss) => (peak = Math.max(peak, rss)),
      () => undefined,
    );
  }, 50);
  const started = performance.now();
  let bytes = 0;
  let status = 0;
  try {
    const response = await fetch(url, { headers });
    status = response.status;
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      bytes += chunk.value.byteLength;
    }
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, await readRssMb(serverPid));
  return { ms: Math.round(ms), bytes, status, rss_before_mb: rssBefore, rss_peak_mb: peak };
}
