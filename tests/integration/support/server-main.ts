// The real server's life (scripts/lib/serve.ts: data-directory lock, migrations, control channel,
// signal handling) serving a probe build with the real /healthz, /login and /api/v1 routes. Loaded by server-child.ts.
import * as apiResource from "~/routes/api.v1.$resource";
import * as healthz from "~/routes/healthz";
import * as login from "~/routes/login";
import { runCli } from "../../../scripts/lib/cli";
import { serve } from "../../../scripts/lib/serve";
import { probeBuild } from "../../support/probe-build";

runCli(() =>
  serve({
    dev: false,
    build: probeBuild({
      "routes/healthz": { path: "healthz", module: healthz },
      "routes/login": { path: "login", module: login },
      "routes/api.v1.$resource": { path: "api/v1/:resource", module: apiResource },
    }),
  }),
);
