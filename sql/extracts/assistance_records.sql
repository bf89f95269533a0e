-- grain: one row per assistance record (core.assistance) of the given communes, filtered by month
-- range and procedure group; source: core.assistance joined to ref.commune and ref.procedure.
-- The analysts' record-level extract: no direct identifiers ever reach core (the ETL drops name,
-- citizen-ID, phone and address columns), and volunteer_id is the team's own pseudonymous code.
-- Parameters: $1 commune codes (text[]: the province's units, already narrowed to the requested
-- communes and unit type), $2 first month 'YYYY-MM', $3 last month 'YYYY-MM', $4 procedure group
-- (null = all), $5 the last record_id of the previous page (null = from the start), $6 page size
-- (null = all).
-- Pages by record_id (the primary key): each page is its own short query, so a slow or vanished
-- client never holds a connection or a transaction open. The province and unit type arrive as
-- the list of codes, not as a join condition: PostgreSQL guesses a province filter keeps 1/34 of
-- the rows, so for 2 million records of one province it planned every page as a parallel scan
-- (~90 ms of worker start-up, ~200 ms a page); a code list is estimated from the column's own
-- statistics, and each page becomes a primary-key range scan that stops after $6 rows (~40 ms).
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
where a.commune_code = any ($1::text[])
  and a.assisted_at >= to_date($2, 'YYYY-MM')
  and a.assisted_at < to_date($3, 'YYYY-MM') + interval '1 month'
  and ($4::text is null or p.procedure_group = $4::text)
  and ($5::text is null or a.record_id > $5::text)
order by a.record_id
limit $6::bigint
