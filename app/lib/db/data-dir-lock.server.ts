// One owner per embedded data directory (ADR 011). PGlite is one process's files: a second
// process that opens the same directory corrupts it. Every process that opens a directory
// (server, CLI, migrations, tests) first creates `<dir>.lock` beside it, atomically (link(2) of a
// finished temp file, so the lock never exists half-written), holding its pid and the pid's start
// time. The file is removed on close or exit; after a crash it stays, and the next process
// recognises it as stale because that pid is gone (or now belongs to another program).
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export type OwnerRole = "server" | "cli" | "migrate" | "test" | "process";

export interface ControlEndpoint {
  /** Unix socket of the running server's control channel (app/lib/server/control-channel). */
  socket: string;
  /** Shared secret the client proves it can read this owner-only file with. */
  token: string;
}

export interface DataDirOwner {
  pid: number;
  /** /proc/<pid>/stat start time: tells a live owner from a later process that reused its pid. */
  pid_start: string | null;
  host: string;
  role: OwnerRole;
  command: string;
  /** ISO time the owner took the directory. */
  since: string;
  /** Set by a server once it accepts commands from the CLI. */
  control?: ControlEndpoint;
  /** Identifies this holding, so a release never removes someone else's lock. */
  nonce: string;
}

export interface OwnerInfo {
  role: OwnerRole;
  command?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: DataDirOwner,
  ) {
    const since = new Date(owner.since);
    const at = Number.isNaN(since.getTime()) ? owner.since : since.toISOString();
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình khác sử dụng (${owner.role}, pid ${owner.pid}, từ ${at}). ` +
        `Hãy chờ tiến trình đó kết thúc, hoặc dừng nó, rồi thử lại.\n` +
        `The data directory ${dir} is in use by another process (${owner.role}, pid ${owner.pid}, since ${at}). ` +
        `Wait for it to finish, or stop it, then try again.`,
    );
    this.name = "DataDirBusyError";
  }
}

export interface DataDirLock {
  readonly dir: string;
  readonly path: string;
  owner(): DataDirOwner;
  /** Rewrites the lock's content (e.g. to announce the control channel); still ours. */
  update(patch: Partial<Pick<DataDirOwner, "control">>): void;
  release(): void;
}

export function lockPathFor(dir: string): string {
  return `${dir.replace(/\/+$/, "")}.lock`;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime), counted after the command name, which may itself hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the process named in the lock still runs (same host; pid not reused). */
export function ownerAlive(owner: DataDirOwner): boolean {
  // Another machine on a shared disk: we cannot see its processes, so it counts as alive.
  if (owner.host !== hostname()) return true;
  if (!pidAlive(owner.pid)) return false;
  if (owner.pid_start === null) return true;
  return processStart(owner.pid) === owner.pid_start;
}

function readOwner(lockPath: string): DataDirOwner | null | "unreadable" {
  let text: string;
  try {
    text = readFileSync(lockPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "EACCES") return "unreadable";
    throw error;
  }
  try {
    return JSON.parse(text) as DataDirOwner;
  } catch {
    return "unreadable";
  }
}

/** The live owner of a directory, or null when it is free (a stale lock counts as free). */
export function readDataDirOwner(dir: string): DataDirOwner | null {
  const owner = readOwner(lockPathFor(dir));
  if (owner === null) return null;
  if (owner === "unreadable") return unknownOwner();
  return ownerAlive(owner) ? owner : null;
}

function unknownOwner(): DataDirOwner {
  // Another user's lock (0600) or foreign content: never guess that it is stale.
  return {
    pid: 0,
    pid_start: null,
    host: "?",
    role: "process",
    command: "?",
    since: "?",
    nonce: "?",
  };
}

/** Writes content to path only if path does not exist yet, all at once. */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock; the breaker file makes sure
 * only one removes it, so neither can delete the fresh lock the other just created.
 */
function breakStaleLock(lockPath: string, stale: DataDirOwner): void {
  const breaker = `${lockPath}.break`;
  const me = JSON.stringify({ pid: process.pid, pid_start: processStart(process.pid) });
  if (!createExclusive(breaker, me)) {
    const holder = readOwner(breaker);
    // A breaker left by a process that died within this tiny window: remove it, retry later.
    if (holder !== null && holder !== "unreadable" && !ownerAlive({ ...holder, host: hostname() }))
      tryUnlink(breaker);
    return;
  }
  try {
    const current = readOwner(lockPath);
    if (current !== null && current !== "unreadable" && current.nonce === stale.nonce)
      tryUnlink(lockPath);
  } finally {
    tryUnlink(breaker);
  }
}

const HELD = Symbol.for("cau-noi-so.data-dir-locks");
type GlobalWithLocks = typeof globalThis & { [HELD]?: Map<string, DataDirLock> };
const held = ((globalThis as GlobalWithLocks)[HELD] ??= new Map<string, DataDirLock>());
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A normal exit (process.exit, end of the event loop) releases every lock still held; a kill
  // leaves the file, which the next owner detects as stale.
  process.on("exit", () => {
    for (const lock of [...held.values()]) lock.release();
  });
}

export interface AcquireOptions extends OwnerInfo {
  /**
   * How long to wait for a live owner to let go, in ms (0: refuse at once). shouldWait may
   * refuse earlier, e.g. a server does not wait for another server.
   */
  waitMs?: number;
  shouldWait?: (owner: DataDirOwner) => boolean;
  /** Called once when the wait starts, to tell the user why nothing happens. */
  onWait?: (owner: DataDirOwner) => void;
}

function describeCommand(): string {
  return process.argv
    .slice(1)
    .map((a) => a.replace(/^.*\/(?=[^/]+$)/, ""))
    .join(" ")
    .slice(0, 200);
}

/** Takes the directory for this process, or throws DataDirBusyError naming the owner. */
export async function acquireDataDirLock(
  dir: string,
  options: AcquireOptions,
): Promise<DataDirLock> {
  const lockPath = lockPathFor(dir);
  // A new DATA_DIR is the owner's alone (the lock holds the control channel's token).
  mkdirSync(path.dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + (options.waitMs ?? 0);
  let told = false;
  for (;;) {
    const owner: DataDirOwner = {
      pid: process.pid,
      pid_start: processStart(process.pid),
      host: hostname(),
      role: options.role,
      command: options.command ?? describeCommand(),
      since: new Date().toISOString(),
      nonce: randomBytes(12).toString("hex"),
    };
    if (createExclusive(lockPath, JSON.stringify(owner))) return register(dir, lockPath, owner);
    const current = readOwner(lockPath);
    if (current === null) continue;
    const live = current === "unreadable" ? unknownOwner() : current;
    if (current !== "unreadable" && !ownerAlive(current)) {
      breakStaleLock(lockPath, current);
      continue;
    }
    const wait = options.shouldWait?.(live) ?? true;
    if (!wait || Date.now() >= deadline) throw new DataDirBusyError(dir, live);
    if (!told) {
      told = true;
      options.onWait?.(live);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function register(dir: string, lockPath: string, initial: DataDirOwner): DataDirLock {
  let owner = initial;
  let released = false;
  const lock: DataDirLock = {
    dir,
    path: lockPath,
    owner: () => owner,
    update(patch) {
      if (released) return;
      owner = { ...owner, ...patch };
      // rename(2) replaces the file atomically: readers see the old or the new content.
      const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(temp, JSON.stringify(owner), { mode: 0o600 });
      renameSync(temp, lockPath);
    },
    release() {
      if (released) return;
      released = true;
      held.delete(lockPath);
      const current = readOwner(lockPath);
      if (current !== null && current !== "unreadable" && current.nonce === owner.nonce)
        tryUnlink(lockPath);
    },
  };
  held.set(lockPath, lock);
  installExitHook();
  return lock;
}
