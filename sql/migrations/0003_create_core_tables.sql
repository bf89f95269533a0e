-- grain: one row per import attempt of one file (the batch ledger); source: the ETL.
-- A file (kind + SHA-256) can be loaded once: the partial unique index makes a second,
-- concurrent import of the same file fail instead of duplicating it.
create table core.import_batch (
  batch_id bigserial primary key,
  kind text not null check (kind in ('assistance', 'shifts', 'dossiers', 'population')),
  file_name text not null,
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes bigint not null,
  loaded_by text not null,
  status text not null check (status in ('running', 'loaded', 'rejected', 'reverted', 'failed')),
  options jsonb not null default '{}'::jsonb,
  rows_read integer not null default 0,
  rows_inserted integer not null default 0,
  rows_updated integer not null default 0,
  rows_unchanged integer not null default 0,
  rows_rejected integer not null default 0,
  warnings jsonb not null default '[]'::jsonb,
  dropped_columns text[] not null default '{}',
  replaced jsonb not null default '[]'::jsonb,
  timings jsonb not null default '{}'::jsonb,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  reverted_at timestamptz
);
create unique index import_batch_loaded_file_idx
  on core.import_batch (kind, file_sha256) where status = 'loaded';

-- grain: one row per rejected input row of a batch; source: the ETL's validation. raw holds the
-- row as read, with personal-data columns already removed.
create table core.rejected_row (
  batch_id bigint not null references core.import_batch (batch_id) on delete cascade,
  line integer not null,
  column_name text,
  reason_code text not null,
  message_vi text not null,
  message_en text not null,
  raw jsonb not null default '{}'::jsonb,
  primary key (batch_id, line)
);

-- grain: one row per citizen helped with one procedure (natural key record_id, unique in the
-- province); source: volunteer assistance logs. assisted_at is local time, Asia/Ho_Chi_Minh.
create table core.assistance (
  record_id text primary key,
  assisted_at timestamp not null,
  commune_code text not null references ref.commune (code),
  team text not null,
  volunteer_id text not null,
  procedure_code text not null references ref.procedure (code),
  help_type text not null check (help_type in ('guidance', 'form_filling', 'vneid', 'scanning', 'payment', 'other')),
  channel text not null check (channel in ('online', 'in_person')),
  outcome text not null check (outcome in ('submitted', 'completed', 'not_completed')),
  age_band text not null check (age_band in ('under_18', '18_34', '35_59', '60_plus', 'unknown')),
  gender text not null check (gender in ('female', 'male', 'other', 'unknown')),
  ethnic_code text references ref.ethnic_group (code),
  minutes smallint not null check (minutes between 1 and 480),
  row_hash text not null,
  batch_id bigint not null references core.import_batch (batch_id),
  source_line integer not null
);
create index assistance_commune_time_idx on core.assistance (commune_code, assisted_at);
create index assistance_time_idx on core.assistance (assisted_at);
create index assistance_batch_idx on core.assistance (batch_id);

-- grain: one row per volunteer shift (natural key shift_id, given or derived); source: shift logs.
create table core.volunteer_shift (
  shift_id text primary key,
  volunteer_id text not null,
  team text not null,
  commune_code text not null references ref.commune (code),
  shift_date date not null,
  start_time time,
  end_time time,
  hours numeric(5, 2) not null check (hours > 0 and hours <= 24),
  row_hash text not null,
  batch_id bigint not null references core.import_batch (batch_id),
  source_line integer not null
);
create index volunteer_shift_commune_date_idx on core.volunteer_shift (commune_code, shift_date);
create index volunteer_shift_batch_idx on core.volunteer_shift (batch_id);

-- grain: one row per commune × month × procedure; procedure_code '' holds figures reported for
-- all procedures together. source: the service centers' dossier statistics. A later batch for the
-- same key replaces the figures.
create table core.dossier_stat (
  commune_code text not null references ref.commune (code),
  month date not null check (extract(day from month) = 1),
  procedure_code text not null default '',
  received_total integer not null check (received_total >= 0),
  received_online integer not null check (received_online >= 0 and received_online <= received_total),
  resolved_total integer check (resolved_total >= 0),
  resolved_on_time integer check (resolved_on_time >= 0),
  row_hash text not null,
  batch_id bigint not null references core.import_batch (batch_id),
  source_line integer not null,
  primary key (commune_code, month, procedure_code)
);
create index dossier_stat_batch_idx on core.dossier_stat (batch_id);

-- grain: one row per core row a batch inserted or updated; source: the ETL merge. prior holds the
-- row as it was before an update (null for an insert), so `etl revert` can restore it.
create table core.batch_change (
  batch_id bigint not null references core.import_batch (batch_id) on delete cascade,
  target text not null check (target in ('assistance', 'volunteer_shift', 'dossier_stat', 'population_profile')),
  row_key text not null,
  op text not null check (op in ('insert', 'update')),
  prior jsonb,
  primary key (batch_id, target, row_key)
);
create index batch_change_key_idx on core.batch_change (target, row_key);
