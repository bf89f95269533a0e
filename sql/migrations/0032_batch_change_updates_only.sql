-- grain: unchanged (core.batch_change: one row per core row a batch updated); source: the ETL
-- merge. Issue 13: inserts are no longer logged — a row a batch inserted carries that batch's id,
-- which is all `etl revert` needs (it deletes the batch's rows it logged no update for) — so a
-- first import writes each row once instead of twice. The insert rows logged so far are dropped.
delete from core.batch_change where op = 'insert';
