// npm run etl -- <command>: see scripts/commands/etl.ts. Runs here, or in the running server that
// owns the embedded data directory (ADR 011).
import { etlCommand } from "./commands/etl";
import { runCommand } from "./lib/cli";

runCommand(etlCommand);
