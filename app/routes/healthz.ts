// Liveness and database reachability for load balancers and the start script: 200 when the
// database answers, 503 naming the dependency that is down (with Retry-After) when it does not.
// Never cached.
import { json } from "@remix-run/node";
import { checkDbHealth } from "~/lib/db.server";

const RETRY_AFTER_SECONDS = 10;

export async function loader() {
  const health = await checkDbHealth();
  if (!health.ok)
    console.error(`healthz: database unreachable: ${health.error ?? "unknown error"}`);
  return json(
    {
      status: health.ok ? "ok" : "error",
      db: {
        ok: health.ok,
        engine: health.engine,
        latency_ms: health.latency_ms,
        ...(health.busy ? { busy: health.busy } : {}),
      },
      down: health.ok ? [] : ["database"],
      ...(health.ok
        ? {}
        : {
            message_vi: "Không kết nối được cơ sở dữ liệu.",
            message_en: "The database is unreachable.",
          }),
    },
    {
      status: health.ok ? 200 : 503,
      headers: {
        "Cache-Control": "no-store",
        ...(health.ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }),
      },
    },
  );
}
