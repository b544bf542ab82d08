-- description: the primary key (dt, txid) is unique and not null: one row per key
-- severity: error
SELECT
    dt,
    txid,
    COUNT(*) AS row_count
FROM ads.large_tx
GROUP BY dt, txid
HAVING COUNT(*) > 1 OR dt IS NULL OR txid IS NULL
