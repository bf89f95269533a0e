// npm run db:restore -- FILE — a db:backup file into an EMPTY target (ADR 011): the DATA_DIR of
// the embedded engine (its pglite directory must not exist yet), or the empty database named by
// DATABASE_URL (pg_restore). Never sent to a running server: stop it first.
import path from "node:path";
import { BackupError, restoreIntoPglite, restoreIntoPostgres } from "~/lib/db/backup.server";
import { UsageError, type Command, type CommandIo } from "../lib/cli";

const USAGE =
  "Usage: npm run db:restore -- FILE   (into an empty DATA_DIR, or an empty DATABASE_URL)";

async function run(argv: string[], io: CommandIo): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith("-")) throw new UsageError(USAGE);
  const file = path.resolve(io.cwd, argv[0]!);
  const started = performance.now();
  try {
    if (io.databaseUrl) await restoreIntoPostgres(io.databaseUrl, file);
    else if (io.dataDir) await restoreIntoPglite(io.dataDir.dir, file, io.dataDir.lock);
    else throw new Error("db:restore runs only in its own process");
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.console.error(error.message);
    return 1;
  }
  io.console.log(
    `Đã khôi phục / restored ${file} into ${io.databaseUrl ? "PostgreSQL" : io.dataDir!.dir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

export const dbRestoreCommand: Command = { name: "db-restore", run, ownsDirectory: true };
