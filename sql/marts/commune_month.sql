-- grain: one row per commune × month (YYYY-MM) for every commune of the province, zeros included;
-- source: core.assistance, core.volunteer_shift, core.dossier_stat, ref.commune.
-- Refills the months in $2 (text[] of 'YYYY-MM') for province $1. Run after deleting those months;
-- an incremental refresh and a full rebuild run this same statement (see app/lib/marts/).
-- Dossiers: a commune × month reported "all procedures" (procedure_code '') uses that figure;
-- otherwise the per-procedure rows are summed (docs/metrics.md).
with months as (
  select m as month, to_date(m, 'YYYY-MM') as month_start
  from unnest($2::text[]) as m
),
bounds as (
  select min(month_start) as lo, (max(month_start) + interval '1 month')::date as hi from months
),
communes as (
  select code, name, unit_type from ref.commune where province_code = $1
),
assistance as (
  select
    a.commune_code,
    to_char(a.assisted_at, 'YYYY-MM') as month,
    count(*) as cases,
    count(*) filter (where a.channel = 'online') as cases_online,
    count(*) filter (where a.outcome = 'completed') as cases_completed,
    count(*) filter (where a.outcome = 'not_completed') as cases_not_completed,
    count(*) filter (where a.help_type = 'vneid') as cases_vneid,
    count(*) filter (where a.ethnic_code is not null and a.ethnic_code <> '01') as cases_minority,
    count(*) filter (where a.age_band = '60_plus') as cases_elderly,
    count(*) filter (where a.gender = 'female') as cases_female,
    count(*) filter (where a.ethnic_code is null) as cases_ethnicity_unknown
  from core.assistance a, bounds b
  where a.assisted_at >= b.lo and a.assisted_at < b.hi
    and a.commune_code in (select code from communes)
  group by 1, 2
),
shifts as (
  select s.commune_code, to_char(s.shift_date, 'YYYY-MM') as month, sum(s.hours) as volunteer_hours
  from core.volunteer_shift s, bounds b
  where s.shift_date >= b.lo and s.shift_date < b.hi
    and s.commune_code in (select code from communes)
  group by 1, 2
),
volunteers as (
  select commune_code, month, count(distinct volunteer_id) as volunteers_active
  from (
    select a.commune_code, to_char(a.assisted_at, 'YYYY-MM') as month, a.volunteer_id
    from core.assistance a, bounds b
    where a.assisted_at >= b.lo and a.assisted_at < b.hi
    union all
    select s.commune_code, to_char(s.shift_date, 'YYYY-MM'), s.volunteer_id
    from core.volunteer_shift s, bounds b
    where s.shift_date >= b.lo and s.shift_date < b.hi
  ) v
  group by 1, 2
),
dossiers as (
  select
    d.commune_code,
    to_char(d.month, 'YYYY-MM') as month,
    coalesce(
      max(d.received_total) filter (where d.procedure_code = ''),
      sum(d.received_total) filter (where d.procedure_code <> '')
    ) as dossiers_total,
    coalesce(
      max(d.received_online) filter (where d.procedure_code = ''),
      sum(d.received_online) filter (where d.procedure_code <> '')
    ) as dossiers_online
  from core.dossier_stat d, bounds b
  where d.month >= b.lo and d.month < b.hi
  group by 1, 2
),
cells as (
  select
    c.code as commune_code,
    c.name as commune_name,
    c.unit_type,
    m.month,
    coalesce(a.cases, 0) as cases,
    coalesce(a.cases_online, 0) as cases_online,
    coalesce(a.cases_completed, 0) as cases_completed,
    coalesce(a.cases_not_completed, 0) as cases_not_completed,
    coalesce(a.cases_vneid, 0) as cases_vneid,
    coalesce(a.cases_minority, 0) as cases_minority,
    coalesce(a.cases_elderly, 0) as cases_elderly,
    coalesce(a.cases_female, 0) as cases_female,
    coalesce(a.cases_ethnicity_unknown, 0) as cases_ethnicity_unknown,
    coalesce(s.volunteer_hours, 0) as volunteer_hours,
    coalesce(v.volunteers_active, 0) as volunteers_active,
    coalesce(d.dossiers_total, 0) as dossiers_total,
    coalesce(d.dossiers_online, 0) as dossiers_online
  from communes c
  cross join months m
  left join assistance a on a.commune_code = c.code and a.month = m.month
  left join shifts s on s.commune_code = c.code and s.month = m.month
  left join volunteers v on v.commune_code = c.code and v.month = m.month
  left join dossiers d on d.commune_code = c.code and d.month = m.month
)
insert into mart.commune_month (
  commune_code, commune_name, unit_type, month,
  cases, cases_online, cases_completed, cases_not_completed, cases_vneid,
  cases_minority, cases_elderly, cases_female, cases_ethnicity_unknown,
  volunteer_hours, volunteers_active, dossiers_total, dossiers_online,
  online_uptake, assisted_online_share, completion_rate
)
select
  commune_code, commune_name, unit_type, month,
  cases, cases_online, cases_completed, cases_not_completed, cases_vneid,
  cases_minority, cases_elderly, cases_female, cases_ethnicity_unknown,
  volunteer_hours, volunteers_active, dossiers_total, dossiers_online,
  dossiers_online::double precision / nullif(dossiers_total, 0),
  cases_online::double precision / nullif(cases, 0),
  (cases - cases_not_completed)::double precision / nullif(cases, 0)
from cells
