// npm run etl -- <command>
//   import <files…> --kind assistance|shifts|dossiers|population [--dry-run] [--strict]
//          [--derive-ids] [--sheet NAME] [--json]
//   batches [--json]
//   rejects <batch> [--format csv|json]
//   revert <batch>
//   labels [--json]                       what the vocabulary does not know yet, with counts
//   map <kind> <label> <target> [--scope S] [--json]   teach the importer a word (audited)
//   vocabulary [--kind K] [--json]        the words it knows (seed and admin)
//   replay <batch>|--all [--json]         load quarantined rows again with today's vocabulary
// Exit codes: 0 every batch recorded (rejected rows included), 1 nothing loaded from some file
// because of errors, 2 usage error.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withSession } from "~/lib/db/engine";
import { getEnv } from "~/lib/env.server";
import type { ImportSummary } from "~/lib/etl/batch-summary";
import { importSheets } from "~/lib/etl/import-sheets.server";
import { listBatches, listRejects } from "~/lib/etl/batches.server";
import { rejectsToCsv } from "~/lib/etl/rejects-csv";
import { ReplayError, listReplayableBatches, replayBatch } from "~/lib/etl/replay-batch.server";
import { RevertError, revertBatch } from "~/lib/etl/revert-batch.server";
import { listBucketedLabels, listQuarantinedLabels } from "~/lib/etl/unmapped-labels.server";
import { VOCABULARY_KINDS } from "~/lib/etl/vocabulary";
import { listVocabulary } from "~/lib/etl/vocabulary.server";
import { addMapping, MappingError } from "~/lib/etl/vocabulary-map.server";
import { ProgressBar } from "../lib/progress";
import { UsageError, type Command, type CommandIo } from "../lib/cli";

const USAGE = `Usage:
  npm run etl -- import <files…> --kind assistance|shifts|dossiers|population [--dry-run] [--strict] [--derive-ids] [--sheet NAME] [--json]
  npm run etl -- batches [--json]
  npm run etl -- rejects <batch> [--format csv|json]
  npm run etl -- revert <batch>
  npm run etl -- labels [--json]
  npm run etl -- map <kind> <label> <target> [--scope IMPORT_KIND|PROVINCE] [--json]
      kind: ${VOCABULARY_KINDS.join("|")}
      e.g. map help_type "Làm CCCD gắn chip" vneid · map commune "Xã Tà Nung cũ" 24817
           map header "Nơi hỗ trợ (xã)" commune --scope assistance
  npm run etl -- vocabulary [--kind KIND] [--json]
  npm run etl -- replay <batch>|--all [--json]`;

const KindSchema = z.enum(["assistance", "shifts", "dossiers", "population"]);
const BatchIdSchema = z.coerce.number().int().positive();

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        "derive-ids": { type: "boolean", default: false },
        sheet: { type: "string" },
        json: { type: "boolean", default: false },
        format: { type: "string", default: "csv" },
        scope: { type: "string" },
        all: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

function printSummary(io: CommandIo, s: ImportSummary): void {
  const sheet = s.sheet === null ? "" : ` «${s.sheet}»`;
  const head = `${s.file}${sheet} [${s.kind}] → ${s.status}${s.batch_id ? ` (batch ${s.batch_id})` : ""}`;
  io.console.log(head);
  if (s.status !== "already_loaded" && s.columns.length)
    io.console.log(`  columns: ${s.columns.map((c) => `"${c.header}" → ${c.field}`).join(" · ")}`);
  if (s.status === "already_loaded") {
    io.console.log(
      "  Tệp này đã được nạp; không có gì thay đổi. / This file was already loaded; nothing changed.",
    );
    return;
  }
  io.console.log(
    `  rows ${s.rows} · inserted ${s.inserted} · updated ${s.updated} · unchanged ${s.unchanged} · rejected ${s.rejected}`,
  );
  const skipped = Object.entries(s.skipped).map(([reason, n]) => `${reason} ${n}`);
  if (skipped.length)
    io.console.log(`  skipped (not records / không phải bản ghi): ${skipped.join(" · ")}`);
  for (const c of s.dropped_columns) {
    io.console.log(
      `  dropped column "${c.name}"${c.personal_data ? " (personal data / dữ liệu cá nhân)" : ""}`,
    );
  }
  for (const w of s.warnings) io.console.log(`  warning ${w.code} ×${w.count}: ${w.message_en}`);
  if (s.replaced_batches.length)
    io.console.log(`  replaced figures from batch(es) ${s.replaced_batches.join(", ")}`);
  if (s.error) io.console.log(`  ${s.error.message_vi}\n  ${s.error.message_en}`);
}

