-- description: the primary key (block_hash) is unique and not null: one row per key
-- severity: error
SELECT
    block_hash,
    COUNT(*) AS row_count
FROM dwd.btc_block
GROUP BY block_hash
HAVING COUNT(*) > 1 OR block_hash IS NULL
