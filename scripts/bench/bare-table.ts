// The baseline's target: the assistance file's columns, all text, no constraints, no indexes.
// With `indexed`, the same table carries core.assistance's natural key and its two lookup
// indexes: the ceiling of any import that keeps those (which merging by natural key needs).
import { ASSISTANCE_COLUMNS } from "~/lib/sample/assistance-rows";

export const BARE_COLUMNS = ASSISTANCE_COLUMNS;

export function createBareTableSql(table: string, options: { indexed?: boolean } = {}): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
  const columns = BARE_COLUMNS.map((c) => `${c} text`).join(", ");
  const create = `drop table if exists ${table}; create table ${table} (${columns})`;
  if (!options.indexed) return create;
  return [
    create,
    // The generated file plants duplicate ids (the importer rejects them); a unique index would
    // abort the COPY, so a plain b-tree on the same key stands in for the primary key.
    `create index ${table}_key on ${table} (record_id)`,
    `create index ${table}_commune_time on ${table} (commune, assisted_at)`,
    `create index ${table}_time on ${table} (assisted_at)`,
  ].join("; ");
}
