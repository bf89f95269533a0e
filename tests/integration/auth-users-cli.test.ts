// `npm run users` as a child process (tsx scripts/users.ts) against a real database: add (password
// by flag or piped on stdin), passwd, disable, list --json, token create (the token alone on the
// last line) and revoke; usage errors exit 2, refused changes exit 1; every change is audited and
// no secret is stored in the clear. On PGlite the test's own handle is closed while children run,
// as PGlite allows one process per data directory.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/lib/auth/password.server";
import { hashSecretToken } from "~/lib/auth/secret-token.server";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { wrapEngine, type Database } from "~/lib/db.server";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let t: TestDatabase | undefined;
let dataDir: string;
let childEnv: Record<string, string>;

function users(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], {
      env: { ...process.env, ...childEnv },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** The database as the children left it (reopened on PGlite). */
async function inspect<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  if (t) return fn(wrapEngine(t.engine, "test"));
  const engine = await openPgliteEngine(path.join(dataDir, "pglite"));
  try {
    return await fn(wrapEngine(engine, dataDir));
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cns-users-cli-"));
  const db = await createTestDatabase({ dataDir });
  childEnv = db.env;
  if (db.kind === "pglite") await db.close();
  else t = db;
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

// Each child starts tsx and opens the database: seconds apiece on a busy machine.
describe(`npm run users (${engineName})`, { timeout: 300_000 }, () => {
  let commune: string;
  let firstTokenId: string;

  it("adds users with --password or a password piped on stdin", async () => {
    commune = await inspect(async ({ db }) =>
      db
        .selectFrom("ref.commune")
        .select("code")
        .where("province_code", "=", "68")
        .orderBy("code")
        .executeTakeFirstOrThrow(),
    ).then((r) => r.code);
    const alice = await users([
      "add",
      "alice",
      "--role",
      "analyst",
      "--password",
      "alice-mat-khau-1",
    ]);
    expect(alice).toMatchObject({ code: 0 });
    expect(alice.stdout).toMatch(/User alice added \(analyst\)/);
    const bob = await users(
      ["add", "Bob", "--role", "secretary", "--commune", commune],
      "bob-mat-khau-tu-stdin\n",
    );
    expect(bob.code, bob.stderr).toBe(0);
    expect(bob.stdout).toContain(`secretary · ${commune}`);
    await inspect(async ({ db }) => {
      const row = await db
        .selectFrom("app.user")
        .select("password_hash")
        .where("username", "=", "Bob")
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
      expect(await verifyPassword("bob-mat-khau-tu-stdin", row.password_hash)).toBe(true);
    });
  });

  it("exits 2 on usage errors and 1 on refused changes, with a message in both languages", async () => {
    // Usage errors are found before the database is opened, so these can run side by side.
    const usage = await Promise.all([
      users(["add", "carol"]),
      users(["frobnicate"]),
      users([]),
      users(["add", "x", "y", "--role", "leader", "--password", "p"]),
      users(["token", "list"]),
    ]);
    expect(usage.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(usage[0]!.stderr).toMatch(/--role is required/);
    const duplicate = await users([
      "add",
      "ALICE",
      "--role",
      "leader",
      "--password",
      "mot-mat-khau-dai",
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/đã có\.\nThe username "ALICE" is taken\./);
    const unknown = await users([
      "add",
      "dan",
      "--role",
      "secretary",
      "--commune",
      "99999",
      "--password",
      "mot-mat-khau-dai",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No commune has the code 99999/);
    const short = await users(["add", "dan", "--role", "leader", "--password", "short"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
  });

  it("creates a token shown once, alone on the last line; revokes it by id or username", async () => {
    const created = await users(["token", "create", "alice", "--label", "báo cáo tự động"]);
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trimEnd().split("\n");
    const token = lines.at(-1)!;
    expect(token).toMatch(/^cns_[A-Za-z0-9_-]{43}$/);
    expect(lines.length).toBeGreaterThan(1);
    const id = /#(\d+)/.exec(created.stdout)![1]!;
    firstTokenId = id;
    await inspect(async ({ db }) => {
      const row = await db
        .selectFrom("app.api_token")
        .selectAll()
        .where("id", "=", Number(id))
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashSecretToken(token));
      expect(row.label).toBe("báo cáo tự động");
    });
    expect((await users(["token", "revoke", id])).code).toBe(0);
    // Nothing left to revoke: a failure, not silence.
    expect((await users(["token", "revoke", id])).code).toBe(1);
    expect((await users(["token", "create", "alice"])).code).toBe(0);
    const byName = await users(["token", "revoke", "alice"]);
    expect(byName.stdout).toMatch(/1 token\(s\) revoked/);
    expect((await users(["token", "create", "nobody"])).code).toBe(1);
  });

  it("changes a password from stdin, disables a user, and lists them as JSON", async () => {
    expect((await users(["passwd", "bob"], "mat-khau-moi-cua-bob")).code).toBe(0);
    expect((await users(["disable", "bob"])).code).toBe(0);
    const list = await users(["list", "--json"]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as {
      username: string;
      role: string;
      communes: string[];
      disabled_at: string | null;
      password_hash?: string;
    }[];
    expect(listed.map((u) => u.username)).toEqual(["alice", "Bob"]);
    expect(listed[1]).toMatchObject({ role: "secretary", communes: [commune] });
    expect(listed[1]!.disabled_at).not.toBeNull();
    expect(listed[0]!.disabled_at).toBeNull();
    expect(list.stdout).not.toMatch(/scrypt/);

    await inspect(async ({ db }) => {
      const row = await db
        .selectFrom("app.user")
        .select("password_hash")
        .where("username", "=", "Bob")
        .executeTakeFirstOrThrow();
      expect(await verifyPassword("mat-khau-moi-cua-bob", row.password_hash)).toBe(true);
      const audit = await db
        .selectFrom("app.audit_log")
        .select(["action", "target", "actor_username", "details"])
        .orderBy("id")
        .execute();
      expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
        "user.add alice",
        "user.add Bob",
        `token.create alice`,
        `token.revoke ${firstTokenId}`,
        "token.create alice",
        "token.revoke alice",
        "user.passwd Bob",
        "user.disable Bob",
      ]);
      expect(
        audit.every(
          (a) =>
            a.actor_username === null &&
            String((a.details as { via: string }).via).startsWith("cli:"),
        ),
      ).toBe(true);
    });
  });
});
