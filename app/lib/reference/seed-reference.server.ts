// Loads the shipped reference data (sql/reference/) into the ref tables. Runs at every start but
// does work only when the files' checksum differs from the one recorded in ref.dataset, so later
// starts cost one small query. Rows are upserted, never deleted: core facts reference them.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import { CompiledQuery, sql } from "kysely";
import { seedEntries } from "~/lib/etl/vocabulary";
import { seedVocabulary } from "~/lib/etl/vocabulary.server";
import { columnEnum, excludedRef, type IdentifierEnum } from "~/lib/db/sql-identifier";
import type {
  DB,
  EthnicGroupTable,
  ProcedureTable,
  ProvinceTable,
  CommuneTable,
} from "~/lib/db/types";
import { readReferenceData } from "./read-reference.server";

/** The files readReferenceData reads; a change to any of them (or to PARSE_VERSION) reseeds. */
export const REFERENCE_FILES = [
  "vn_provinces_2025.csv",
  "vn_communes_2025.csv",
  "vn_ethnic_groups.csv",
  "vn_admin_procedures_dvcqg.csv",
  "common_citizen_procedures.csv",
] as const;
// Bump when the parsing of those files changes (e.g. the formed_from crosswalk), to reseed.
const PARSE_VERSION = "2";

export const REFERENCE_DIR = path.resolve("sql/reference");
const DATASET = "reference";
const CHUNK = 500;

export async function referenceChecksum(dir = REFERENCE_DIR): Promise<string> {
  const hash = createHash("sha256").update(PARSE_VERSION);
  for (const file of REFERENCE_FILES) {
    hash
      .update(file)
      .update("\0")
      .update(await readFile(path.join(dir, file)))
      .update("\0");
  }
  // The vocabulary's seed lists live in the code: a change to them reseeds too.
  hash.update(JSON.stringify(seedEntries()));
  return hash.digest("hex");
}

export interface SeedResult {
  changed: boolean;
  rows: number;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

// The columns the upserts may name; a row key missing here throws before any SQL is built.
const PROVINCE_COLUMNS = columnEnum<ProvinceTable>()([
  "code",
  "name",
  "name_en",
  "full_name",
  "unit_type",
  "n_units",
  "area_km2",
  "population",
  "formed_from",
]);
const COMMUNE_COLUMNS = columnEnum<CommuneTable>()([
  "code",
  "province_code",
  "name",
  "name_ascii",
  "full_name",
  "full_name_en",
  "unit_type",
  "area_km2",
  "area_km2_geom",
  "area_check",
  "population",
  "population_quality",
  "formed_from",
  "admin_center_note",
]);
const ETHNIC_GROUP_COLUMNS = columnEnum<EthnicGroupTable>()([
  "code",
  "code_1979",
  "name_vi",
  "name_en",
  "name_en_alt",
  "name_variants",
  "language_group_vi",
  "language_group_en",
  "is_majority",
]);
const PROCEDURE_COLUMNS = columnEnum<ProcedureTable>()([
  "code",
  "name",
  "ministry",
  "field",
  "commune_level",
  "channel_online",
  "procedure_group",
  "label_vi",
  "label_en",
  "is_common",
]);

/** Every column but the key takes the incoming value on conflict. */
function excludedAll<T extends object>(columns: IdentifierEnum, sample: T, key: readonly string[]) {
  return Object.fromEntries(
    Object.keys(sample)
      .filter((c) => !key.includes(c))
      .map((c) => [c, excludedRef(columns, c)]),
  );
}

export async function seedReference(db: Kysely<DB>, dir = REFERENCE_DIR): Promise<SeedResult> {
  const checksum = await referenceChecksum(dir);
  const current = await db
    .selectFrom("ref.dataset")
    .select("checksum")
    .where("name", "=", DATASET)
    .executeTakeFirst();
  if (current?.checksum === checksum) return { changed: false, rows: 0 };

  const data = await readReferenceData(dir);
  const rows =
    data.provinces.length +
    data.communes.length +
    data.predecessors.length +
    data.ethnicGroups.length +
    data.procedures.length;
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(data.provinces)) {
      await trx
        .insertInto("ref.province")
        .values(part)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet(excludedAll(PROVINCE_COLUMNS, part[0]!, ["code"])),
        )
        .execute();
    }
    for (const part of chunks(data.communes)) {
      await trx
        .insertInto("ref.commune")
        .values(part)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet(excludedAll(COMMUNE_COLUMNS, part[0]!, ["code"])),
        )
        .execute();
    }
    await trx.deleteFrom("ref.commune_predecessor").execute();
    for (const part of chunks(data.predecessors)) {
      await trx.insertInto("ref.commune_predecessor").values(part).execute();
    }
    for (const part of chunks(data.ethnicGroups)) {
      await trx
        .insertInto("ref.ethnic_group")
        .values(part)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet(excludedAll(ETHNIC_GROUP_COLUMNS, part[0]!, ["code"])),
        )
        .execute();
    }
    for (const part of chunks(data.procedures)) {
      await trx
        .insertInto("ref.procedure")
        .values(part)
        .onConflict((oc) =>
          oc.column("code").doUpdateSet(excludedAll(PROCEDURE_COLUMNS, part[0]!, ["code"])),
        )
        .execute();
    }
    await seedVocabulary((text, params) => trx.executeQuery(CompiledQuery.raw(text, params)));
    await trx
      .insertInto("ref.dataset")
      .values({ name: DATASET, checksum, row_count: rows })
      .onConflict((oc) =>
        oc.column("name").doUpdateSet({ checksum, row_count: rows, loaded_at: sql`now()` }),
      )
      .execute();
  });
  return { changed: true, rows };
}

/**
 * The full names of the given communes by code (admin pages name communes, not codes); a code the
 * reference data does not hold is left out.
 */
export async function getCommuneNames(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const rows = await db
    .selectFrom("ref.commune")
    .select(["code", "full_name"])
    .where("code", "in", [...new Set(codes)])
    .execute();
  return Object.fromEntries(rows.map((row) => [row.code, row.full_name]));
}
