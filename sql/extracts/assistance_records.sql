-- grain: one row per assistance record (core.assistance) of the province, filtered by month range,
-- communes and unit type; source: core.assistance joined to ref.commune and ref.procedure.
-- The analysts' record-level extract: no direct identifiers ever reach core (the ETL drops name,
-- citizen-ID, phone and address columns), and volunteer_id is the team's own pseudonymous code.
-- Parameters: $1 province code, $2 first month 'YYYY-MM', $3 last month 'YYYY-MM',
-- $4 commune codes (text[], null = all), $5 unit type (null = all), $6 procedure group (null = all),
-- $7 the last record_id of the previous page (null = from the start), $8 page size (null = all).
-- Pages by record_id (the primary key): each page is its own short query, so a slow or vanished
-- client never holds a connection or a transaction open.
select
  a.record_id,
  to_char(a.assisted_at, 'YYYY-MM-DD"T"HH24:MI:SS') as assisted_at,
  to_char(a.assisted_at, 'YYYY-MM') as month,
  a.commune_code,
  c.name as commune_name,
  a.team,
  a.volunteer_id,
  a.procedure_code,
  p.procedure_group,
  a.help_type,
  a.channel,
  a.outcome,
  a.age_band,
  a.gender,
  a.ethnic_code,
  a.minutes,
  a.batch_id
from core.assistance a
join ref.commune c on c.code = a.commune_code
join ref.procedure p on p.code = a.procedure_code
where c.province_code = $1
  and a.assisted_at >= to_date($2, 'YYYY-MM')
  and a.assisted_at < to_date($3, 'YYYY-MM') + interval '1 month'
  and ($4::text[] is null or a.commune_code = any ($4::text[]))
  and ($5::text is null or c.unit_type = $5::text)
  and ($6::text is null or p.procedure_group = $6::text)
  and ($7::text is null or a.record_id > $7::text)
order by a.record_id
limit $8::bigint
