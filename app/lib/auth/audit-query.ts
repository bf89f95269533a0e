// The admin audit page's URL: ?page=N&action=<one of AUDIT_ACTIONS>. One zod schema; a bad value
// becomes a 400 that names the parameter (never a 500, never an unfiltered page by surprise).
import { z } from "zod";
import type { FilterIssue } from "~/lib/url-params/filter-issues";

export const AUDIT_ACTION_VALUES = [
  "login.success",
  "login.failure",
  "login.rate_limited",
  "token.failure",
  "logout",
  "import.commit",
  "import.revert",
  "import.replay",
  "vocabulary.map",
  "user.add",
  "user.passwd",
  "user.disable",
  "token.create",
  "token.revoke",
  "download",
  "rejects.view",
] as const;

export type AuditAction = (typeof AUDIT_ACTION_VALUES)[number];

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  action: z.enum(AUDIT_ACTION_VALUES).nullable().default(null),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export function parseAuditQuery(
  params: URLSearchParams,
): { ok: true; query: AuditQuery } | { ok: false; issues: FilterIssue[] } {
  const raw = {
    page: params.get("page") || undefined,
    action: params.get("action") || null,
  };
  const result = AuditQuerySchema.safeParse(raw);
  if (result.success) return { ok: true, query: result.data };
  const issues: FilterIssue[] = result.error.issues.map((issue) => {
    const param = String(issue.path[0]);
    return {
      param,
      value: params.get(param),
      message_key: param === "page" ? "admin.audit.error.page" : "admin.audit.error.action",
    };
  });
  return { ok: false, issues };
}
