-- grain: unchanged; source: the ETL merge. Issue 13: the facts' references to the reference tables
-- (commune, procedure, ethnic group) and to their batch were checked by a foreign-key trigger per
-- row, most of what a first import's merge cost (benchmarks: 6.5 s → 3.9 s for 200k rows without
-- them). Only the ETL writes these tables; it resolves every code against the same reference
-- tables, and the merge now checks each batch's codes in one set-based statement before writing
-- (merge-spec.ts, buildReferenceCheckSql), failing the batch as a violated key would. Reference rows
-- are upserted, never deleted (seed-reference.server.ts), so a checked code stays valid.
-- The ledger's cascades (rejected_row, batch_change) and the mart's key stay.
alter table core.assistance drop constraint if exists assistance_commune_code_fkey;
alter table core.assistance drop constraint if exists assistance_procedure_code_fkey;
alter table core.assistance drop constraint if exists assistance_ethnic_code_fkey;
alter table core.assistance drop constraint if exists assistance_batch_id_fkey;
alter table core.volunteer_shift drop constraint if exists volunteer_shift_commune_code_fkey;
alter table core.volunteer_shift drop constraint if exists volunteer_shift_batch_id_fkey;
alter table core.dossier_stat drop constraint if exists dossier_stat_commune_code_fkey;
alter table core.dossier_stat drop constraint if exists dossier_stat_batch_id_fkey;
alter table ref.population_profile drop constraint if exists population_profile_commune_code_fkey;
