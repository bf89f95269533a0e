-- grain: one row per commune × month (YYYY-MM) for every commune of the province over the covered
-- range, zeros included; source: core.assistance, core.volunteer_shift, core.dossier_stat.
-- Refilled by sql/marts/commune_month.sql for the months a batch touches. Column names are the
-- analysts' contract (docs/metrics.md): keep them.
create table mart.commune_month (
  commune_code text not null references ref.commune (code),
  commune_name text not null,
  unit_type text not null,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  cases integer not null,
  cases_online integer not null,
  cases_completed integer not null,
  cases_not_completed integer not null,
  cases_vneid integer not null,
  cases_minority integer not null,
  cases_elderly integer not null,
  cases_female integer not null,
  cases_ethnicity_unknown integer not null,
  volunteer_hours double precision not null,
  volunteers_active integer not null,
  dossiers_total integer not null,
  dossiers_online integer not null,
  online_uptake double precision,
  assisted_online_share double precision,
  completion_rate double precision,
  primary key (commune_code, month)
);
create index commune_month_month_idx on mart.commune_month (month);

-- grain: one row per province covered by the mart; source: the ETL. Records the covered range so
-- a refresh knows which months must exist for every commune.
create table mart.refresh_state (
  province_code text primary key references ref.province (code),
  first_month text,
  last_month text,
  refreshed_at timestamptz not null default now(),
  last_batch_id bigint
);
