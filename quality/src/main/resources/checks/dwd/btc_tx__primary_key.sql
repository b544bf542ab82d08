-- description: the primary key (txid, block_hash) is unique and not null: one row per key
-- severity: error
SELECT
    txid,
    block_hash,
    COUNT(*) AS row_count
FROM dwd.btc_tx
GROUP BY txid, block_hash
HAVING COUNT(*) > 1 OR txid IS NULL OR block_hash IS NULL
