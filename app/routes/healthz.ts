// Liveness and database reachability for load balancers and the start script: 200 when the
// database answers, 503 when it does not. Never cached.
import { json } from "@remix-run/node";
import { checkDbHealth } from "~/lib/db.server";

export async function loader() {
  const health = await checkDbHealth();
  if (!health.ok)
    console.error(`healthz: database unreachable: ${health.error ?? "unknown error"}`);
  return json(
    {
      status: health.ok ? "ok" : "error",
      db: { ok: health.ok, engine: health.engine, latency_ms: health.latency_ms },
    },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
