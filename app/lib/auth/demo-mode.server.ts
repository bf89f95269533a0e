// Demo mode (issue 5, ADR 007): on the quick start — sample data loaded, no real users yet — the
// login page offers one-click sign-in as each role. It opens sessions without a password, so it is
// refused when the server listens beyond the local machine, unless DEMO_MODE=force. Demo
// identities (demo-<role>) stop working the moment demo mode turns off (e.g. a real user exists).
import { sql, type Kysely } from "kysely";
import { randomBytes } from "node:crypto";
import type { DB } from "~/lib/db/types";
import type { Env } from "~/lib/env.server";
import { ROLES, type Role } from "./policy";
import { addUser, findUser, UserError, type UserRecord } from "./users.server";

export const DEMO_ROLES: readonly Role[] = ROLES;

export function demoUsername(role: Role): string {
  return `demo-${role}`;
}

/** Whether an address the server listens on reaches only this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

export interface DemoModePolicy {
  /** Whether the configuration lets demo mode turn on (it still needs the data conditions). */
  allowed: boolean;
  /** Whether the sample-data condition is waived (DEMO_MODE=force). */
  forced: boolean;
  /** Why, for the start log. */
  reason: string;
}

export function demoModePolicy(env: Pick<Env, "DEMO_MODE" | "HOST">): DemoModePolicy {
  if (env.DEMO_MODE === "off") return { allowed: false, forced: false, reason: "DEMO_MODE=off" };
  if (env.DEMO_MODE === "force") return { allowed: true, forced: true, reason: "DEMO_MODE=force" };
  if (!isLoopbackHost(env.HOST))
    return {
      allowed: false,
      forced: false,
      reason: `HOST=${env.HOST} is not a loopback address (set DEMO_MODE=force to allow demo sign-in anyway)`,
    };
  return { allowed: true, forced: false, reason: `HOST=${env.HOST} is a loopback address` };
}

interface DemoState {
  sample_loaded: boolean;
  real_users: boolean;
}

async function demoState(db: Kysely<DB>): Promise<DemoState> {
  const { rows } = await sql<DemoState>`
    select
      exists (select 1 from core.import_batch where loaded_by = 'sample' and status = 'loaded')
        as sample_loaded,
      exists (select 1 from app.user where not demo) as real_users`.execute(db);
  return rows[0]!;
}

export interface DemoModeStatus {
  active: boolean;
  reason: string;
}

export async function getDemoModeStatus(
  db: Kysely<DB>,
  env: Pick<Env, "DEMO_MODE" | "HOST">,
): Promise<DemoModeStatus> {
  const policy = demoModePolicy(env);
  if (!policy.allowed) return { active: false, reason: policy.reason };
  const state = await demoState(db);
  if (state.real_users) return { active: false, reason: "users exist (npm run users -- list)" };
  if (!policy.forced && !state.sample_loaded)
    return { active: false, reason: "the sample data is not loaded" };
  return { active: true, reason: policy.reason };
}

export async function isDemoModeActive(
  db: Kysely<DB>,
  env: Pick<Env, "DEMO_MODE" | "HOST">,
): Promise<boolean> {
  return (await getDemoModeStatus(db, env)).active;
}

/** The commune the demo secretary is bound to: the province's busiest in the mart, else its first. */
async function demoCommune(db: Kysely<DB>, provinceCode: string): Promise<string> {
  const { rows } = await sql<{ code: string }>`
    select c.code
    from ref.commune c
    left join mart.commune_month m on m.commune_code = c.code
    where c.province_code = ${provinceCode}
    group by c.code
    order by coalesce(sum(m.cases), 0) desc, c.code
    limit 1`.execute(db);
  if (!rows[0]) throw new Error(`No commune in province ${provinceCode} for the demo secretary.`);
  return rows[0].code;
}

/** The demo user for a role, created on first use (with a random password nobody knows). */
export async function ensureDemoUser(
  db: Kysely<DB>,
  role: Role,
  provinceCode: string,
): Promise<UserRecord> {
  const username = demoUsername(role);
  const existing = await findUser(db, username);
  if (existing) return existing;
  const created = addUser(
    db,
    {
      username,
      role,
      communes: role === "secretary" ? [await demoCommune(db, provinceCode)] : [],
      password: randomBytes(24).toString("base64url"),
      demo: true,
    },
    { viewer: null, via: "demo" },
  );
  // Two first clicks at once: the loser finds the winner's user.
  return created.catch(async (error: unknown) => {
    if (error instanceof UserError && error.code === "username_taken") {
      const user = await findUser(db, username);
      if (user) return user;
    }
    throw error;
  });
}
