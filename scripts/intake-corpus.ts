// npm run intake:corpus [-- --verbose] [-- <file name filter>]
// Runs every file of the intake corpus (tests/fixtures/intake/) through the real import path into
// a fresh embedded database and prints, per file, whether the outcome is what a careful reader
// expects (manifest.json), then the totals: files as expected, rows loaded, skipped, rejected.
import { openPgliteEngine } from "~/lib/db/engine-pglite.server";
import { migrate } from "~/lib/db/migrate.server";
import { wrapEngine } from "~/lib/db.server";
import { seedReference } from "~/lib/reference/seed-reference.server";
import { compareOutcome, importCorpusFile, readManifest, tally } from "./lib/intake-corpus";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const filter = args.find((a) => !a.startsWith("--"));

const engine = await openPgliteEngine(null);
try {
  await migrate(engine);
  await seedReference(wrapEngine(engine, "corpus").db);
  const entries = (await readManifest()).filter((e) => !filter || e.file.includes(filter));
  const outcomes = [];
  for (const entry of entries) {
    const actual = await importCorpusFile(engine, entry);
    const diffs = compareOutcome(entry.expect, actual);
    outcomes.push({ entry, actual, diffs });
    console.log(
      `${diffs.length === 0 ? "ok  " : "DIFF"} ${entry.file} (${entry.kind}, ${entry.writer})`,
    );
    if (verbose || diffs.length > 0) for (const d of diffs) console.log(`       ${d}`);
  }
  const t = tally(outcomes);
  const expected = tally(outcomes.map((o) => ({ ...o, actual: o.entry.expect, diffs: [] })));
  console.log(
    `\nfiles as expected ${t.asExpected}/${t.files}; rows loaded ${t.loaded} (expected ${expected.loaded}), ` +
      `skipped ${t.skipped} (expected ${expected.skipped}), rejected ${t.rejected} (expected ${expected.rejected}), ` +
      `labels kept in a bucket ${t.bucketed} (expected ${expected.bucketed}); ` +
      `files refused ${t.fileErrors} (expected ${expected.fileErrors})`,
  );
} finally {
  await engine.close();
}
