-- grain: one row per assistance record (core.assistance) of the given communes, filtered by month
-- range and procedure group, as the CSV line the record-level download sends (ADR 019); source:
-- core.assistance joined to ref.commune, ref.procedure and ref.ethnic_group. The same rows, order
-- and parameters as assistance_records.sql ($1 communes, $2 first month, $3 last month, $4
-- procedure group or null, $5 the record_id after which to start or null, $6 row limit or null);
-- read that file's comments for why the communes arrive as a list.
-- `line` is the record exactly as app/lib/format/csv.ts writes it (csvRow: cells by csvCell, CRLF),
-- so PostgreSQL formats the file and COPY … TO STDOUT streams it with no per-row JavaScript:
--   - text that can hold anything (record_id, team, volunteer_id) goes through core.csv_cell;
--   - reference values (commune code and name, procedure code and group, ethnic code) are
--     formatted once per reference row in the materialized CTEs, not once per record; an ethnic
--     code missing from ref.ethnic_group (the ETL never loads one) is formatted per record;
--   - help_type, channel, outcome, age_band and gender are held to plain words by core.assistance's
--     CHECK constraints, and times, months and integers print as csvCell prints them, so they need
--     no formatting;
--   - a NULL (volunteer_id, ethnic_code) is an empty cell.
-- record_id is returned too: the embedded engine pages by it.
with commune as materialized (
  select code, core.csv_cell(code) as code_cell, core.csv_cell(name) as name_cell
  from ref.commune
  where code = any ($1::text[])
),
procedure as materialized (
  select code, core.csv_cell(code) as code_cell, core.csv_cell(procedure_group) as group_cell
  from ref.procedure
  where $4::text is null or procedure_group = $4::text
),
ethnic as materialized (
  select code, core.csv_cell(code) as code_cell from ref.ethnic_group
)
select
  a.record_id,
  coalesce(core.csv_cell(a.record_id), '') || ','
    || to_char(a.assisted_at, 'YYYY-MM-DD"T"HH24:MI:SS') || ','
    || to_char(a.assisted_at, 'YYYY-MM') || ','
    || c.code_cell || ','
    || c.name_cell || ','
    || coalesce(core.csv_cell(a.team), '') || ','
    || coalesce(core.csv_cell(a.volunteer_id), '') || ','
    || p.code_cell || ','
    || p.group_cell || ','
    || a.help_type || ','
    || a.channel || ','
    || a.outcome || ','
    || a.age_band || ','
    || a.gender || ','
    || coalesce(e.code_cell, core.csv_cell(a.ethnic_code), '') || ','
    || a.minutes || ','
    || a.batch_id || E'\r\n' as line
from core.assistance a
join commune c on c.code = a.commune_code
join procedure p on p.code = a.procedure_code
left join ethnic e on e.code = a.ethnic_code
where a.commune_code = any ($1::text[])
  and a.assisted_at >= to_date($2, 'YYYY-MM')
  and a.assisted_at < to_date($3, 'YYYY-MM') + interval '1 month'
  and ($5::text is null or a.record_id > $5::text)
order by a.record_id
limit $6::bigint