async function runImport(
  io: CommandIo,
  files: string[],
  values: ReturnType<typeof parse>["values"],
): Promise<number> {
  const kind = KindSchema.safeParse(values.kind);
  if (!kind.success)
    throw new UsageError(
      `--kind must be one of assistance, shifts, dossiers, population.\n\n${USAGE}`,
    );
  if (files.length === 0) throw new UsageError(`Give at least one file to import.\n\n${USAGE}`);
  const env = getEnv();
  const loadedBy = `cli:${io.user}`;
  let exit = 0;
  await io.withDatabase(async (database) => {
    for (const file of files) {
      const filePath = path.resolve(io.cwd, file);
      const bar = !values.json && io.stderrIsTTY ? await ProgressBar.forFile(filePath) : null;
      // A workbook: every sheet holding a table is a batch of its own (--sheet: that one only).
      const summaries = await importSheets(database.engine, {
        path: filePath,
        kind: kind.data,
        provinceCode: env.PROVINCE_CODE,
        loadedBy,
        dryRun: values["dry-run"],
        strict: values.strict,
        deriveIds: values["derive-ids"],
        sheet: values.sheet,
        onProgress: bar ? (rows) => bar.update(rows) : undefined,
      });
      bar?.done();
      for (const summary of summaries) {
        if (values.json) io.console.log(JSON.stringify(toJson(summary)));
        else printSummary(io, summary);
        if (summary.status === "rejected") exit = 1;
        // A dry run of a file that would not load (every row rejected, or --strict with rejects)
        // is not a success (issue 11).
        if (summary.status === "dry_run" && summary.error !== null) exit = 1;
      }
    }
  });
  return exit;
}

/** The documented --json shape (one object per file). */
function toJson(s: ImportSummary) {
  return {
    file: s.file,
    sheet: s.sheet,
    sha256: s.sha256,
    kind: s.kind,
    batch_id: s.batch_id,
    status: s.status,
    rows: s.rows,
    inserted: s.inserted,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    skipped: s.skipped,
    warnings: s.warnings,
    columns: s.columns,
    dropped_columns: s.dropped_columns,
    replaced_batches: s.replaced_batches,
    error: s.error,
  };
}

