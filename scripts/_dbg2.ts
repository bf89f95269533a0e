import { readXlsxRecords } from "~/lib/etl/read/xlsx-source.server";
import { detectHeader, valuesFromTitles } from "~/lib/etl/read/detect-layout";
const recs = [];
for await (const r of readXlsxRecords(process.argv[2]!)) { if (r.cells.some((c) => c !== null)) recs.push(r); if (recs.length > 12) break; }
const d = detectHeader("dossiers", recs);
console.log(JSON.stringify(d), valuesFromTitles(d?.titles ?? []));
