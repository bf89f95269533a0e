// npm run generate-sample -- --months 17 --seed 1 --out DIR [--province 68] [--scale 1] [--now ISO]
// Writes synthetic import files (assistance, shifts, dossiers, population) and manifest.json.
// Same arguments, same --now → byte-identical files. Exit 0 on success, 2 on bad arguments.
import { z } from "zod";

import { SampleOptionsSchema } from "~/lib/sample/sample-options";
import { writeSample } from "~/lib/sample/write-sample.server";

const USAGE =
  "usage: npm run generate-sample -- --out DIR [--months 17] [--seed 1] [--province 68] [--scale 1] [--now ISO-date-time]";
const KNOWN_FLAGS = new Set(["out", "months", "seed", "province", "scale", "now"]);

function parseArgv(argv: string[]): Record<string, string> | string {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(token);
    if (!match || !KNOWN_FLAGS.has(match[1]!)) return `unknown argument ${token}`;
    const value = match[2] ?? argv[++i];
    if (value === undefined) return `--${match[1]} needs a value`;
    args[match[1]!] = value;
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgv(process.argv.slice(2));
  if (typeof args === "string") {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  // The only place the current time enters: pass --now to make a run reproducible.
  const parsed = SampleOptionsSchema.safeParse({
    ...args,
    now: args.now ?? new Date().toISOString(),
  });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
    return 2;
  }
  const summary = await writeSample(parsed.data);
  const { manifest } = summary;
  console.log(
    `Sample for province ${manifest.options.province}: ${manifest.options.months} months from 2025-07, ` +
      `seed ${manifest.options.seed}, scale ${manifest.options.scale}, now ${manifest.options.now}`,
  );
  console.log(
    `${manifest.files.length + 1} files written to ${summary.outDir} (${(summary.bytes / 1e6).toFixed(1)} MB, incl. manifest.json)`,
  );
  for (const kind of ["population", "assistance", "shifts", "dossiers"] as const) {
    const files = manifest.files.filter((f) => f.kind === kind).length;
    console.log(
      `  ${kind.padEnd(10)} ${String(files).padStart(3)} files ${summary.rowsByKind[kind].toLocaleString("en").padStart(10)} rows` +
        ` (${summary.anomalyRowsByKind[kind]} deliberately messy)`,
    );
  }
  if (summary.strayFiles.length > 0) {
    console.log(
      `Note: ${summary.strayFiles.length} other file(s) in ${summary.outDir} are not part of this sample ` +
        `(not in manifest.json), e.g. ${summary.strayFiles.slice(0, 3).join(", ")}`,
    );
  }
  console.log(`Done in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
