-- description: the primary key (source_file, source_offset) is unique and not null: one row per key
-- severity: error
SELECT
    source_file,
    source_offset,
    COUNT(*) AS row_count
FROM ods.btc_block_reject
GROUP BY source_file, source_offset
HAVING COUNT(*) > 1 OR source_file IS NULL OR source_offset IS NULL
