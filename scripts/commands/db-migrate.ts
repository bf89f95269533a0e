// npm run db:migrate — applies pending migrations in sql/migrations/ and (re)loads reference data.
import { migrate } from "~/lib/db/migrate.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import type { Command, CommandIo } from "../lib/cli";

async function run(_argv: string[], io: CommandIo): Promise<number> {
  return io.withRawDatabase(async (database) => {
    const result = await migrate(database.engine);
    const seeded = await seedReference(database.db);
    io.console.log(
      `${database.engine.kind} ${database.location}: ${result.applied.length} migration(s) applied` +
        (result.applied.length ? ` (${result.applied.join(", ")})` : "") +
        `, ${result.alreadyApplied} already applied; reference data ${seeded.changed ? `loaded (${seeded.rows} rows)` : "up to date"}.`,
    );
    return 0;
  });
}

export const dbMigrateCommand: Command = { name: "db-migrate", run };
