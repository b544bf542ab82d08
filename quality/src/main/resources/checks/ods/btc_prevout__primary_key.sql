-- description: the primary key (txid, vout_index) is unique and not null: one row per key
-- severity: error
SELECT
    txid,
    vout_index,
    COUNT(*) AS row_count
FROM ods.btc_prevout
GROUP BY txid, vout_index
HAVING COUNT(*) > 1 OR txid IS NULL OR vout_index IS NULL
