-- description: the primary key (txid, dt) is unique and not null: one row per key
-- severity: error
SELECT
    txid,
    dt,
    COUNT(*) AS row_count
FROM dws.btc_large_tx_flow
GROUP BY txid, dt
HAVING COUNT(*) > 1 OR txid IS NULL OR dt IS NULL
