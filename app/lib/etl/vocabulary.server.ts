// ref.vocabulary in and out: the admin's entries for the parsers, the seed rows written with the
// reference data, and the resolvers wrapped so an admin's commune, ethnic-group and procedure
// spellings win over the built-in rules (an admin mapped them because the rules got them wrong).
import type { SqlSession } from "~/lib/db/engine";
import type { RowContext } from "./rows/row-context";
import {
  seedEntries,
  Vocabulary,
  vocabularyKey,
  type VocabularyEntry,
  type VocabularyKind,
} from "./vocabulary";

export interface StoredVocabularyEntry extends VocabularyEntry {
  origin: "seed" | "admin";
  added_by: string | null;
  added_at: Date;
}

/**
 * The admin's entries. The seed rows repeat what the code already knows, so the parsers read only
 * these (and most imports then pay nothing for the vocabulary).
 */
export async function loadVocabulary(session: SqlSession): Promise<Vocabulary> {
  const { rows } = await session.query<VocabularyEntry>(
    "select kind, scope, alias, target from ref.vocabulary where origin = 'admin'",
  );
  return new Vocabulary(rows);
}

export async function listVocabulary(
  session: SqlSession,
  options: { kind?: VocabularyKind; origin?: "seed" | "admin" } = {},
): Promise<StoredVocabularyEntry[]> {
  const { rows } = await session.query<StoredVocabularyEntry>(
    `select kind, scope, alias, target, origin, added_by, added_at from ref.vocabulary
     where ($1::text is null or kind = $1) and ($2::text is null or origin = $2)
     order by kind, scope, origin desc, alias`,
    [options.kind ?? null, options.origin ?? null],
  );
  return rows;
}

/**
 * Rewrites the seed rows from the code's lists; an admin's entry for the same key is kept (it was
 * added deliberately). Runs inside the reference seeding transaction.
 */
export async function seedVocabulary(
  run: (text: string, params: unknown[]) => Promise<unknown>,
): Promise<number> {
  await run("delete from ref.vocabulary where origin = 'seed'", []);
  // One row per key: the first spelling in the code's lists wins, as it does in the parsers.
  const byKey = new Map<string, VocabularyEntry & { key: string }>();
  for (const e of seedEntries()) {
    const key = vocabularyKey(e.kind, e.alias);
    const slot = `${e.kind}|${e.scope}|${key}`;
    if (key !== "" && !byKey.has(slot)) byKey.set(slot, { ...e, key });
  }
  const unique = [...byKey.values()];
  await run(
    `insert into ref.vocabulary (kind, scope, alias_key, alias, target, origin)
     select * , 'seed' from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     on conflict (kind, scope, alias_key) do nothing`,
    [
      unique.map((e) => e.kind),
      unique.map((e) => e.scope),
      unique.map((e) => e.key),
      unique.map((e) => e.alias),
      unique.map((e) => e.target),
    ],
  );
  return unique.length;
}

type Resolvers = Pick<RowContext, "communes" | "ethnicity" | "procedures">;

/** The resolvers with the admin's spellings consulted first. */
export function withVocabulary(resolvers: Resolvers, vocabulary: Vocabulary): Resolvers {
  const province = resolvers.communes.provinceCode;
  const commune = vocabulary.extra("commune", province);
  const ethnicity = vocabulary.extra("ethnicity");
  const procedure = vocabulary.extra("procedure");
  return {
    communes: commune
      ? {
          provinceCode: province,
          resolve(input) {
            const code = commune(String(input));
            return code ? { ok: true, code, via: "name" } : resolvers.communes.resolve(input);
          },
        }
      : resolvers.communes,
    ethnicity: ethnicity
      ? {
          resolve(input) {
            const code =
              input === null || input === undefined ? undefined : ethnicity(String(input));
            return code ? { ok: true, code } : resolvers.ethnicity.resolve(input);
          },
        }
      : resolvers.ethnicity,
    procedures: procedure
      ? {
          resolve(input) {
            const code = procedure(String(input));
            return code ? { ok: true, code } : resolvers.procedures.resolve(input);
          },
        }
      : resolvers.procedures,
  };
}
