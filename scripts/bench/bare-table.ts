// The baseline's target: the assistance file's columns, all text, no constraints, no indexes.
import { ASSISTANCE_COLUMNS } from "~/lib/sample/assistance-rows";

export const BARE_COLUMNS = ASSISTANCE_COLUMNS;

export function createBareTableSql(table: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
  const columns = BARE_COLUMNS.map((c) => `${c} text`).join(", ");
  return `drop table if exists ${table}; create table ${table} (${columns})`;
}