async function run(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.console.log(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case "import":
      return runImport(io, rest, values);
    case "batches":
      return io.withDatabase(async (database) => {
        const batches = await listBatches(database.db);
        if (values.json) io.console.log(JSON.stringify(batches));
        else
          io.console.table(batches.map((b) => ({ ...b, started_at: b.started_at.toISOString() })));
        return 0;
      });
    case "rejects": {
      const id = BatchIdSchema.safeParse(rest[0]);
      const format = z.enum(["csv", "json"]).safeParse(values.format);
      if (!id.success || !format.success) throw new UsageError(USAGE);
      return io.withDatabase(async (database) => {
        const rows = await listRejects(database.db, id.data);
        io.stdout.write(format.data === "json" ? JSON.stringify(rows) + "\n" : rejectsToCsv(rows));
        return 0;
      });
    }
    case "revert": {
      const id = BatchIdSchema.safeParse(rest[0]);
      if (!id.success) throw new UsageError(USAGE);
      return io.withDatabase(async (database) => {
        try {
          const result = await revertBatch(database.engine, id.data, getEnv().PROVINCE_CODE);
          io.console.log(
            `Batch ${result.batch_id} (${result.kind}) reverted: ${result.deleted} row(s) removed, ${result.restored} restored; months ${result.months.join(", ") || "—"}.`,
          );
          return 0;
        } catch (error) {
          if (!(error instanceof RevertError)) throw error;
          io.console.error(`${error.message_vi}\n${error.message_en}`);
          return 1;
        }
      });
    }
    case "labels":
      return io.withDatabase((database) =>
        withSession(database.engine, async (session) => {
          const bucketed = await listBucketedLabels(session);
          const quarantined = await listQuarantinedLabels(session);
          if (values.json) io.console.log(JSON.stringify({ bucketed, quarantined }));
          else {
            io.console.log("Counted in a bucket, label kept / Được tính vào nhóm chung, giữ nhãn:");
            for (const l of bucketed) io.console.log(`  ${l.kind}\t"${l.label}"\t${l.rows} row(s)`);
            io.console.log("Quarantined until mapped / Chờ ánh xạ rồi chạy lại (etl replay):");
            for (const l of quarantined)
              io.console.log(
                `  ${l.kind}\t"${l.label}"\t${l.rows} row(s)\t${l.reason_code}\tbatch ${l.batches.join(",")}`,
              );
          }
          return 0;
        }),
      );
    case "map": {
      const [kind, alias, target] = rest;
      const parsedKind = z.enum(VOCABULARY_KINDS as [string, ...string[]]).safeParse(kind);
      if (!parsedKind.success || !alias || !target) throw new UsageError(USAGE);
      return io.withDatabase(async (database) => {
        try {
          const result = await addMapping(database.engine, {
            kind: parsedKind.data as (typeof VOCABULARY_KINDS)[number],
            alias,
            target,
            scope: values.scope,
            provinceCode: getEnv().PROVINCE_CODE,
            addedBy: `cli:${io.user}`,
          });
          if (values.json) io.console.log(JSON.stringify(result));
          else
            io.console.log(
              `${result.kind} "${result.alias}" → ${result.target}: ${result.status}; ${result.rows_rederived} row(s) re-derived${result.months.length ? ` (months ${result.months.join(", ")})` : ""}. Quarantined rows: npm run etl -- replay --all`,
            );
          return 0;
        } catch (error) {
          if (!(error instanceof MappingError)) throw error;
          io.console.error(`${error.message_vi}\n${error.message_en}`);
          return 1;
        }
      });
    }
    case "vocabulary": {
      const kind =
        values.kind === undefined
          ? undefined
          : z.enum(VOCABULARY_KINDS as [string, ...string[]]).safeParse(values.kind);
      if (kind && !kind.success) throw new UsageError(USAGE);
      return io.withDatabase((database) =>
        withSession(database.engine, async (session) => {
          const entries = await listVocabulary(session, {
            kind: kind?.data as (typeof VOCABULARY_KINDS)[number] | undefined,
          });
          if (values.json) io.console.log(JSON.stringify(entries));
          else
            for (const e of entries)
              io.console.log(
                `${e.kind}${e.scope ? `[${e.scope}]` : ""}\t"${e.alias}"\t→ ${e.target}\t${e.origin}${e.added_by ? ` (${e.added_by})` : ""}`,
              );
          return 0;
        }),
      );
    }
    case "replay": {
      const id = values.all ? null : BatchIdSchema.safeParse(rest[0]);
      if (id && !id.success) throw new UsageError(USAGE);
      return io.withDatabase(async (database) => {
        const ids = id ? [id.data] : await withSession(database.engine, listReplayableBatches);
        try {
          for (const batchId of ids) {
            const result = await replayBatch(database.engine, batchId);
            if (values.json) io.console.log(JSON.stringify(result));
            else
              io.console.log(
                `Batch ${result.batch_id} (${result.kind}): ${result.replayed} quarantined row(s) replayed, ${result.loaded} loaded (${result.inserted} new, ${result.updated} updated), ${result.still_rejected} still rejected.`,
              );
          }
          if (ids.length === 0 && !values.json)
            io.console.log("Không có dòng nào chờ chạy lại. / No quarantined rows to replay.");
          return 0;
        } catch (error) {
          if (!(error instanceof ReplayError)) throw error;
          io.console.error(`${error.message_vi}\n${error.message_en}`);
          return 1;
        }
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

export const etlCommand: Command = { name: "etl", run };
