-- grain: one row (the province's covered month range); source: core.assistance,
-- core.volunteer_shift, core.dossier_stat for the communes of province $1.
-- The mart holds every commune for every month between first_month and last_month.
select
  to_char(min(lo), 'YYYY-MM') as first_month,
  to_char(max(hi), 'YYYY-MM') as last_month
from (
  select min(a.assisted_at) as lo, max(a.assisted_at) as hi
  from core.assistance a join ref.commune c on c.code = a.commune_code and c.province_code = $1
  union all
  select min(s.shift_date), max(s.shift_date)
  from core.volunteer_shift s join ref.commune c on c.code = s.commune_code and c.province_code = $1
  union all
  select min(d.month), max(d.month)
  from core.dossier_stat d join ref.commune c on c.code = d.commune_code and c.province_code = $1
) r
