// Runs once per `vitest run`: builds a migrated, reference-seeded template database so each test
// file starts from a copy in about a second instead of running initdb and seeding (~6 s on PGlite).
// PGlite: a data-directory tarball cached under node_modules/.cache, keyed by the migrations' and
// reference files' checksums. PostgreSQL: a template database, dropped at teardown.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { adminQuery, withDatabase } from "./pg-admin";
import type { TestProject } from "vitest/node";
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { openPgEngine } from "~/lib/db/engine-pg.server";
import { migrate, readMigrations } from "~/lib/db/migrate.server";
import { wrapEngine } from "~/lib/db.server";
import { referenceChecksum, seedReference } from "~/lib/reference/seed-reference.server";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    pgTemplate: string | null;
  }
}

async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const m of await readMigrations()) hash.update(m.checksum);
  hash.update(await referenceChecksum());
  return hash.digest("hex").slice(0, 16);
}

let teardownTemplate: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const key = await templateKey();
  const serverUrl = process.env.DATABASE_URL || undefined;
  if (serverUrl) {
    const name = `cns_template_${key}_${process.pid}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const engine = openPgEngine({
      connectionString: withDatabase(serverUrl, name),
      max: 2,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 120_000,
    });
    try {
      await migrate(engine);
      await seedReference(wrapEngine(engine, name).db);
    } finally {
      await engine.close();
    }
    teardownTemplate = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    project.provide("pgTemplate", name);
    project.provide("pgliteTemplate", null);
    return;
  }
  const dir = path.resolve("node_modules/.cache/cau-noi-so");
  const file = path.join(dir, `pglite-template-${key}.tar`);
  if (!existsSync(file)) {
    const engine = await openPgliteEngine(null);
    try {
      await migrate(engine);
      await seedReference(wrapEngine(engine, "template").db);
      const dump = await engine.dumpDataDir();
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
      await rename(tmp, file);
    } finally {
      await engine.close();
    }
  }
  // Fail early if the cached file is unreadable rather than in every test file.
  await readFile(file).then((b) => b.length);
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplate", null);
}

export async function teardown(): Promise<void> {
  await teardownTemplate?.();
}
