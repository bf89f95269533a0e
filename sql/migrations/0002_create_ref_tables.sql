-- Reference data shipped in sql/reference/ (see its README for sources and licences).

-- grain: one row per province after the 1 July 2025 merger (34); source: vn_provinces_2025.csv
create table ref.province (
  code text primary key check (code ~ '^[0-9]{2}$'),
  name text not null,
  name_en text not null,
  full_name text not null,
  unit_type text not null check (unit_type in ('tinh', 'thanh_pho')),
  n_units integer not null,
  area_km2 double precision,
  population bigint,
  formed_from text not null default ''
);

-- grain: one row per commune-level unit (xã, phường, đặc khu), 3,321 nationwide;
-- source: vn_communes_2025.csv. population_quality keeps the data's caveat: only an 'ok'
-- population is used as a denominator ('suspect_lt_1000' from the source's own check,
-- 'suspect_noted' where the source notes call the figure wrong, 'missing').
create table ref.commune (
  code text primary key check (code ~ '^[0-9]{5}$'),
  province_code text not null references ref.province (code),
  name text not null,
  name_ascii text not null,
  full_name text not null,
  full_name_en text not null,
  unit_type text not null check (unit_type in ('phuong', 'xa', 'dac_khu')),
  area_km2 double precision,
  area_km2_geom double precision,
  area_check text not null,
  population integer,
  population_quality text not null check (population_quality in ('ok', 'suspect_lt_1000', 'suspect_noted', 'missing')),
  formed_from text not null default '',
  admin_center_note text
);
create index commune_province_idx on ref.commune (province_code);

-- grain: one row per pre-July-2025 unit mentioned in a commune's formed_from × that successor
-- commune; source: parsed from vn_communes_2025.csv formed_from. A unit split between several
-- successors ("một phần …") has one row per successor and partial = true.
create table ref.commune_predecessor (
  commune_code text not null references ref.commune (code),
  old_name text not null,
  old_unit_type text,
  old_base_name text not null,
  old_qualifier text,
  partial boolean not null default false,
  primary key (commune_code, old_name)
);
create index commune_predecessor_base_idx on ref.commune_predecessor (old_base_name);

-- grain: one row per ethnic group (54); code = GSO list of QĐ 1019/QĐ-TCTK (2008),
-- code_1979 = the older QĐ 121-TCTK list still used on some forms; source: vn_ethnic_groups.csv
create table ref.ethnic_group (
  code text primary key check (code ~ '^[0-9]{2}$'),
  code_1979 text not null unique,
  name_vi text not null,
  name_en text not null,
  name_en_alt text,
  name_variants text not null default '',
  language_group_vi text not null,
  language_group_en text not null,
  is_majority boolean not null
);

-- grain: one row per public-service procedure in the national catalogue (2,642) plus the
-- catch-all code 'other'; source: vn_admin_procedures_dvcqg.csv, with labels and groups from
-- common_citizen_procedures.csv where the procedure is on that shortlist.
create table ref.procedure (
  code text primary key,
  name text not null,
  ministry text,
  field text,
  commune_level boolean not null default false,
  channel_online boolean not null default false,
  procedure_group text not null default 'other',
  label_vi text,
  label_en text,
  is_common boolean not null default false
);

-- grain: one row per commune × year; source: population-profile imports (statistics office),
-- a sample is shipped. Feeds the reach index denominators.
create table ref.population_profile (
  commune_code text not null references ref.commune (code),
  year integer not null check (year between 2000 and 2100),
  population_total integer not null check (population_total >= 0),
  population_minority integer not null check (population_minority >= 0),
  population_elderly integer not null check (population_elderly >= 0),
  population_female integer not null check (population_female >= 0),
  row_hash text not null,
  batch_id bigint not null,
  source_line integer not null,
  primary key (commune_code, year),
  check (population_minority <= population_total),
  check (population_elderly <= population_total),
  check (population_female <= population_total)
);

-- grain: one row per shipped reference file set; source: the seeding step at start. The checksum
-- tells a start whether sql/reference/ changed since it was loaded.
create table ref.dataset (
  name text primary key,
  checksum text not null,
  row_count integer not null,
  loaded_at timestamptz not null default now()
);
