// Who may see and do what: the one place the dashboard's access rules live. Pure (no database,
// no request), so loaders, actions, resource routes and tests all ask the same functions.
// Roles (issue 5): admin — everything; leader — every commune, demographics suppressed;
// secretary — bound to communes: their detail in full, other communes only as the province
// overview and rankings show them; analyst — everything unsuppressed, downloads audited.
export const ROLES = ["admin", "leader", "secretary", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  user_id: number;
  username: string;
  role: Role;
  /** The communes a secretary is bound to (GSO codes); empty for the other roles. */
  communes: readonly string[];
  /** How the request was authenticated. */
  via: "session" | "token" | "demo";
}

export type Permission =
  /** Province overview, rankings, map, compare (commune × month totals), methodology. */
  | "view_dashboard"
  /** Monthly report and downloads of the views one may see. */
  | "download"
  /** Data-quality page: batches, rejects, completeness. */
  | "view_quality"
  /** Upload, commit and revert imports; replay held-back rows. */
  | "import"
  /** Teach the importer a word (ref.vocabulary): changes how rows are counted, so admins only. */
  | "map_vocabulary"
  /** Record-level extracts (no direct identifiers). */
  | "download_records"
  | "manage_users"
  | "view_audit";

const PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    "view_dashboard",
    "download",
    "view_quality",
    "import",
    "map_vocabulary",
    "download_records",
    "manage_users",
    "view_audit",
  ]),
  analyst: new Set<Permission>([
    "view_dashboard",
    "download",
    "view_quality",
    "import",
    "download_records",
  ]),
  leader: new Set<Permission>(["view_dashboard", "download", "view_quality"]),
  secretary: new Set<Permission>(["view_dashboard", "download"]),
};

export function can(viewer: Viewer, permission: Permission): boolean {
  return PERMISSIONS[viewer.role].has(permission);
}

/**
 * Whether the viewer may open a commune's detail (its page, breakdowns and their downloads).
 * A secretary sees only the communes they are bound to.
 */
export function canViewCommuneDetail(viewer: Viewer, communeCode: string): boolean {
  if (viewer.role !== "secretary") return true;
  return viewer.communes.includes(communeCode);
}

/**
 * Whether demographic breakdowns (ethnicity, age band, gender) must be small-cell suppressed for
 * this viewer (app/lib/privacy/suppress.ts). Analysts and admins see raw counts.
 */
export function mustSuppressDemographics(viewer: Viewer): boolean {
  return viewer.role === "leader" || viewer.role === "secretary";
}

/**
 * Whether this viewer's spreadsheets (XLSX) head their columns in Vietnamese words rather than
 * the documented English names: leaders and secretaries read them; analysts script against names.
 */
export function readsLabelledSpreadsheets(viewer: Viewer): boolean {
  return viewer.role === "leader" || viewer.role === "secretary";
}

/** Whether downloads by this viewer are written to the audit log (every analyst download). */
export function auditsDownloads(viewer: Viewer): boolean {
  return viewer.role === "analyst" || viewer.role === "admin";
}

/**
 * Whether the viewer may see rejected rows as they were read (the masked `raw` record and the
 * messages quoting its cells): a rejected row is a citizen's record, so only roles with
 * record-level access. Others see reason counts and line numbers (ADR 012).
 */
export function canSeeRejectedRecords(viewer: Viewer): boolean {
  return can(viewer, "download_records");
}

// The pages whose access is narrower than "view_dashboard", by path prefix (longest first). The
// loaders enforce the same permissions; links and nav ask canOpenPage so no page links a viewer to
// a page their role cannot open (issue 12, item 4; ADR 018).
const PAGE_PERMISSIONS: ReadonlyArray<readonly [prefix: string, permission: Permission]> = [
  ["/quality/vocabulary", "import"],
  ["/quality", "view_quality"],
  ["/imports", "import"],
  ["/admin/users", "manage_users"],
  ["/admin/audit", "view_audit"],
  ["/api/v1/assistance", "download_records"],
  ["/report", "download"],
];

const COMMUNE_PAGE = /^\/communes\/([^/?#]+)/;

function underPrefix(pathname: string, prefix: string): boolean {
  return (
    pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}.`)
  );
}

/**
 * Whether the viewer may open the page at `path` (a same-site path, query allowed): the rule a link
 * is drawn by. A commune's page (and its downloads) follows canViewCommuneDetail; the rest follows
 * the role's permissions.
 */
export function canOpenPage(viewer: Viewer, path: string): boolean {
  const url = new URL(path, "http://same-site.invalid");
  const { pathname } = url;
  const commune = COMMUNE_PAGE.exec(pathname);
  if (commune) return canViewCommuneDetail(viewer, decodeURIComponent(commune[1]!));
  // The monthly report of one commune is that commune's detail.
  if (underPrefix(pathname, "/report")) {
    const communes = url.searchParams.getAll("commune");
    if (!communes.every((code) => canViewCommuneDetail(viewer, code))) return false;
  }
  const narrower = PAGE_PERMISSIONS.find(([prefix]) => underPrefix(pathname, prefix));
  return can(viewer, narrower ? narrower[1] : "view_dashboard");
}

/**
 * Where a viewer starts when they open `/` with nothing chosen: a secretary bound to one commune
 * gets that commune's page ("đơn vị của bạn"), one bound to several the commune list with theirs
 * first; everyone else the province overview (null).
 */
export function homePathOf(viewer: Viewer): string | null {
  if (viewer.role !== "secretary" || viewer.communes.length === 0) return null;
  return viewer.communes.length === 1 ? `/communes/${viewer.communes[0]}` : "/communes";
}
