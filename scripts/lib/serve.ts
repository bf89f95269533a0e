// The server's life (npm start, and the tests that run a real server with a probe build): check
// the environment, build the app if no build exists, take and open the database (PGlite under
// DATA_DIR, or DATABASE_URL), migrate, load the reference data, load the sample data through the
// real ETL on a fresh database, serve, accept CLI commands on the control channel (ADR 011), and
// on SIGTERM/SIGINT drain requests and commands, then close the database cleanly.
import { spawnSync } from "node:child_process";
import type { Server } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { migrate } from "~/lib/db/migrate.server";
import { closeDatabase, openDatabase, setDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getDemoModeStatus } from "~/lib/auth/demo-mode.server";
import { recoverInterruptedBatches } from "~/lib/etl/import-file.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { buildExists, closeHttpServer, startHttpServer } from "~/lib/server/http-server.server";
import { loadSampleIfEmpty } from "~/lib/server/load-sample.server";
import { startControlChannel, type ControlChannel } from "~/lib/server/control-channel.server";
import { dbBackupCommand } from "../commands/db-backup";
import { dbMigrateCommand } from "../commands/db-migrate";
import { dbMoveCommand } from "../commands/db-move";
import { dbRestoreCommand } from "../commands/db-restore";
import { etlCommand } from "../commands/etl";
import { usersCommand } from "../commands/users";
import { exitCodeFor, forwardedIo, type Command } from "./cli";

const log = (message: string) => console.log(`[cau-noi-so] ${message}`);

const COMMANDS: Record<Command["name"], Command> = {
  etl: etlCommand,
  users: usersCommand,
  "db-migrate": dbMigrateCommand,
  "db-backup": dbBackupCommand,
  // Listed for completeness; the CLI never sends these (ownsDirectory): stop the server first.
  "db-restore": dbRestoreCommand,
  "db-move": dbMoveCommand,
};

export interface ServeOptions {
  dev: boolean;
  /** A Remix build to serve instead of build/index.js (tests of the server's life). */
  build?: ServerBuild;
}

export async function serve(options: ServeOptions): Promise<number> {
  const started = performance.now();
  const { dev } = options;
  const env = getEnv();

  if (!dev && !options.build && !buildExists()) {
    log("no build found: building the app (remix build)…");
    const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], {
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error("remix build failed");
  }

  const database = await openDatabase(env, {
    owner: {
      role: "server",
      waitMs: env.LOCK_WAIT_SECONDS * 1000,
      // A command-line import finishes, so wait for it; another server never lets go.
      shouldWait: (owner) => owner.role !== "server",
      onWait: (owner) =>
        log(
          `đang chờ ${owner.role} (pid ${owner.pid}) trả lại thư mục dữ liệu / waiting for ${owner.role} (pid ${owner.pid}) to release the data directory…`,
        ),
    },
  });
  setDatabase(database);
  // From here a signal closes the database cleanly, even while the server is still starting.
  const running: { server?: Server; control?: ControlChannel } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing open requests and commands…`);
    await Promise.all([
      running.server && closeHttpServer(running.server),
      running.control?.close(),
    ]);
    await closeDatabase();
    log("database closed");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
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

  running.server = await startHttpServer({
    port: env.PORT,
    host: env.HOST,
    dev,
    build: options.build,
  });
  if (database.lock) {
    running.control = await startControlChannel(database.lock, async (request, streams) => {
      const command = COMMANDS[request.command];
      const io = forwardedIo(request, streams, database);
      // Only the command's name: its arguments may hold a password.
      log(`command from the CLI (${request.user}): ${request.command} ${request.argv[0] ?? ""}`);
      try {
        return await command.run(request.argv, io);
      } catch (error) {
        return exitCodeFor(error, (text) => io.console.error(text));
      }
    });
  }
  const shown = env.HOST === "127.0.0.1" || env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  log(
    `ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://${shown}:${env.PORT}`,
  );
  // Warm the server build's caches (map boundaries, first queries) so the first visitor doesn't
  // pay for them; the build is a separate module graph, so only a real request reaches them.
  const local =
    env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  fetch(`http://${local}:${env.PORT}/`).catch(() => undefined);

  return 0;
}
