// Where a child's CPU time went, from the .cpuprofile that node --cpu-prof writes: self time per
// function and per source file, so a slow phase can be named without opening DevTools.
import { readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface CpuProfileSummary {
  total_ms: number;
  functions: SelfTime[];
  files: SelfTime[];
}

function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("node_modules/");
  if (modules >= 0) return file.slice(modules + "node_modules/".length);
  return path.relative(process.cwd(), file) || file;
}

function top(map: Map<string, number>, total: number, count: number): SelfTime[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 1000),
      share: Math.round((us / total) * 1000) / 10,
    }));
}

export async function summarizeCpuProfile(file: string, count = 15): Promise<CpuProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += us;
    // Runtime entries ("(idle)": waiting on I/O such as the database, "(garbage collector)") have
    // no URL; other URL-less frames are V8 builtins.
    const runtime = frame.functionName.startsWith("(") ? frame.functionName : "(builtins)";
    const where = frame.url ? shortUrl(frame.url) : runtime;
    const name = frame.url
      ? `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`
      : frame.functionName || runtime;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byFile.set(where, (byFile.get(where) ?? 0) + us);
  });
  return {
    total_ms: Math.round(total / 1000),
    functions: top(byFunction, total || 1, count),
    files: top(byFile, total || 1, count),
  };
}
