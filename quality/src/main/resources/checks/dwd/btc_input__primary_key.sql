-- description: the primary key (txid, block_hash, vin_index) is unique and not null: one row per key
-- severity: error
SELECT
    txid,
    block_hash,
    vin_index,
    COUNT(*) AS row_count
FROM dwd.btc_input
GROUP BY txid, block_hash, vin_index
HAVING COUNT(*) > 1 OR txid IS NULL OR block_hash IS NULL OR vin_index IS NULL
