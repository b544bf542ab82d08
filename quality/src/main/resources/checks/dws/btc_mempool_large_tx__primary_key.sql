-- description: the primary key (txid) is unique and not null: one row per large unconfirmed transaction
-- severity: error
SELECT
    txid,
    COUNT(*) AS row_count
FROM dws.btc_mempool_large_tx
GROUP BY txid
HAVING COUNT(*) > 1 OR txid IS NULL
