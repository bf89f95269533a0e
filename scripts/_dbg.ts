import { openSource } from "~/lib/etl/read/open-source.server";
import { FileRejectedError } from "~/lib/etl/read/file-errors";
const [file, kind] = process.argv.slice(2);
try { const s = await openSource(file!, { kind: kind as "assistance" }); console.log(JSON.stringify(s.columns), s.headerLine); }
catch (e) { if (e instanceof FileRejectedError) console.log(e.code, e.message_en, JSON.stringify(e.details)); else throw e; }
