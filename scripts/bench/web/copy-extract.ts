// The extract benchmark's baseline: PostgreSQL's own COPY (<the extract's query>) TO STDOUT in
// CSV, drained by the client, for the same rows the download streams (sql/extracts/). COPY takes
// no bind parameters, so the benchmark's own values are written into the query as literals.
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_SETTINGS } from "~/lib/db/engine-pglite.server";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { readSqlFile } from "~/lib/db/sql-files.server";
import type { BenchTarget } from "../bench-target";

export interface ExtractRange {
  provinceCode: string;
  from: string;
  to: string;
  /** The province's units, as the download passes them to the query. */
  communes: readonly string[];
}

function literal(value: string): string {
  if (!/^[0-9-]+$/.test(value)) throw new Error(`unexpected bench literal ${value}`);
  return `'${value}'`;
}

export function extractQueryText(range: ExtractRange): string {
  const codes = range.communes.map(literal).join(",");
  return readSqlFile("extracts/assistance_records.sql")
    .replace(/--[^\n]*\n/g, "")
    .replaceAll("$1::text[]", `array[${codes}]::text[]`)
    .replaceAll("$2", literal(range.from))
    .replaceAll("$3", literal(range.to))
    .replaceAll("$4::text", "null::text")
    .replaceAll("$5::text", "null::text")
    .replaceAll("$6::bigint", "null::bigint")
    .trim();
}

export interface CopyTiming {
  ms: number;
  bytes: number;
}

export async function timeCopyExtract(
  target: BenchTarget,
  range: ExtractRange,
): Promise<CopyTiming> {
  const copySql = `copy (${extractQueryText(range)}) to stdout with (format csv, header true)`;
  if (target.engine === "pg") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const started = performance.now();
      const stream = client.query(copyTo(copySql));
      let bytes = 0;
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      return { ms: Math.round(performance.now() - started), bytes };
    } finally {
      await client.end();
    }
  }
  // PGlite has no client socket: its COPY TO writes to an in-memory blob. Same settings as the app.
  const db = await PGlite.create(target.dataDir, { postgresqlconf: [...PGLITE_SETTINGS] });
  try {
    const started = performance.now();
    const result = await db.query(copySql.replace("to stdout", "to '/dev/blob'"));
    const bytes = result.blob?.size ?? 0;
    return { ms: Math.round(performance.now() - started), bytes };
  } finally {
    await db.close();
  }
}
