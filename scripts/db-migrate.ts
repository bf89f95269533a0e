// npm run db:migrate — applies pending migrations in sql/migrations/ and (re)loads reference data.
import { migrate } from "~/lib/db/migrate.server";
import { openDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { runCli } from "./lib/cli";

runCli(async () => {
  const database = await openDatabase(getEnv());
  try {
    const result = await migrate(database.engine);
    const seeded = await seedReference(database.db);
    console.log(
      `${database.engine.kind} ${database.location}: ${result.applied.length} migration(s) applied` +
        (result.applied.length ? ` (${result.applied.join(", ")})` : "") +
        `, ${result.alreadyApplied} already applied; reference data ${seeded.changed ? `loaded (${seeded.rows} rows)` : "up to date"}.`,
    );
    return 0;
  } finally {
    await database.engine.close();
  }
});
