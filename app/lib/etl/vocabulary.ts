// The words the importer understands, as data (issue 11): which header feeds which field, and which
// label means which coded value, commune, ethnic group or procedure. The lists written in the code
// (fields.ts, normalize/enums.ts, the resolvers) are the seed; an admin adds entries with
// `etl map …` or on the data-quality page, and they live in ref.vocabulary. Entries are matched by
// key, so case, spacing and — for values — diacritics do not matter, exactly as the seed lists are.
import type { ImportKind } from "~/lib/db/types";
import { CANONICAL_FIELDS, HEADER_ALIASES, IMPORT_KINDS, toHeaderKey } from "./fields";
import { ENUM_ALIASES } from "./normalize/enums";
import { ETHNICITY_ALIASES } from "./resolve/ethnicity-resolver";
import { PROCEDURE_ALIASES } from "./resolve/procedure-resolver";
import { compactKey } from "./text";

export const VALUE_KINDS = [
  "help_type",
  "channel",
  "outcome",
  "gender",
  "ethnicity",
  "procedure",
  "commune",
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
export type VocabularyKind = "header" | ValueKind;
export const VOCABULARY_KINDS: readonly VocabularyKind[] = ["header", ...VALUE_KINDS];

/**
 * Coded columns whose unknown labels still count, in a catch-all bucket, with the label kept
 * (core.assistance.source_labels) until someone maps it. The others (channel, outcome, commune)
 * have no honest bucket: such a row is quarantined and replayed once a mapping exists.
 */
export const BUCKETED_KINDS = ["help_type", "gender", "ethnicity", "procedure"] as const;
export type BucketedKind = (typeof BUCKETED_KINDS)[number];

export interface VocabularyEntry {
  kind: VocabularyKind;
  /** For a header, the import kind; for a commune spelling, the province; otherwise ''. */
  scope: string;
  alias: string;
  target: string;
}

/** The key an alias is stored and matched under. */
export function vocabularyKey(kind: VocabularyKind, alias: string): string {
  return kind === "header" ? toHeaderKey(alias) : compactKey(alias.normalize("NFC"));
}

/** An admin's or the seed's entries, indexed for the parsers. */
export class Vocabulary {
  private readonly index = new Map<string, string>();
  private readonly kinds = new Set<string>();
  private readonly extras = new Map<string, ((text: string) => string | undefined) | undefined>();
  readonly size: number;

  constructor(entries: readonly VocabularyEntry[]) {
    for (const e of entries) {
      this.index.set(this.slot(e.kind, e.scope, vocabularyKey(e.kind, e.alias)), e.target);
      this.kinds.add(`${e.kind}\u0000${e.scope}`);
    }
    this.size = entries.length;
  }

  /**
   * A lookup for one kind and scope, or undefined when there is no entry of it: most rows then pay
   * nothing. Keys are memoised because a file repeats a handful of labels.
   */
  extra(kind: VocabularyKind, scope = ""): ((text: string) => string | undefined) | undefined {
    // Asked for on every row: the same lookup (and its memo) is handed out each time.
    const slot = `${kind}\u0000${scope}`;
    if (this.extras.has(slot)) return this.extras.get(slot);
    let lookup: ((text: string) => string | undefined) | undefined;
    if (this.kinds.has(slot)) {
      const memo = new Map<string, string | undefined>();
      lookup = (text) => {
        if (memo.has(text)) return memo.get(text);
        const found = this.lookup(kind, text, scope);
        if (memo.size < 10_000) memo.set(text, found);
        return found;
      };
    }
    this.extras.set(slot, lookup);
    return lookup;
  }

  private slot(kind: VocabularyKind, scope: string, key: string): string {
    return `${kind}\u0000${scope}\u0000${key}`;
  }

  /** The value an alias maps to, or undefined. */
  lookup(kind: VocabularyKind, text: string, scope = ""): string | undefined {
    return this.index.get(this.slot(kind, scope, vocabularyKey(kind, text)));
  }

  /** The header → field entries of one import kind, keyed as fields.ts keys headers. */
  headers(kind: ImportKind): ReadonlyMap<string, string> {
    const prefix = this.slot("header", kind, "");
    const out = new Map<string, string>();
    for (const [slot, field] of this.index)
      if (slot.startsWith(prefix)) out.set(slot.slice(prefix.length), field);
    return out;
  }
}

export const EMPTY_VOCABULARY = new Vocabulary([]);

/** Today's lists in the code, as the entries ref.vocabulary is seeded with. */
export function seedEntries(): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  for (const kind of IMPORT_KINDS) {
    const aliases: Readonly<Record<string, readonly string[]>> = HEADER_ALIASES[kind];
    for (const field of CANONICAL_FIELDS[kind])
      for (const alias of aliases[field] ?? [])
        entries.push({ kind: "header", scope: kind, alias, target: field });
  }
  for (const [kind, values] of Object.entries(ENUM_ALIASES))
    for (const [target, words] of Object.entries(values as Record<string, readonly string[]>))
      for (const alias of words)
        entries.push({ kind: kind as ValueKind, scope: "", alias, target });
  // The resolvers' own extra spellings; their reference names (ref.ethnic_group, ref.procedure)
  // are data already.
  for (const [kind, lists] of [
    ["ethnicity", ETHNICITY_ALIASES],
    ["procedure", PROCEDURE_ALIASES],
  ] as const)
    for (const [target, words] of Object.entries(lists))
      for (const alias of words) entries.push({ kind, scope: "", alias, target });
  return entries;
}

/** Allowed targets of a value kind that has a fixed list (help types, channels…), else null. */
export function fixedTargets(kind: VocabularyKind): readonly string[] | null {
  if (kind === "header") return null;
  const values = (ENUM_ALIASES as Partial<Record<ValueKind, Record<string, readonly string[]>>>)[
    kind
  ];
  return values ? Object.keys(values) : null;
}
