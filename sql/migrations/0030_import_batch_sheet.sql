-- grain: unchanged (one row per import attempt); source: the ETL. A workbook's sheets are loaded
-- as batches of their own (issue 11): one tab per month is common, and the second tab of a loaded
-- workbook must not be answered "already loaded". `sheet` is the sheet's name for a workbook and
-- null for a CSV; the idempotency key becomes kind + file + sheet. `rows_skipped` counts the rows
-- below a report's header that are not records (totals, signature block), by reason. Times come from the clock, not
-- the transaction start, so a batch's duration is real.
alter table core.import_batch add column sheet text;
update core.import_batch set sheet = options ->> 'sheet' where options ->> 'sheet' is not null;
drop index core.import_batch_loaded_file_idx;
create unique index import_batch_loaded_file_idx
  on core.import_batch (kind, file_sha256, coalesce(sheet, '')) where status = 'loaded';
alter table core.import_batch alter column started_at set default clock_timestamp();
alter table core.import_batch add column rows_skipped jsonb not null default '{}'::jsonb;
-- A file without a volunteer column (form exports, commune summaries) still counts its cases;
-- they are not counted as active volunteers, which count(distinct volunteer_id) already ignores.
alter table core.assistance alter column volunteer_id drop not null;
alter table core.volunteer_shift alter column volunteer_id drop not null;
alter table staging.assistance alter column volunteer_id drop not null;
alter table staging.volunteer_shift alter column volunteer_id drop not null;
