// An audit entry's details in the reader's words (issue 12, item 7): each key by its label, each
// coded value (how one signed in, why a sign-in failed, a download's outcome, a reject reason, a
// role, an import kind or status) by its name, communes by their names, times and counts in the
// reader's format. A key or value this version does not know is shown as stored, never dropped.
import type { Formatter } from "~/lib/i18n/formatter";
import { isMessageKey, type Translator } from "~/lib/i18n/translate";

export interface AuditDetailContext {
  t: Translator;
  fmt: Formatter;
  /** A commune's name by its code, or the code when the reference data does not know it. */
  communeName: (code: string) => string;
  /** A reject reason's name (rejects.view entries). */
  reasonName: (code: string) => string;
}

const COMMUNE_CODE = /^\d{5}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function label(key: string, t: Translator): string {
  const message = `admin.audit.detail.${key}`;
  return isMessageKey(message) ? t(message) : key;
}

/** A coded value's name: role, import kind and status have their own catalogs. */
function codedValue(key: string, value: string, action: string, ctx: AuditDetailContext): string {
  const { t } = ctx;
  if (key === "reason" && action === "rejects.view") return ctx.reasonName(value);
  const candidates = [
    key === "role" ? `auth.role.${value}` : null,
    key === "kind" ? `importKind.${value}` : null,
    key === "status" ? `batchStatus.${value}` : null,
    `admin.audit.value.${value}`,
  ];
  for (const candidate of candidates) {
    if (candidate && isMessageKey(candidate)) return t(candidate);
  }
  return value;
}

function formatValue(key: string, value: unknown, action: string, ctx: AuditDetailContext): string {
  const { t, fmt } = ctx;
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean")
    return t(value ? "admin.audit.value.yes" : "admin.audit.value.no");
  if (typeof value === "number") return fmt.integer(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return value.map((item) => formatValue(key, item, action, ctx)).join(", ");
  }
  if (typeof value === "object") {
    // A download's filters: "Đơn vị: Phường Lâm Viên - Đà Lạt; Từ tháng: 2026-01".
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([inner, innerValue]) =>
          `${label(inner, t)}: ${formatValue(inner, innerValue, action, ctx)}`,
      )
      .join("; ");
  }
  const text = String(value);
  if (COMMUNE_CODE.test(text) && (key === "communes" || key === "commune")) {
    return ctx.communeName(text);
  }
  if (ISO_TIME.test(text)) return fmt.dateTime(text);
  return codedValue(key, text, action, ctx);
}

/** "Qua: tài khoản trình diễn · Trang: 2 · …", or "—" for none. */
export function describeAuditDetails(
  action: string,
  details: Record<string, unknown>,
  ctx: AuditDetailContext,
): string {
  const parts = Object.entries(details).map(
    ([key, value]) => `${label(key, ctx.t)}: ${formatValue(key, value, action, ctx)}`,
  );
  return parts.join(" · ") || "—";
}

/** Every commune code an entry names (details, filters): the loader looks their names up. */
export function auditCommuneCodes(details: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (key: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((item) => visit(key, item));
    else if (value && typeof value === "object")
      Object.entries(value).forEach(([inner, innerValue]) => visit(inner, innerValue));
    else if ((key === "communes" || key === "commune") && COMMUNE_CODE.test(String(value)))
      found.add(String(value));
  };
  visit("", details);
  return [...found];
}
