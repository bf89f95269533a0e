// The real server's life (scripts/lib/serve.ts: data-directory lock, migrations, control channel,
// signal handling) serving a probe build with the real /healthz route. Loaded by server-child.ts.
import * as healthz from "~/routes/healthz";
import { runCli } from "../../../scripts/lib/cli";
import { serve } from "../../../scripts/lib/serve";
import { probeBuild } from "../../support/probe-build";

runCli(() =>
  serve({
    dev: false,
    build: probeBuild({ "routes/healthz": { path: "healthz", module: healthz } }),
  }),
);
