// Shared bits of the command-line scripts: usage errors exit 2, environment errors name the
// variable, and the database is opened, migrated and closed in one place.
import { migrate, MigrationError } from "~/lib/db/migrate.server";
import type { Database } from "~/lib/db.server";
import { openDatabase } from "~/lib/db.server";
import { EnvError, getEnv } from "~/lib/env.server";
import { seedReference } from "~/lib/reference/seed-reference.server";

export class UsageError extends Error {}

export async function withCliDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(getEnv());
  try {
    await migrate(database.engine);
    await seedReference(database.db);
    return await fn(database);
  } finally {
    await database.engine.close();
  }
}

/** Runs a CLI main function with the exit-code conventions of all our scripts. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        error instanceof EnvError ||
        error instanceof MigrationError
      ) {
        console.error(error.message);
        process.exitCode = error instanceof UsageError ? 2 : 1;
        return;
      }
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
