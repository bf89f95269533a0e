-- Staging holds one batch's normalized rows between the bulk load (COPY) and the merge into core.
-- Rows are keyed by batch_id and deleted in the same transaction that merges them, so other
-- sessions never see them.

-- grain: one row per accepted input row of an assistance batch; source: the ETL normalizer.
create table staging.assistance (
  batch_id bigint not null,
  source_line integer not null,
  record_id text not null,
  assisted_at timestamp not null,
  commune_code text not null,
  team text not null,
  volunteer_id text not null,
  procedure_code text not null,
  help_type text not null,
  channel text not null,
  outcome text not null,
  age_band text not null,
  gender text not null,
  ethnic_code text,
  minutes smallint not null,
  row_hash text not null
);
create index staging_assistance_batch_idx on staging.assistance (batch_id, record_id);

-- grain: one row per accepted input row of a shifts batch.
create table staging.volunteer_shift (
  batch_id bigint not null,
  source_line integer not null,
  shift_id text not null,
  volunteer_id text not null,
  team text not null,
  commune_code text not null,
  shift_date date not null,
  start_time time,
  end_time time,
  hours numeric(5, 2) not null,
  row_hash text not null
);
create index staging_volunteer_shift_batch_idx on staging.volunteer_shift (batch_id, shift_id);

-- grain: one row per accepted input row of a dossiers batch.
create table staging.dossier_stat (
  batch_id bigint not null,
  source_line integer not null,
  commune_code text not null,
  month date not null,
  procedure_code text not null,
  received_total integer not null,
  received_online integer not null,
  resolved_total integer,
  resolved_on_time integer,
  row_hash text not null
);
create index staging_dossier_stat_batch_idx on staging.dossier_stat (batch_id);

-- grain: one row per accepted input row of a population batch.
create table staging.population_profile (
  batch_id bigint not null,
  source_line integer not null,
  commune_code text not null,
  year integer not null,
  population_total integer not null,
  population_minority integer not null,
  population_elderly integer not null,
  population_female integer not null,
  row_hash text not null
);
create index staging_population_profile_batch_idx on staging.population_profile (batch_id);
