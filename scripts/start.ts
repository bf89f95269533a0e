// npm start — the whole quick start in one process: check the environment, build the app if no
// build exists, open the database (PGlite under DATA_DIR, or DATABASE_URL), migrate, load the
// reference data, load the sample data through the real ETL on a fresh database, then serve.
import "./lib/node-env";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { migrate } from "~/lib/db/migrate.server";
import { closeDatabase, openDatabase, setDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getDemoModeStatus } from "~/lib/auth/demo-mode.server";
import { recoverInterruptedBatches } from "~/lib/etl/import-file.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { buildExists, closeHttpServer, startHttpServer } from "~/lib/server/http-server.server";
import { loadSampleIfEmpty } from "~/lib/server/load-sample.server";
import { runCli } from "./lib/cli";

const log = (message: string) => console.log(`[cau-noi-so] ${message}`);

runCli(async () => {
  const started = performance.now();
  const dev = process.argv.includes("--dev");
  const env = getEnv();

  if (!dev && !buildExists()) {
    log("no build found: building the app (remix build)…");
    const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], {
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error("remix build failed");
  }

  const database = await openDatabase(env);
  setDatabase(database);
  log(`database: ${database.engine.kind} (${database.location})`);
  const migrated = await migrate(database.engine);
  if (migrated.applied.length) log(`migrations applied: ${migrated.applied.join(", ")}`);
  const seeded = await seedReference(database.db);
  if (seeded.changed) log(`reference data loaded: ${seeded.rows} rows`);
  const interrupted = await recoverInterruptedBatches(database.engine);
  if (interrupted.length)
    log(`import batch(es) ${interrupted.join(", ")} had been interrupted: marked failed`);
  if (env.SAMPLE_DATA === "auto") await loadSampleIfEmpty(database, env, log);
  const demo = await getDemoModeStatus(database.db, env);
  log(`demo mode: ${demo.active ? "on" : "off"} (${demo.reason})`);

  const server = await startHttpServer({ port: env.PORT, host: env.HOST, dev });
  const shown = env.HOST === "127.0.0.1" || env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  log(
    `ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://${shown}:${env.PORT}`,
  );
  // Warm the server build's caches (map boundaries, first queries) so the first visitor doesn't
  // pay for them; the build is a separate module graph, so only a real request reaches them.
  const local =
    env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  fetch(`http://${local}:${env.PORT}/`).catch(() => undefined);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing open requests…`);
    await closeHttpServer(server);
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return 0;
});
