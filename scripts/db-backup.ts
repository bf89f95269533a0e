// npm run db:backup -- FILE: see scripts/commands/db-backup.ts. Runs here, or in the running server
// that owns the embedded data directory (ADR 011).
import { dbBackupCommand } from "./commands/db-backup";
import { runCommand } from "./lib/cli";

runCommand(dbBackupCommand);
