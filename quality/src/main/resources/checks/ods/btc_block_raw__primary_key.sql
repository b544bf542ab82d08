-- description: the primary key (block_hash) is unique and not null: one row per key
-- severity: error
SELECT
    block_hash,
    COUNT(*) AS row_count
FROM ods.btc_block_raw
GROUP BY block_hash
HAVING COUNT(*) > 1 OR block_hash IS NULL
