// npm run users -- <command>: see scripts/commands/users.ts. Runs here, or in the running server
// that owns the embedded data directory (ADR 011).
import { usersCommand } from "./commands/users";
import { runCommand } from "./lib/cli";

runCommand(usersCommand);
