-- description: the primary key (txid, vout_index, block_hash) is unique and not null: one row per key
-- severity: error
SELECT
    txid,
    vout_index,
    block_hash,
    COUNT(*) AS row_count
FROM dwd.btc_output
GROUP BY txid, vout_index, block_hash
HAVING COUNT(*) > 1 OR txid IS NULL OR vout_index IS NULL OR block_hash IS NULL
