// Builds the resolvers a batch needs from the ref tables (the database is the source of truth for
// reference data once seeded). Building the indexes takes a moment, so the result is kept per
// province and reference checksum for the life of the process.
import { loadPseudonymKey, pseudonymiser } from "./pseudonym.server";
import type { SqlSession } from "~/lib/db/engine";
import type {
  CommunePredecessorTable,
  CommuneTable,
  EthnicGroupTable,
  ProcedureTable,
  ProvinceTable,
} from "~/lib/db/types";
import { createCommuneResolver } from "./resolve/commune-resolver";
import { createEthnicityResolver } from "./resolve/ethnicity-resolver";
import { createProcedureResolver } from "./resolve/procedure-resolver";
import type { RowContext } from "./rows/row-context";
import { loadVocabulary, withVocabulary } from "./vocabulary.server";

type Resolvers = Pick<RowContext, "communes" | "ethnicity" | "procedures">;
const cache = new Map<string, Resolvers>();

async function buildResolvers(session: SqlSession, provinceCode: string): Promise<Resolvers> {
  const communes = await session.query<CommuneTable>("select * from ref.commune");
  const predecessors = await session.query<CommunePredecessorTable>(
    "select * from ref.commune_predecessor",
  );
  const provinces = await session.query<Pick<ProvinceTable, "code" | "name" | "formed_from">>(
    "select code, name, formed_from from ref.province",
  );
  const ethnic = await session.query<EthnicGroupTable>("select * from ref.ethnic_group");
  const procedures = await session.query<ProcedureTable>("select * from ref.procedure");
  return {
    communes: createCommuneResolver({
      communes: communes.rows,
      predecessors: predecessors.rows,
      provinces: provinces.rows,
      provinceCode,
    }),
    ethnicity: createEthnicityResolver(ethnic.rows),
    procedures: createProcedureResolver(procedures.rows),
  };
}

export async function loadRowContext(
  session: SqlSession,
  options: { provinceCode: string; deriveIds: boolean; now: Date },
): Promise<RowContext> {
  const { rows } = await session.query<{ checksum: string }>(
    "select checksum from ref.dataset where name = 'reference'",
  );
  const key = `${options.provinceCode}:${rows[0]?.checksum ?? "none"}`;
  let resolvers = cache.get(key);
  if (!resolvers) {
    resolvers = await buildResolvers(session, options.provinceCode);
    cache.clear();
    cache.set(key, resolvers);
  }
  // Read afresh for every batch: an admin's new mapping counts from the next import on.
  const vocabulary = await loadVocabulary(session);
  return {
    ...withVocabulary(resolvers, vocabulary),
    vocabulary,
    provinceCode: options.provinceCode,
    deriveIds: options.deriveIds,
    now: options.now,
    pseudonymise: pseudonymiser(await loadPseudonymKey()),
  };
}
