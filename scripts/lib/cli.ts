// Shared bits of the command-line scripts: usage errors exit 2, environment errors name the
// variable, and the database is opened, migrated and closed in one place.
//
// The database commands (etl, users, db:migrate) are functions of (argv, io) so that the same
// code runs in the CLI's own process or inside the running server (ADR 011). On the embedded
// engine the CLI first looks at the data directory's owner: free → it takes the directory
// itself; a server with a control channel → the command runs there; another CLI (or a server
// still starting) → it waits a bounded time, then refuses in Vietnamese and English.
import path from "node:path";
import { Console } from "node:console";
import { userInfo } from "node:os";
import type { Writable } from "node:stream";
import { migrate, MigrationError } from "~/lib/db/migrate.server";
import type { Database } from "~/lib/db.server";
import { openDatabase, pgliteDirFor } from "~/lib/db.server";
import {
  acquireDataDirLock,
  DataDirBusyError,
  readDataDirOwner,
  type DataDirLock,
  type DataDirOwner,
} from "~/lib/db/data-dir-lock.server";
import { EnvError, getEnv, type Env } from "~/lib/env.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import {
  ControlUnavailableError,
  sendControlCommand,
  type ControlRequest,
} from "~/lib/server/control-channel.server";

/**
 * The folder the user ran the command from. `npm run` starts scripts in the package root and says
 * where it was called in INIT_CWD, so `npm run etl -- import ./oct.csv` from a subfolder finds the
 * file the user means. INIT_CWD is inherited by every child process, so it is trusted only while
 * this process still runs in the package root npm started it in.
 */
function userCwd(): string {
  const { INIT_CWD, npm_package_json } = process.env;
  const startedByNpm =
    npm_package_json !== undefined && path.dirname(npm_package_json) === process.cwd();
  return INIT_CWD && startedByNpm ? INIT_CWD : process.cwd();
}

export class UsageError extends Error {}

export interface CommandIo {
  console: Console;
  stdout: Pick<Writable, "write">;
  stderrIsTTY: boolean;
  /** Where the user typed the command: relative file names are resolved against it. */
  cwd: string;
  /** OS user who ran the command (recorded as `cli:<user>`). */
  user: string;
  /** Standard input as text: piped input, or one line typed at a terminal after a prompt. */
  readStdin(prompt: string): Promise<string>;
  /** The database, migrated and with reference data: the CLI's own, or the running server's. */
  withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  /** Set when the command runs in its own process on PostgreSQL (pg_dump needs the URL). */
  databaseUrl?: string | undefined;
  /** The embedded directory and its lock, when this process took it (db:restore fills it). */
  dataDir?: { dir: string; lock: DataDirLock | undefined };
  /** The database as it is, before migrations (db:migrate reports what it applies). */
  withRawDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T>;
}

export type CommandName = ControlRequest["command"];

export interface Command {
  name: CommandName;
  run(argv: string[], io: CommandIo): Promise<number>;
  /** Never sent to a running server: the command needs the directory to itself (db:restore). */
  ownsDirectory?: boolean;
  /** Whether this invocation reads stdin (read by the CLI before it sends the command away). */
  readsStdin?(argv: string[]): string | null;
}

