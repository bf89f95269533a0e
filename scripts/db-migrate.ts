// npm run db:migrate: see scripts/commands/db-migrate.ts. Runs here, or in the running server that
// owns the embedded data directory (ADR 011).
import { dbMigrateCommand } from "./commands/db-migrate";
import { runCommand } from "./lib/cli";

runCommand(dbMigrateCommand);
