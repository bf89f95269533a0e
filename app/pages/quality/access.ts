// The data-quality page and its downloads are for roles with "view_quality".
import { can, type Viewer } from "~/lib/auth/policy";

export function assertCanViewQuality(viewer: Viewer): void {
  if (!can(viewer, "view_quality")) throw new Response(null, { status: 403 });
}
