-- grain: one row per alias the importer understands (kind × scope × key); source: the code's seed
-- lists (origin 'seed', rewritten whenever the reference data is reseeded) and an admin's mappings
-- (origin 'admin', from `etl map` or the data-quality page, each also in app.audit_log). Issue 11:
-- the vocabulary is data an admin extends, not code. scope is the import kind for a header alias,
-- the province for a commune spelling, '' otherwise. key is the alias as the importer compares it
-- (case, spacing and, for values, diacritics folded), so one spelling has one meaning.
create table ref.vocabulary (
  kind text not null check (kind in ('header', 'help_type', 'channel', 'outcome', 'gender', 'ethnicity', 'procedure', 'commune')),
  scope text not null default '',
  alias_key text not null check (alias_key <> ''),
  alias text not null,
  target text not null,
  origin text not null check (origin in ('seed', 'admin')),
  added_by text,
  added_at timestamptz not null default clock_timestamp(),
  primary key (kind, scope, alias_key)
);

-- A coded value the vocabulary does not know yet still counts, in its catch-all bucket ("other",
-- "unknown", no ethnic group), with the label as written kept here per field ({"help_type":
-- "Làm CCCD"}) until someone maps it; mapping re-derives these rows. Null when every label was known.
alter table core.assistance add column source_labels jsonb;
alter table staging.assistance add column source_labels jsonb;
create index assistance_source_labels_idx on core.assistance (batch_id) where source_labels is not null;
