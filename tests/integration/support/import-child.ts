// Child process for the kill test: opens the database named by DATA_DIR / DATABASE_URL, prints
// READY, imports one file, and SIGKILLs itself when the import reaches KILL_STAGE (if set). The
// parent may also SIGKILL it at a seeded moment after READY.
import { openDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import type { ImportStage } from "~/lib/etl/import-file.server";
import { importFile } from "~/lib/etl/import-file.server";

const [file] = process.argv.slice(2);
const killStage = process.env.KILL_STAGE as ImportStage | undefined;
const database = await openDatabase(getEnv());
process.stdout.write("READY\n");
const summary = await importFile(database.engine, {
  path: file!,
  kind: "assistance",
  provinceCode: "68",
  loadedBy: "kill-test",
  now: new Date("2026-03-01T05:00:00Z"),
  onStage: (stage) => {
    if (stage === killStage) process.kill(process.pid, "SIGKILL");
  },
});
process.stdout.write(
  `DONE ${JSON.stringify({ status: summary.status, batch_id: summary.batch_id })}\n`,
);
await database.engine.close();
