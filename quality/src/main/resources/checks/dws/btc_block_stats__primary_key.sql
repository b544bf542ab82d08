-- description: the primary key (height) is unique and not null: one row per key
-- severity: error
SELECT
    height,
    COUNT(*) AS row_count
FROM dws.btc_block_stats
GROUP BY height
HAVING COUNT(*) > 1 OR height IS NULL
