// The audit log (app.audit_log, append-only by trigger): who did what, when, from where. Writers
// pass the acting viewer (null for anonymous requests and the CLI); the admin page reads it back.
import { sql, type Kysely } from "kysely";
import type { DB } from "~/lib/db/types";
import { AUDIT_ACTION_VALUES, type AuditAction } from "./audit-query";
import type { Viewer } from "./policy";

/** The kinds of event the log records (shared with the admin page's filter). */
export const AUDIT_ACTIONS = AUDIT_ACTION_VALUES;
export type { AuditAction };

export interface AuditInput {
  viewer: Viewer | null;
  action: AuditAction;
  /** What the action was about: a username, a batch id, a download's path. */
  target?: string | null;
  /** Anything else worth keeping (format, filters, rows, reason); stored as jsonb. */
  details?: Record<string, unknown>;
  /** The client's address (clientAddress(request)); null for the CLI. */
  address?: string | null;
}

export async function recordAudit(db: Kysely<DB>, input: AuditInput): Promise<void> {
  await db
    .insertInto("app.audit_log")
    .values({
      actor_user_id: input.viewer?.user_id ?? null,
      actor_username: input.viewer?.username ?? null,
      actor_role: input.viewer?.role ?? null,
      action: input.action,
      target: input.target ?? null,
      details: JSON.stringify(input.details ?? {}),
      address: input.address ?? null,
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  page_size: number;
}

export interface ListAuditOptions {
  page?: number;
  pageSize?: number;
  action?: AuditAction | null;
}

/** Newest first, `pageSize` a page; `action` keeps one kind of event. */
export async function listAudit(
  db: Kysely<DB>,
  { page = 1, pageSize = 50, action = null }: ListAuditOptions = {},
): Promise<AuditPage> {
  let query = db.selectFrom("app.audit_log");
  if (action) query = query.where("action", "=", action);
  const { total } = await query
    .select(sql<number>`count(*)::int`.as("total"))
    .executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await query
    .select(["id", "at", "actor_username", "actor_role", "action", "target", "details", "address"])
    .orderBy("id", "desc")
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .execute();
  return {
    entries: rows.map((row) => ({
      ...row,
      details: (typeof row.details === "string" ? JSON.parse(row.details) : row.details) as Record<
        string,
        unknown
      >,
    })),
    total,
    page: current,
    pages,
    page_size: pageSize,
  };
}
