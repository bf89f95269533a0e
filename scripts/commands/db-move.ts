// npm run db:move -- --to postgres://… — copies the embedded database (DATA_DIR) into an empty
// PostgreSQL database and verifies it (app/lib/db/move.server.ts, ADR 011). Needs the directory
// to itself: stop the server first. Afterwards start with DATABASE_URL set to the target.
import { parseArgs } from "node:util";
import { BackupError } from "~/lib/db/backup.server";
import { moveToPostgres } from "~/lib/db/move.server";
import { redactUrl } from "~/lib/db.server";
import { UsageError, type Command, type CommandIo } from "../lib/cli";

const USAGE = "Usage: npm run db:move -- --to postgres://user:password@host:5432/database";

async function run(argv: string[], io: CommandIo): Promise<number> {
  let to: string | undefined;
  try {
    to = parseArgs({ args: argv, options: { to: { type: "string" } } }).values.to;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (!to || !/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(to)) throw new UsageError(USAGE);
  if (io.databaseUrl)
    throw new UsageError(
      `db:move đọc cơ sở dữ liệu nhúng: bỏ DATABASE_URL. / db:move reads the embedded database: unset DATABASE_URL.\n\n${USAGE}`,
    );
  const started = performance.now();
  try {
    const result = await io.withDatabase((database) =>
      moveToPostgres(database, to, (line) => io.console.log(`  ${line}`)),
    );
    const rows = result.tables.reduce((n, t) => n + t.rows, 0);
    io.console.log(
      `Đã chuyển và kiểm tra / moved and verified: ${result.tables.length} tables, ${rows} rows → ${redactUrl(to)} in ${((performance.now() - started) / 1000).toFixed(1)} s; ${result.sessionsRevoked} session(s) revoked (everyone signs in again).\n` +
        `Next: DATABASE_URL=${redactUrl(to)} npm start`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.console.error(error.message);
    return 1;
  }
}

export const dbMoveCommand: Command = { name: "db-move", run, ownsDirectory: true };
