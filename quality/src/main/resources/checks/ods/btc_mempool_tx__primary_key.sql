-- description: the primary key (txid) is unique and not null: one row per unconfirmed transaction seen
-- severity: error
SELECT
    txid,
    COUNT(*) AS row_count
FROM ods.btc_mempool_tx
GROUP BY txid
HAVING COUNT(*) > 1 OR txid IS NULL
