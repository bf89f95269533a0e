-- grain: none (drops an index); source: issue 13. staging.assistance holds one batch's accepted
-- rows for the life of its transaction and is emptied when the batch merges, so every statement on
-- it reads the whole batch (dedupe's window, the merge's join to core, the reference check): none
-- uses the (batch_id, record_id) index, and COPY paid to maintain it for every row. bench:etl at
-- 200,000 rows on PostgreSQL: the stage phase 1.56–1.63 s with it, 1.15–1.30 s without; dedupe
-- and merge unchanged. The other staging tables take a few thousand rows a batch and keep theirs.
drop index staging.staging_assistance_batch_idx;