/** The exit-code conventions of all our scripts for an error a command threw. */
export function exitCodeFor(error: unknown, print: (text: string) => void): number {
  if (
    error instanceof UsageError ||
    error instanceof EnvError ||
    error instanceof MigrationError ||
    error instanceof DataDirBusyError
  ) {
    print(error.message);
    return error instanceof UsageError ? 2 : 1;
  }
  print(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}

/** Runs a CLI main function with the exit-code conventions of all our scripts. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = exitCodeFor(error, (text) => console.error(text));
    },
  );
}

async function readProcessStdin(prompt: string): Promise<string> {
  if (process.stdin.isTTY) {
    const { createInterface } = await import("node:readline");
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await new Promise<string>((resolve) => rl.question(prompt, resolve));
    } finally {
      rl.close();
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo secret | …` adds one newline; it is not part of the input.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** io for a command running in this process on a database it opens (at most once) itself. */
function localIo(env: Env, lock: DataDirLock | undefined): CommandIo & { close(): Promise<void> } {
  let opened: Promise<Database> | undefined;
  let prepared: Promise<Database> | undefined;
  const open = () => (opened ??= openDatabase(env, lock ? { lock } : { owner: { role: "cli" } }));
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : { dir: pgliteDirFor(env), lock },
    console: globalThis.console,
    stdout: process.stdout,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: userCwd(),
    user: userInfo().username,
    readStdin: readProcessStdin,
    async withDatabase(fn) {
      prepared ??= open().then(async (database) => {
        await migrate(database.engine);
        await seedReference(database.db);
        return database;
      });
      return fn(await prepared);
    },
    async withRawDatabase(fn) {
      return fn(await open());
    },
    async close() {
      if (opened) await (await opened.catch(() => undefined))?.engine.close();
      lock?.release();
    },
  };
}

/** io for a command the server runs for a CLI on its own (open, migrated) database. */
export function forwardedIo(
  request: ControlRequest,
  streams: { stdout: Writable; stderr: Writable },
  database: Database,
): CommandIo {
  return {
    console: new Console({ stdout: streams.stdout, stderr: streams.stderr }),
    stdout: streams.stdout,
    stderrIsTTY: false,
    cwd: request.cwd,
    user: request.user,
    readStdin: async () => request.stdin ?? "",
    withDatabase: (fn) => fn(database),
    withRawDatabase: (fn) => fn(database),
  };
}

function describeOwner(owner: DataDirOwner): string {
  return `${owner.role}, pid ${owner.pid}, ${owner.since}`;
}

async function runLocally(command: Command, argv: string[], env: Env, lock?: DataDirLock) {
  const io = localIo(env, lock);
  try {
    return await command.run(argv, io);
  } finally {
    await io.close();
  }
}

/**
 * The entry point of a database command: runs it here, or in the server that owns the embedded
 * data directory, or refuses after LOCK_WAIT_SECONDS.
 */
export function runCommand(command: Command): void {
  runCli(async () => {
    const argv = process.argv.slice(2);
    const env = getEnv();
    // A PostgreSQL server takes any number of clients; only the embedded directory has one owner.
    if (env.DATABASE_URL) return runLocally(command, argv, env);

    const dir = pgliteDirFor(env);
    const deadline = Date.now() + env.LOCK_WAIT_SECONDS * 1000;
    let stdin: string | undefined;
    let told = "";
    for (;;) {
      const owner = readDataDirOwner(dir);
      if (!owner) {
        try {
          const lock = await acquireDataDirLock(dir, { role: "cli" });
          return await runLocally(command, argv, env, lock);
        } catch (error) {
          if (error instanceof DataDirBusyError) continue; // someone was quicker: look again
          throw error;
        }
      }
      if (command.ownsDirectory) throw new DataDirBusyError(dir, owner);
      if (owner.control) {
        const prompt = command.readsStdin?.(argv);
        if (prompt !== null && prompt !== undefined && stdin === undefined)
          stdin = await readProcessStdin(prompt);
        try {
          return await sendControlCommand(
            owner.control,
            { command: command.name, argv, cwd: userCwd(), user: userInfo().username, stdin },
            { stdout: process.stdout, stderr: process.stderr },
          );
        } catch (error) {
          // The server is starting or stopping: its channel comes back, or the directory frees.
          if (!(error instanceof ControlUnavailableError)) throw error;
        }
      }
      if (Date.now() >= deadline) throw new DataDirBusyError(dir, owner);
      const state = describeOwner(owner);
      if (told !== state) {
        told = state;
        console.error(
          `Đang chờ: thư mục dữ liệu đang được dùng (${state}).\n` +
            `Waiting: the data directory is in use (${state}).`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
}
