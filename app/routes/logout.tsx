// Sign out: POST only (a link or an image cannot sign anyone out). The session is revoked on the
// server, so the old cookie stops working even if the browser kept a copy.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/lib/auth/audit.server";
import { clientAddress } from "~/lib/auth/client-address.server";
import { clearSessionCookie, readSessionToken } from "~/lib/auth/session-cookie.server";
import { revokeSession } from "~/lib/auth/session.server";
import { getOptionalViewer } from "~/lib/auth/viewer.server";
import { getDb } from "~/lib/db.server";

export async function loader() {
  throw new Response("Method Not Allowed", {
    status: 405,
    headers: { Allow: "POST", "Cache-Control": "no-store" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const db = await getDb();
  const viewer = await getOptionalViewer(request);
  const revoked = await revokeSession(db, readSessionToken(request));
  if (viewer && revoked)
    await recordAudit(db, {
      viewer,
      action: "logout",
      target: viewer.username,
      address: clientAddress(request),
    });
  return redirect("/login", {
    headers: { "Set-Cookie": clearSessionCookie(request), "Cache-Control": "no-store" },
  });
}
