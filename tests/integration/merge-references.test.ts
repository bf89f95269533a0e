// The facts' references are checked once per batch, not by a trigger per row (migration 0033):
// a staged code the reference tables do not hold fails the batch, naming the column and value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSession } from "~/lib/db/engine";
import { checkReferences, MERGE_SPECS } from "~/lib/etl/merge-spec";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

const STAGED = `insert into staging.assistance (batch_id, source_line, record_id, assisted_at, commune_code,
  team, volunteer_id, procedure_code, help_type, channel, outcome, age_band, gender, ethnic_code,
  minutes, row_hash) values (7, 2, 'R-1', '2026-01-05 08:30:00', $1, 'Đội 1', 'TNV-1', $2,
  'guidance', 'online', 'completed', '18_34', 'female', $3, 15, 'h')`;

describe(`reference check per batch (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it.each([
    [["24846", "1.001193", "15"], null],
    [["24846", "other", null], null],
    [["99999", "1.001193", "15"], 'commune_code "99999"'],
    [["24846", "9.999999", "15"], 'procedure_code "9.999999"'],
    [["24846", "1.001193", "77"], 'ethnic_code "77"'],
  ] as const)("%j → %s", async (codes, problem) => {
    await withSession(t.engine, async (s) => {
      await s.query("begin");
      try {
        await s.query(STAGED, [...codes]);
        const check = checkReferences(s, MERGE_SPECS.assistance, 7);
        if (problem === null) await expect(check).resolves.toBeUndefined();
        else await expect(check).rejects.toThrow(problem);
      } finally {
        await s.query("rollback");
      }
    });
  });
});
