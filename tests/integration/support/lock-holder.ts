// Holds a data directory's owner lock (as a CLI would during a long import) until killed, so tests
// can see what other processes do meanwhile and what a killed owner leaves behind.
import { acquireDataDirLock, type OwnerRole } from "~/lib/db/data-dir-lock.server";

const [dir, role] = process.argv.slice(2);
await acquireDataDirLock(dir!, { role: (role ?? "cli") as OwnerRole });
process.stdout.write("HELD\n");
setInterval(() => undefined, 60_000);
