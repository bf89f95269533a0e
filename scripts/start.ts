// npm start — the whole quick start in one process (scripts/lib/serve.ts).
import "./lib/node-env";
import { runCli } from "./lib/cli";
import { serve } from "./lib/serve";

runCli(() => serve({ dev: process.argv.includes("--dev") }));
