// SQL kept as plain files under sql/ (house style), read once per process.
import { readFileSync } from "node:fs";
import path from "node:path";

const cache = new Map<string, string>();

export function readSqlFile(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(path.resolve("sql", relativePath), "utf8");
    cache.set(relativePath, text);
  }
  return text;
}
