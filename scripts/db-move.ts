// npm run db:move -- --to postgres://…: see scripts/commands/db-move.ts (stop the server first).
import { dbMoveCommand } from "./commands/db-move";
import { runCommand } from "./lib/cli";

runCommand(dbMoveCommand);
