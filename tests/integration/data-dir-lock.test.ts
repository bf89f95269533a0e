// The embedded data directory's owner lock (ADR 011): one holder at a time, in this process or
// another; a killed holder's lock is stale (pid gone, or the pid now belongs to another program)
// and is taken over; the lock file is the owner's alone; PGlite never opens a held directory.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  acquireDataDirLock,
  DataDirBusyError,
  lockPathFor,
  readDataDirOwner,
} from "~/lib/db/data-dir-lock.server";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { runTs } from "./support/child-process";

const root = mkdtempSync(path.join(tmpdir(), "cns-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `d${++n}`, "pglite");

describe("data directory owner lock", { timeout: 120_000 }, () => {
  it("admits one holder; the second is refused with both languages and the owner named", async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir, { role: "server" });
    expect(statSync(lockPathFor(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(dir)).mode & 0o777).toBe(0o700);
    const refused = await acquireDataDirLock(dir, { role: "cli" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirBusyError);
    const message = (refused as Error).message;
    expect(message).toContain("đang được tiến trình khác sử dụng");
    expect(message).toContain("is in use by another process (server, pid " + process.pid);
    expect(readDataDirOwner(dir)?.role).toBe("server");
    lock.release();
    expect(existsSync(lockPathFor(dir))).toBe(false);
    expect(readDataDirOwner(dir)).toBeNull();
    (await acquireDataDirLock(dir, { role: "cli" })).release();
  });

  it("waits for a holder that lets go, within the bound", async () => {
    const dir = freshDir();
    const lock = await acquireDataDirLock(dir, { role: "cli" });
    let waited = false;
    setTimeout(() => lock.release(), 500);
    const second = await acquireDataDirLock(dir, {
      role: "server",
      waitMs: 10_000,
      onWait: () => (waited = true),
    });
    expect(waited).toBe(true);
    expect(second.owner().role).toBe("server");
    second.release();
  });

  it("takes over the lock of a SIGKILLed process, and of a pid reused by another program", async () => {
    const dir = freshDir();
    const holder = runTs("tests/integration/support/lock-holder.ts", [dir, "cli"], {});
    await holder.waitFor(/HELD/);
    const owner = readDataDirOwner(dir);
    expect(owner?.pid).toBe(holder.child.pid);
    await expect(acquireDataDirLock(dir, { role: "cli" })).rejects.toBeInstanceOf(DataDirBusyError);
    holder.child.kill("SIGKILL");
    await holder.ended;
    // The file is still there: a kill runs no exit handler.
    expect(existsSync(lockPathFor(dir))).toBe(true);
    expect(readDataDirOwner(dir)).toBeNull();
    const lock = await acquireDataDirLock(dir, { role: "cli" });
    expect(lock.owner().pid).toBe(process.pid);
    lock.release();

    // A lock naming a live pid (ours) with another start time: a dead owner whose pid came back.
    writeFileSync(
      lockPathFor(dir),
      JSON.stringify({
        pid: process.pid,
        pid_start: "1",
        host: hostname(),
        role: "server",
        command: "old",
        since: "2026-01-01T00:00:00Z",
        nonce: "old",
      }),
      { mode: 0o600 },
    );
    expect(readDataDirOwner(dir)).toBeNull();
    const again = await acquireDataDirLock(dir, { role: "cli" });
    expect(JSON.parse(readFileSync(lockPathFor(dir), "utf8"))).toMatchObject({ role: "cli" });
    again.release();
  });

  it("never lets PGlite open a directory another process holds", async () => {
    const dir = freshDir();
    const holder = runTs("tests/integration/support/lock-holder.ts", [dir, "server"], {});
    await holder.waitFor(/HELD/);
    await expect(openPgliteEngine(dir)).rejects.toBeInstanceOf(DataDirBusyError);
    // Refused before the directory was touched.
    expect(existsSync(dir)).toBe(false);
    holder.child.kill("SIGKILL");
    await holder.ended;
    const engine = await openPgliteEngine(dir, { owner: { role: "test" } });
    await expect(openPgliteEngine(dir)).rejects.toBeInstanceOf(DataDirBusyError);
    await engine.close();
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });
});
