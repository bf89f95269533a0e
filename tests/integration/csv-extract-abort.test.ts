// A record-level CSV download streams from one COPY … TO STDOUT holding a pooled connection (ADR
// 019). A client that goes away mid-file must stop that COPY on the server and give the
// connection's place back: otherwise every abandoned download would leave a backend writing into
// a full socket and a slot of the pool's bulk share taken for good. PostgreSQL only: the embedded
// engine pages its lines and holds nothing between pages.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ASSISTANCE_EXTRACT_COLUMNS,
  streamAssistanceCsvLines,
} from "~/lib/api/assistance-extract.server";
import { exportResponse } from "~/lib/export/export-response.server";
import { createUserWithSession, type TestIdentity } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const RECORDS = 60_000;

async function runningCopies(t: TestDatabase): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and query ilike 'copy (%'
  `.execute(t.db);
  return result.rows[0]!.n;
}

describe.skipIf(engineName !== "pg")("an abandoned CSV download on PostgreSQL", () => {
  let t: TestDatabase;
  let analyst: TestIdentity;

  beforeAll(async () => {
    t = await createTestDatabase();
    analyst = await createUserWithSession(t.db, "analyst");
    // ~10 MB of CSV: far more than the sockets and streams between COPY and the client buffer.
    await sql`
      insert into core.assistance (record_id, assisted_at, commune_code, team, volunteer_id,
        procedure_code, help_type, channel, outcome, age_band, gender, ethnic_code, minutes,
        row_hash, batch_id, source_line)
      select 'R' || lpad(g::text, 7, '0'), timestamp '2025-03-01' + g * interval '1 minute',
        c.code, 'Đội TN ' || (g % 40), 'TNV-68-' || (g % 900),
        (select code from ref.procedure order by code limit 1), 'guidance', 'online', 'completed',
        '18_34', 'male', '01', 1 + g % 400, 'h', 1, g
      from generate_series(1, ${RECORDS}) as g
      cross join lateral (
        select code from ref.commune where province_code = '68' order by code limit 1
      ) as c
    `.execute(t.db);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("stops the COPY on the server and frees the connection when the client goes", async () => {
    const controller = new AbortController();
    const request = new Request("http://localhost/api/v1/assistance.csv", {
      signal: controller.signal,
    });
    const filter = {
      provinceCode: "68",
      from: "2025-01",
      to: "2025-12",
      communes: [],
      unitType: null,
      procedureGroup: null,
    };
    const response = await exportResponse(
      {
        file_base_name: "x",
        columns: ASSISTANCE_EXTRACT_COLUMNS,
        rows: [],
        csvLines: streamAssistanceCsvLines(t.db, t.engine, filter),
        stamp: {
          dataset: "assistance",
          filters: {},
          as_of: null,
          last_batch_id: null,
          generated_at: "",
        },
      },
      "csv",
      { request, viewer: analyst.viewer },
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The client reads no further: the COPY is still running, held back by the full buffers.
    expect(await runningCopies(t)).toBe(1);

    controller.abort();
    await reader.cancel();
    let copies = 1;
    for (let attempt = 0; attempt < 100 && copies > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      copies = await runningCopies(t);
    }
    expect(copies).toBe(0);

    // The bulk share (one connection with this test pool) is free again: a second download
    // starts at once instead of waiting for the first.
    const again = streamAssistanceCsvLines(t.db, t.engine, filter);
    const chunk = await again.next();
    expect(chunk.done).toBe(false);
    await again.return(undefined);
  });
});
