-- description: the primary key (source_name, source_partition, source_offset) is unique and not null: one row per rejected position
-- severity: error
SELECT
    source_name,
    source_partition,
    source_offset,
    COUNT(*) AS row_count
FROM ods.pool_share_reject
GROUP BY source_name, source_partition, source_offset
HAVING COUNT(*) > 1 OR source_name IS NULL OR source_partition IS NULL OR source_offset IS NULL
