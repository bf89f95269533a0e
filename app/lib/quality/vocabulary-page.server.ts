// The import-vocabulary page's data (/quality/vocabulary, issue 11): what the importer does not know
// yet, what admins taught it, and the choices each kind of label can be mapped to.
import type { SqlEngine } from "~/lib/db/engine";
import { withSession } from "~/lib/db/engine";
import { sortByVietnameseName } from "~/lib/format/collation";
import { CANONICAL_FIELDS, IMPORT_KINDS } from "~/lib/etl/fields";
import { ENUM_ALIASES } from "~/lib/etl/normalize/enums";
import { listReplayableBatches } from "~/lib/etl/replay-batch.server";
import {
  countUnmappedLabels as countLabels,
  listBucketedLabels,
  listQuarantinedLabels,
  type BucketedLabel,
  type QuarantinedLabel,
} from "~/lib/etl/unmapped-labels.server";
import { listVocabulary, type StoredVocabularyEntry } from "~/lib/etl/vocabulary.server";

export interface TargetOption {
  value: string;
  label_vi: string;
  label_en: string;
}

export interface VocabularyPage {
  bucketed: BucketedLabel[];
  quarantined: QuarantinedLabel[];
  replayable_batches: number;
  entries: (Omit<StoredVocabularyEntry, "added_at"> & { added_at: string })[];
  seed_count: number;
  /** For each kind with a closed list, the values a label can be mapped to. */
  targets: Record<string, TargetOption[]>;
  header_fields: Record<string, readonly string[]>;
}

// "form_filling" → "Form filling": the English name of a coded value, for the English page.
const englishName = (value: string) =>
  value.charAt(0).toUpperCase() + value.slice(1).replaceAll("_", " ");

export async function getVocabularyPage(
  engine: SqlEngine,
  provinceCode: string,
): Promise<VocabularyPage> {
  return withSession(engine, async (session) => {
    const bucketed = await listBucketedLabels(session);
    const quarantined = await listQuarantinedLabels(session);
    const replayable = await listReplayableBatches(session);
    const admin = await listVocabulary(session, { origin: "admin" });
    const seeds = await session.query<{ n: number }>(
      "select count(*)::int as n from ref.vocabulary where origin = 'seed'",
    );
    const ethnic = await session.query<{ code: string; name_vi: string; name_en: string }>(
      "select code, name_vi, name_en from ref.ethnic_group order by code",
    );
    const communes = await session.query<{ code: string; name: string; full_name_en: string }>(
      "select code, full_name as name, full_name_en from ref.commune where province_code = $1",
      [provinceCode],
    );
    const targets: Record<string, TargetOption[]> = {};
    for (const [kind, values] of Object.entries(ENUM_ALIASES))
      targets[kind] = Object.entries(values as Record<string, readonly string[]>).map(
        ([value, words]) => ({ value, label_vi: words[0] ?? value, label_en: englishName(value) }),
      );
    targets.ethnicity = sortByVietnameseName(
      ethnic.rows.map((g) => ({ value: g.code, label_vi: g.name_vi, label_en: g.name_en })),
      (o) => o.label_vi,
    );
    targets.commune = sortByVietnameseName(
      communes.rows.map((c) => ({ value: c.code, label_vi: c.name, label_en: c.full_name_en })),
      (o) => o.label_vi,
    );
    return {
      bucketed,
      quarantined,
      replayable_batches: replayable.length,
      entries: admin.map((e) => ({ ...e, added_at: e.added_at.toISOString() })),
      seed_count: seeds.rows[0]?.n ?? 0,
      targets,
      header_fields: Object.fromEntries(IMPORT_KINDS.map((k) => [k, CANONICAL_FIELDS[k]])),
    };
  });
}

/** For the quality page's link: how many distinct labels wait, by state. */
export function countUnmappedLabels(
  engine: SqlEngine,
): Promise<{ bucketed: number; quarantined: number }> {
  return withSession(engine, countLabels);
}
