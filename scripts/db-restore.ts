// npm run db:restore -- FILE: see scripts/commands/db-restore.ts (into an empty target only).
import { dbRestoreCommand } from "./commands/db-restore";
import { runCommand } from "./lib/cli";

runCommand(dbRestoreCommand);
