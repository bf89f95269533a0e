// npm run db:backup -- FILE — the whole database in one file (ADR 011): a PGlite data-directory
// tarball, or pg_dump's custom format on PostgreSQL. With the server running on the embedded
// engine, the server writes the snapshot (it owns the directory); FILE is the CLI's path.
import path from "node:path";
import { BackupError, backupDatabase } from "~/lib/db/backup.server";
import { UsageError, type Command, type CommandIo } from "../lib/cli";

const USAGE = "Usage: npm run db:backup -- FILE";

async function run(argv: string[], io: CommandIo): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith("-")) throw new UsageError(USAGE);
  const file = path.resolve(io.cwd, argv[0]!);
  const started = performance.now();
  try {
    const result = await io.withDatabase((database) =>
      backupDatabase(database, file, io.databaseUrl),
    );
    io.console.log(
      `Đã sao lưu / backed up (${result.format}): ${result.file} · ${(result.bytes / 1024 / 1024).toFixed(1)} MB · ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.console.error(error.message);
    return 1;
  }
}

export const dbBackupCommand: Command = { name: "db-backup", run };
